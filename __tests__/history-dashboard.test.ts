import { describe, expect, it } from '@jest/globals'
import { marked } from 'marked'
import { dashboard } from '../src/history/dashboard.js'
import { parseLedger, slug } from '../src/history/ledger.js'
import { commitMessage, planWrite } from '../src/history/plan.js'
import { DAY, NOW, daily, ledgerText, record } from './helpers/history.js'
import { parseXml } from './helpers/xml.js'

const HOSTILE = 'Evil | [click](https://evil.test) <img src=x onerror=alert(1)> **bold** @ops'

const board = () =>
  dashboard(
    [
      {
        slug: 'prod-db',
        target: 'prod-db',
        records: daily([{}, { outcome: 'failed' }, { seconds: 2000, rto: 1800 }]),
      },
      {
        slug: slug(HOSTILE),
        target: HOSTILE,
        records: [record({ target: HOSTILE })],
        unreadable: 2,
      },
      {
        slug: 'billing',
        target: 'billing',
        records: [record({ target: 'billing', at: NOW - 400 * DAY })],
      },
    ],
    { now: NOW, historySize: 500, runUrl: 'https://github.com/acme/backups/actions/runs/9' },
  )

describe('the duration against its RTO on the dashboard', () => {
  const cell = (rtoText: string) =>
    dashboard(
      [{ slug: 'db', target: 'db', records: [record({ seconds: 600, rto: 93_600, rtoText })] }],
      { now: NOW, historySize: 500, runUrl: 'https://github.com/acme/backups/actions/runs/9' },
    )
      .split('\n')
      .find((line) => line.startsWith('| **db**'))

  it('shows the limit as the workflow wrote it', () => {
    expect(cell('26h')).toContain('| ✅ 10m of 26h |')
  })

  it('falls back to its seconds when the ledger holds something else there', () => {
    expect(cell('<b>26h</b>')).toContain('| ✅ 10m of 1d 2h |')
  })
})

describe('the dashboard', () => {
  it('has one row per target, in the order of their slugs', () => {
    const html = marked.parse(board(), { gfm: true, async: false })
    const rows = [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => row[1] as string)
    const cells = (row: string) =>
      [...row.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((cell) => cell[1])
    expect(rows).toHaveLength(4)
    expect(cells(rows[0] as string)).toEqual([
      'Target',
      'Last drill',
      '30 days',
      '90 days',
      '365 days',
      'Newest duration vs RTO',
      'Backup age vs RPO',
      'Evidence',
    ])
    expect(rows.slice(1).map((row) => cells(row).length)).toEqual([8, 8, 8])
    expect(cells(rows[1] as string)[0]).toBe('<strong>billing</strong>')
    expect(cells(rows[3] as string)[0]).toBe('<strong>prod-db</strong>')
  })

  it('answers for each target: last outcome and when, rates, duration vs RTO, age vs RPO', () => {
    const row = board()
      .split('\n')
      .find((line) => line.startsWith('| **prod-db**'))
    expect(row).toBe(
      '| **prod-db** | ✅ succeeded, 2026-03-01 12:00 UTC | 67 % (2/3) | 67 % (2/3) | 67 % (2/3) | ❌ 33m 20s of 30m | ✅ 1h of 1d | [chart](charts/prod-db.svg) · [ledger](drills/prod-db.jsonl) |',
    )
    const old = board()
      .split('\n')
      .find((line) => line.startsWith('| **billing**'))
    expect(old).toContain('| – | – | – |')
  })

  it('embeds each chart by its relative path, under a heading per target', () => {
    const markdown = board()
    expect(markdown).toContain('## prod-db\n\n![Restore duration of prod-db](charts/prod-db.svg)')
    const html = marked.parse(markdown, { gfm: true, async: false })
    const images = [...html.matchAll(/<img [^>]*>/g)].map((tag) => tag[0])
    expect(images).toHaveLength(3)
    for (const image of images) expect(image).toMatch(/src="charts\/[a-z0-9-]+\.svg"/)
  })

  it("escapes a target's name: no link, image, markup or broken table comes of it", () => {
    const markdown = board()
    const html = marked.parse(markdown, { gfm: true, async: false })
    expect(html).not.toContain('href="https://evil.test"')
    expect(html).not.toMatch(/<img src=x/i)
    // As text it is harmless; as an attribute of a tag it would run.
    const attributes = (html.match(/<[a-z][^>]*>/gi) ?? []).map((tag) =>
      tag.replace(/"[^"]*"/g, '""'),
    )
    expect(attributes.filter((tag) => /\son\w+=/i.test(tag))).toEqual([])
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).not.toContain('<strong>bold</strong>')
    expect(html).toContain('Evil')
    // Every body row still has its eight cells.
    for (const line of markdown.split('\n').filter((text) => text.startsWith('| **')))
      expect(line.split(/(?<!\\)\|/).length - 2).toBe(8)
  })

  it('says how many lines of a ledger it could not read, and the run that wrote it', () => {
    const markdown = board()
    expect(markdown).toContain('2 lines of [its ledger]')
    expect(markdown).toContain('by [this run](https://github.com/acme/backups/actions/runs/9)')
    expect(markdown).toContain('newest 500 drills')
  })

  it('shows the warnings of a target', () => {
    const stale = daily([{}, { outcome: 'failed' }, { outcome: 'failed' }, { outcome: 'failed' }])
    const markdown = dashboard([{ slug: 'p', target: 'p', records: stale }], {
      now: NOW,
      historySize: 5,
    })
    expect(markdown).toContain('> ⚠️ Restore drill p: the last successful drill was 3 days ago')
  })

  it('shows the input a warning names as code, as the job summary does', () => {
    const slow = daily([{ seconds: 1700 }, { seconds: 1750 }, { seconds: 1790 }])
    const markdown = dashboard([{ slug: 'p', target: 'p', records: slow }], {
      now: NOW,
      historySize: 5,
    })
    expect(markdown).toContain('over 80 % of <code>max_restore_duration</code> (30m)')
  })

  it('says when there is no drill yet', () => {
    expect(dashboard([], { now: NOW, historySize: 500 })).toContain('No drill recorded yet.')
  })
})

