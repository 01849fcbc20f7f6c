// The job summary as GitHub-flavoured Markdown (marked, gfm, and no sanitiser, so that escaping
// alone must hold), read back as HTML: every list and table keeps its shape whatever the API said.
import { describe, expect, it } from '@jest/globals'
import { marked } from 'marked'
import { newEvidence, type Evidence } from '../src/report/evidence.js'
import { buildResult } from '../src/report/result.js'
import { renderSummary, summaryFooter, type SummaryExtras } from '../src/report/summary.js'
import { DIR, backup, file, restore } from './fixtures/values.js'

interface Section {
  title: string
  /** Each list item's HTML. */
  items: string[]
}

const ENV = { GITHUB_REPOSITORY: 'acme/backups', GITHUB_WORKFLOW: 'Restore drill' }
const DB = file('db.sql.gz', { size: '2434 bytes', sizeBytes: 2434 })
const DONE = restore({
  status: 'completed',
  startedAt: '2023-07-21T15:36:40.000000Z',
  completedAt: '2023-07-21T15:38:10.500000Z',
  compute: { type: 'ss_agent', serverId: 9362, serverName: 'drill box' },
})

function summaryHtml(overrides: Partial<Evidence>, extras: SummaryExtras = {}): string {
  const result = buildResult({ ...newEvidence(), ...overrides }, { ...ENV, GITHUB_RUN_ID: '7' })
  const markdown = `${renderSummary(result, extras)}${summaryFooter(result)}`
  return marked.parse(markdown, { gfm: true, async: false })
}

/** The tables' rows, header first, each row its cells' HTML. */
function tablesOf(html: string): string[][][] {
  const cells = (row: string): string[] =>
    [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1] ?? '')
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) =>
    [...(m[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => cells(r[1] ?? '')),
  )
}

/** The facts under each heading: a list, each item `<strong>key:</strong> value`. */
function sectionsOf(html: string): Section[] {
  return [...html.matchAll(/<h3>(.*?)<\/h3>\s*<ul>([\s\S]*?)<\/ul>/g)].map((m) => ({
    title: m[1] ?? '',
    items: [...(m[2] ?? '').matchAll(/<li>([\s\S]*?)<\/li>/g)].map((i) => i[1] ?? ''),
  }))
}

const keyOf = (item: string): string => /^<strong>(.*?):<\/strong>/.exec(item)?.[1] ?? ''

/** What a reader sees: tags dropped, character references resolved. */
function visible(html: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' }
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|[a-z]+);/g, (ref, body: string) =>
      body.startsWith('#') ? String.fromCodePoint(Number(body.slice(1))) : (named[body] ?? ref),
    )
}

/** The tags of a summary without error: headings, the checks table, lists, folds, the footer. */
const TABLE_TAGS = ['table', 'tbody', 'td', 'th', 'thead', 'tr']
const SUMMARY_TAGS = [
  ...['code', 'details', 'h2', 'h3', 'li', 'p', 'strong', 'sub', 'summary', 'ul'],
  ...TABLE_TAGS,
].sort()
/** The keys of the facts: the only bold text, with the labels of the error and what is left. */
const KEYS = [
  'id',
  'job',
  'completed',
  'chosen',
  'status',
  'compute',
  'files',
  'created',
  'ran',
  'duration',
]

const tags = (html: string): string[] =>
  [...new Set([...html.matchAll(/<([a-z][a-z0-9]*)[\s>]/g)].map((m) => m[1] ?? ''))].sort()

