// The job summary as GitHub shows it: its Markdown rendered as GitHub-flavoured Markdown (marked,
// gfm), then read back as HTML. Tables must keep their shape whatever the API said.
import { describe, expect, it } from '@jest/globals'
import { marked } from 'marked'
import { newEvidence, type Evidence } from '../src/report/evidence.js'
import { buildResult } from '../src/report/result.js'
import { renderSummary, type SummaryExtras } from '../src/report/summary.js'
import { backup, file, restore } from './fixtures/values.js'

interface Table {
  title: string
  header: string[]
  rows: string[][]
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
  return marked.parse(renderSummary(result, extras), { gfm: true, async: false })
}

function tablesOf(html: string): Table[] {
  const cells = (row: string): string[] =>
    [...row.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1] ?? '')
  return [...html.matchAll(/<h3>(.*?)<\/h3>\s*<table>([\s\S]*?)<\/table>/g)].map((m) => {
    const rows = [...(m[2] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => cells(r[1] ?? ''))
    return { title: m[1] ?? '', header: rows[0] ?? [], rows: rows.slice(1) }
  })
}

/** What a reader sees: tags dropped, character references resolved. */
function visible(html: string): string {
  const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' }
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|[a-z]+);/g, (ref, body: string) =>
      body.startsWith('#') ? String.fromCodePoint(Number(body.slice(1))) : (named[body] ?? ref),
    )
}

/** The tags of a summary without error: headings, tables, code, and the footer. */
const SUMMARY_TAGS = ['code', 'h2', 'h3', 'p', 'sub', 'table', 'tbody', 'td', 'th', 'thead', 'tr']

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
      { name: 'max_backup_age', limitSeconds: 93_600, actualSeconds: 3600.6, passed: true },
      { name: 'max_restore_duration', limitSeconds: 2700, actualSeconds: 90.5, passed: true },
    ],
  })

  it('has a headline and four tables of two or four columns, every row complete', () => {
    expect(succeeded).toMatch(/^<h2>✅ Restore drill succeeded<\/h2>/)
    const tables = tablesOf(succeeded)
    expect(tables.map((t) => [t.title, t.rows.length, t.header.length])).toEqual([
      ['Backup', 4, 2],
      ['Restore', 4, 2],
      ['Timing', 4, 2],
      ['Checks', 2, 4],
    ])
    for (const table of tables)
      for (const row of table.rows) expect(row).toHaveLength(table.header.length)
    expect(tables[0]?.rows.map((row) => row[0])).toEqual(['id', 'job', 'completed at', 'age'])
    expect(tables[3]?.header).toEqual(['check', 'limit', 'actual', 'verdict'])
  })

  it('shows ids as code and the verdicts, and leaks no Markdown syntax as text', () => {
    const [backupTable, restoreTable, , checks] = tablesOf(succeeded)
    expect(backupTable?.rows[0]?.[1]).toBe(`<code>${backup().id}</code>`)
    expect(visible(restoreTable?.rows[2]?.[1] ?? '')).toBe('ss_agent 9362')
    expect(visible(restoreTable?.rows[3]?.[1] ?? '')).toBe('1: db.sql.gz')
    expect(checks?.rows.map((row) => visible(row[3] ?? ''))).toEqual(['✅ passed', '✅ passed'])
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
    // Only the two bold labels and the quote around them come on top of a plain summary's tags.
    expect(tags(html)).toEqual([...SUMMARY_TAGS, 'blockquote', 'strong'].sort())
    expect(html.match(/<strong>/g)).toHaveLength(2)
    const tables = tablesOf(html)
    expect(tables.map((t) => [t.title, t.rows.length])).toEqual([
      ['Backup', 4],
      ['Restore', 4],
      ['Timing', 4],
    ])
    for (const table of tables) for (const row of table.rows) expect(row).toHaveLength(2)
    // Every character of the API's text is shown, line breaks as spaces; a short back-ticked
    // name in a message (ours, such as `api_url`, or the API's) is shown as code.
    const shown = hostile.replace('\n', ' ').replace('`code`', 'code')
    expect(visible(html)).toContain(`Restore failed: "${shown}": check api_url`)
    expect(visible(html)).toContain(`Left behind: ${shown}`)
    expect(html).toContain('<code>api_url</code>')
    expect(visible(tables[1]?.rows[1]?.[1] ?? '')).toBe('fail|ed <i>')
    expect(visible(tables[1]?.rows[3]?.[1] ?? '')).toBe('1: | <i>x [y](z) `q`.sql.gz')
  })

  it('shows a dry run request as a preformatted block', () => {
    const html = summaryHtml(
      { outcome: 'dry_run', backup: backup(), files: [DB] },
      { request: { files: [DB.id], compute: { type: 'server', server_id: 3 } } },
    )
    expect(html).toMatch(/<pre><code>POST \/v1\/backups\/[\w-]+\/restore\n\{/)
    expect(tablesOf(html).map((t) => t.title)).toEqual(['Backup', 'Restore', 'Timing'])
  })
})