describe('planWrite', () => {
  const options = { historySize: 3, now: NOW, runUrl: null }

  it("writes each target's ledger and chart, and the dashboard over every ledger", () => {
    const other = ledgerText([record({ target: 'billing', at: NOW - DAY })])
    const drills = [record({ target: 'Prod DB' }), record({ target: 'cache', outcome: 'failed' })]
    const plan = planWrite(new Map([['billing', other]]), drills, options)
    expect([...plan.files.keys()].sort()).toEqual([
      'README.md',
      'charts/cache.svg',
      'charts/prod-db.svg',
      'drills/cache.jsonl',
      'drills/prod-db.jsonl',
    ])
    expect(parseLedger(plan.files.get('drills/prod-db.jsonl') as string).records).toEqual([
      drills[0],
    ])
    parseXml(plan.files.get('charts/prod-db.svg') as string)
    const readme = plan.files.get('README.md') as string
    for (const name of ['billing', 'cache', 'Prod DB']) expect(readme).toContain(`| **${name}** |`)
    expect(plan.targets['prod-db']).toMatchObject({
      target: 'Prod DB',
      ledger: 'drills/prod-db.jsonl',
      chart: 'charts/prod-db.svg',
      added: 1,
    })
    expect(plan.message).toBe('Drill history: 2 drills (1 succeeded, 1 failed) [skip ci]\n')
  })

  it('writes nothing when every record is there already', () => {
    const drill = record()
    const plan = planWrite(new Map([['prod-db', ledgerText([drill])]]), [drill], options)
    expect(plan.files.size).toBe(0)
    expect(plan.targets['prod-db']).toMatchObject({ added: 0, records: [drill] })
  })

  it('keeps history_size in each ledger it writes', () => {
    const old = ledgerText(daily([{}, {}, {}], NOW - DAY))
    const plan = planWrite(new Map([['prod-db', old]]), [record()], options)
    expect(plan.targets['prod-db']?.records).toHaveLength(3)
  })

  it('names one drill in the commit, and links the run', () => {
    const message = commitMessage(
      [record({ target: 'prod\ndb', outcome: 'timed_out' })],
      'https://x/run',
    )
    expect(message).toBe('Drill history: prod db timed out [skip ci]\n\nWritten by https://x/run\n')
  })
})