describe('the job summary rendered as GitHub-flavoured Markdown', () => {
  const succeeded = summaryHtml({
    outcome: 'succeeded',
    backup: backup({ files: [DB] }),
    backupAgeMs: 3_600_600,
    files: [DB],
    restore: DONE,
    checks: [
      {
        name: 'max_backup_age',
        limitSeconds: 93_600,
        limit: '26h',
        actualSeconds: 3600.6,
        passed: true,
      },
      {
        name: 'max_restore_duration',
        limitSeconds: 2700,
        limit: '45m',
        actualSeconds: 90.5,
        passed: true,
      },
    ],
  })

  it('has a headline with the numbers, a checks table with headers, and the facts as lists', () => {
    expect(succeeded).toMatch(
      /^<h2>✅ Restore drill succeeded — backup 1h 1s old \(RPO 26h\), restored in 1m 31s \(RTO 45m\)<\/h2>/,
    )
    const [checks, ...others] = tablesOf(succeeded)
    expect(others).toEqual([])
    expect(checks?.[0]).toEqual(['check', 'limit', 'actual', 'verdict'])
    expect(checks?.slice(1).map((row) => row.length)).toEqual([4, 4])
    const sections = sectionsOf(succeeded)
    expect(sections.map((section) => [section.title, section.items.map(keyOf)])).toEqual([
      ['Backup', ['id', 'job', 'completed']],
      ['Restore', ['id', 'status', 'compute', 'files', 'created', 'ran', 'duration']],
    ])
    expect(succeeded.indexOf('<h3>Checks</h3>')).toBeLessThan(succeeded.indexOf('<h3>Backup</h3>'))
  })

  it('shows ids as code and the verdicts, and leaks no Markdown syntax as text', () => {
    const [backupFacts, restoreFacts] = sectionsOf(succeeded)
    expect(backupFacts?.items[0]).toBe(`<strong>id:</strong> <code>${backup().id}</code>`)
    expect(visible(restoreFacts?.items[2] ?? '')).toBe('compute: ss_agent 9362')
    expect(visible(restoreFacts?.items[5] ?? '')).toBe('ran: 21 Jul 2023, 15:36 → 15:38 UTC')
    expect(succeeded).toMatch(
      /<details><summary>Files \(1\)<\/summary>\s*<ul>\s*<li><code>[^<]*db\.sql\.gz<\/code><\/li>/,
    )
    const checks = tablesOf(succeeded)[0] ?? []
    expect(checks.slice(1).map((row) => visible(row[3] ?? ''))).toEqual(['✅ passed', '✅ passed'])
    expect(checks.slice(1).map((row) => row[1])).toEqual(['26h', '45m'])
    expect(visible(succeeded)).not.toMatch(/\| ---|\*\*|&#/)
    expect(tags(succeeded)).toEqual(SUMMARY_TAGS)
  })

  it('keeps hostile text from the API as plain text: no tag, link, image or broken table', () => {
    const hostile =
      'Denied | <script>alert(1)</script> [click](javascript:alert(1)) ![x](https://evil.example/p.png)\n' +
      '**bold** _em_ `code` ~~gone~~ www.evil.example <img src=x onerror=alert(1)> \\| end'
    const html = summaryHtml(
      {
        outcome: 'failed',
        backup: backup({ files: [DB] }),
        files: [file('| <i>x [y](z) `q`.sql.gz')],
        restore: restore({ status: 'fail|ed <i>' }),
        error: `Restore failed: "${hostile}": check \`api_url\``,
      },
      { leftBehind: hostile },
    )
    // Only the quote of the error comes on top of a plain summary's tags (this run has no checks,
    // so no table), and the only bold text is the two labels and the keys of the facts.
    const plain = SUMMARY_TAGS.filter((tag) => !TABLE_TAGS.includes(tag))
    expect(tags(html)).toEqual([...plain, 'blockquote'].sort())
    const bold = [...html.matchAll(/<strong>(.*?)<\/strong>/g)].map((m) => m[1] ?? '')
    expect(bold.filter((text) => !KEYS.map((key) => `${key}:`).includes(text))).toEqual([
      'Error:',
      'Left behind:',
    ])
    // Each fact stays in its own list item, whole.
    const [, restoreFacts] = sectionsOf(html)
    expect(restoreFacts?.items.map(keyOf)).toEqual([
      ...['id', 'status', 'compute', 'files', 'created', 'ran', 'duration'],
    ])
    expect(visible(restoreFacts?.items[1] ?? '')).toBe('status: fail|ed <i>')
    const fileItem =
      /<details><summary>Files \(1\)<\/summary>\s*<ul>\s*<li>(.*?)<\/li>\s*<\/ul>/.exec(html)
    expect(visible(fileItem?.[1] ?? '')).toBe(`${DIR}/| <i>x [y](z) \`q\`.sql.gz`)
    // Every character of the API's text is shown, line breaks as spaces; a short back-ticked
    // name in a message (ours, such as `api_url`, or the API's) is shown as code.
    const shown = hostile.replace('\n', ' ').replace('`code`', 'code')
    expect(visible(html)).toContain(`Restore failed: "${shown}": check api_url`)
    expect(visible(html)).toContain(`Left behind: ${shown}`)
    expect(html).toContain('<code>api_url</code>')
  })

  it('shows a dry run request as a preformatted block, folded', () => {
    const html = summaryHtml(
      { outcome: 'dry_run', backup: backup(), files: [DB] },
      { request: { files: [DB.id], compute: { type: 'server', server_id: 3 } } },
    )
    expect(html).toMatch(
      /<details><summary>The request a run without <code>dry_run<\/code> would send<\/summary>\s*<pre><code>POST \/v1\/backups\/[\w-]+\/restore\n\{/,
    )
    expect(sectionsOf(html).map((section) => section.title)).toEqual(['Backup', 'Restore'])
  })
})
