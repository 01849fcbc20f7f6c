import { describe, expect, it } from '@jest/globals'
import {
  appendRecords,
  chartPath,
  ledgerPath,
  parseLedger,
  slug,
  slugOfLedgerPath,
} from '../src/history/ledger.js'
import {
  MAX_RECORD_FILES,
  isRecorded,
  makeRecord,
  readRecord,
  recordKey,
} from '../src/history/record.js'
import { DEFAULT_HISTORY_SIZE, branchNameProblem, parseHistorySize } from '../src/inputs/history.js'
import { DAY, NOW, ledgerText, record, result } from './helpers/history.js'

describe('slug', () => {
  it.each([
    ['prod-db', 'prod-db'],
    ['Prod DB', 'prod-db'],
    ['job 6f7c5f07-bd49-49a5-8416-27b8de037ddc', 'job-6f7c5f07-bd49-49a5-8416-27b8de037ddc'],
    ['backup 596C5046', 'backup-596c5046'],
    ['  --Billing / EU (main)!  ', 'billing-eu-main'],
    ['a__b..c', 'a-b-c'],
    ['Ünïcode Ωmega', 'n-code-mega'],
  ])('makes %j %j', (target, expected) => {
    expect(slug(target)).toBe(expected)
  })

  it('gives a name with nothing usable in it a slug of its own, never an empty one', () => {
    expect(slug('???')).toMatch(/^drill-[0-9a-f]{8}$/)
    expect(slug('???')).toBe(slug('???'))
    expect(slug('???')).not.toBe(slug('!!!'))
  })

  it('cuts a long name and keeps two long names apart', () => {
    const long = `${'warehouse '.repeat(10)}eu`
    const other = `${'warehouse '.repeat(10)}us`
    expect(slug(long).length).toBeLessThanOrEqual(64)
    expect(slug(long)).toMatch(/^warehouse-warehouse-.*-[0-9a-f]{8}$/)
    expect(slug(long)).not.toBe(slug(other))
  })

  it('names the ledger and the chart after it, and reads the slug back from the ledger path', () => {
    expect(ledgerPath('prod-db')).toBe('drills/prod-db.jsonl')
    expect(chartPath('prod-db')).toBe('charts/prod-db.svg')
    expect(slugOfLedgerPath('drills/prod-db.jsonl')).toBe('prod-db')
    for (const other of ['README.md', 'charts/prod-db.svg', 'drills/a/b.jsonl', 'drills/X.jsonl'])
      expect(slugOfLedgerPath(other)).toBeNull()
  })
})

describe('history_size', () => {
  it.each([
    ['', DEFAULT_HISTORY_SIZE],
    ['1', 1],
    [' 250 ', 250],
    ['10000', 10_000],
    ['0', null],
    ['10001', null],
    ['-5', null],
    ['2.5', null],
    ['1e3', null],
    ['many', null],
  ])('reads %j as %j', (text, size) => {
    expect(parseHistorySize(text)).toBe(size)
  })
})

describe('which drills are recorded', () => {
  it('records drills that ran, not dry runs or restores not waited for', () => {
    expect(['succeeded', 'failed', 'timed_out', 'cancelled'].map(isRecorded)).toEqual([
      true,
      true,
      true,
      true,
    ])
    expect(makeRecord(result({}), 'x', NOW)).not.toBeNull()
    expect(makeRecord({ ...result(), outcome: 'dry_run' }, 'x', NOW)).toBeNull()
    expect(makeRecord({ ...result(), outcome: 'not_waited' }, 'x', NOW)).toBeNull()
  })

  it('keeps the whole result and adds the target and the time the drill ended', () => {
    const source = result({ seconds: 42 })
    const made = makeRecord(source, 'Prod DB', NOW)
    expect(made).toEqual({
      ...source,
      history: { target: 'Prod DB', recorded_at: '2026-03-01T12:00:00.000Z' },
    })
  })

  it('lists at most 100 files of a huge backup, and counts the others', () => {
    const files = Array.from({ length: 10_000 }, (_, i) => ({
      id: `f${i}`,
      name: `n${i}`,
      size: null,
    }))
    const source = {
      ...result(),
      files,
      files_omitted: 0,
      download: { dir: 'd', files, files_omitted: 0 },
    }
    const made = makeRecord(source, 'x', NOW) as unknown as Record<string, unknown> & {
      files: unknown[]
      download: { files: unknown[]; files_omitted: number }
    }
    expect(made.files).toHaveLength(MAX_RECORD_FILES)
    expect(made.files_omitted).toBe(10_000 - MAX_RECORD_FILES)
    expect(made.download.files).toHaveLength(MAX_RECORD_FILES)
    expect(made.download.files_omitted).toBe(10_000 - MAX_RECORD_FILES)
    // The result it came from is left as it was.
    expect(source.files).toHaveLength(10_000)
    expect(source.download.files).toHaveLength(10_000)
  })

  it('reads back only lines that are records', () => {
    const good = record()
    expect(readRecord(JSON.parse(JSON.stringify(good)))).toEqual(good)
    for (const bad of [
      null,
      [],
      'text',
      { ...good, outcome: 'dry_run' },
      { ...good, history: undefined },
      { ...good, history: { target: 7, recorded_at: good.history.recorded_at } },
      { ...good, history: { target: 'x', recorded_at: 'yesterday' } },
    ])
      expect(readRecord(bad)).toBeNull()
  })
})

describe('recordKey', () => {
  it('is the run, its attempt, the target and the restore', () => {
    const base = record({ runId: '7', attempt: '1', target: 'a', restoreId: 'r1' })
    expect(
      recordKey(record({ runId: '7', attempt: '1', target: 'a', restoreId: 'r1', at: 0 })),
    ).toBe(recordKey(base))
    for (const other of [
      record({ runId: '8', attempt: '1', target: 'a', restoreId: 'r1' }),
      record({ runId: '7', attempt: '2', target: 'a', restoreId: 'r1' }),
      record({ runId: '7', attempt: '1', target: 'b', restoreId: 'r1' }),
      record({ runId: '7', attempt: '1', target: 'a', restoreId: 'r2' }),
    ])
      expect(recordKey(other)).not.toBe(recordKey(base))
  })
})

describe('parseLedger', () => {
  it('reads one record per line and keeps every other line as it is', () => {
    const a = record({ at: NOW - DAY })
    const b = record()
    const text = `${JSON.stringify(a)}\n{"cut short\n\r\nnot json at all\r\n{"outcome":"dry_run"}\n${JSON.stringify(b)}`
    const ledger = parseLedger(text)
    expect(ledger.records).toEqual([a, b])
    expect(ledger.unreadable).toBe(3)
    expect(ledger.lines.map((line) => line.text)).toEqual([
      JSON.stringify(a),
      '{"cut short',
      'not json at all',
      '{"outcome":"dry_run"}',
      JSON.stringify(b),
    ])
  })

  it('never throws, whatever the text', () => {
    for (const text of ['', '\n\n', '\u0000\uFFFF', '[1,2', '{}'.repeat(1000), 'null\ntrue\n3'])
      expect(parseLedger(text).records).toEqual([])
  })
})

describe('appendRecords', () => {
  it('appends new records at the end, one line each, ending the file with a line break', () => {
    const old = record({ at: NOW - DAY })
    const fresh = record({ target: 'multi\nline' })
    const { text, added, dropped } = appendRecords(ledgerText([old]), [fresh], 500)
    expect(text).toBe(`${JSON.stringify(old)}\n${JSON.stringify(fresh)}\n`)
    expect(text.split('\n')).toHaveLength(3)
    expect(added).toEqual([fresh])
    expect(dropped).toBe(0)
  })

  it('adds a record once, however often the write is retried', () => {
    const drill = record()
    const once = appendRecords('', [drill, drill], 500)
    expect(once.added).toHaveLength(1)
    const again = appendRecords(once.text, [drill], 500)
    expect(again).toEqual({ text: once.text, added: [], dropped: 0 })
  })

  it('keeps a line it cannot read, byte for byte, where it was', () => {
    const old = record({ at: NOW - 2 * DAY })
    const foreign = '{"outcome":"succeeded","written_by":"v9","history":{"target":3}}'
    const fresh = record()
    const { text } = appendRecords(`${JSON.stringify(old)}\n${foreign}\n`, [fresh], 500)
    expect(text).toBe(`${JSON.stringify(old)}\n${foreign}\n${JSON.stringify(fresh)}\n`)
  })

  it('keeps a record as it was written, with fields this version does not know', () => {
    const later = `${JSON.stringify({ ...record({ at: NOW - DAY }), version: 2, new_field: [1] })}`
    const { text } = appendRecords(`${later}\n`, [record()], 500)
    expect(text.startsWith(`${later}\n`)).toBe(true)
  })

  it('drops the oldest lines first to keep history_size', () => {
    const drills = Array.from({ length: 5 }, (_, i) => record({ at: NOW - (5 - i) * DAY }))
    const fresh = record()
    const { text, dropped } = appendRecords(ledgerText(drills), [fresh], 3)
    expect(dropped).toBe(3)
    expect(parseLedger(text).records).toEqual([drills[3], drills[4], fresh])
  })

  it('counts the lines it cannot read towards history_size, and drops them when oldest', () => {
    const text = `garbage\n${ledgerText([record({ at: NOW - DAY })])}`
    const { text: after } = appendRecords(text, [record()], 2)
    expect(after.startsWith('garbage')).toBe(false)
    expect(parseLedger(after).records).toHaveLength(2)
  })

  it('takes history_size 500 by default and never less than one line', () => {
    const drills = Array.from({ length: 501 }, (_, i) => record({ at: NOW - i * 1000 }))
    expect(parseLedger(appendRecords('', drills).text).lines).toHaveLength(500)
    expect(parseLedger(appendRecords('', drills.slice(0, 3), 0).text).lines).toHaveLength(1)
  })
})

describe('history_branch', () => {
  it.each(['drill-history', 'drills/history', 'history_2026', 'a.b'])('takes %j', (name) => {
    expect(branchNameProblem(name)).toBeNull()
  })

  it.each([
    ['', 'empty'],
    ['@', 'HEAD'],
    ['drill history', 'space'],
    ['a~1', '~'],
    ['a..b', '..'],
    ['a@{1}', '@{'],
    ['-x', 'starts with -'],
    ['a/', 'ends with /'],
    ['/a', 'starts'],
    ['a.', 'ends with .'],
    ['a//b', '//'],
    ['a/.hidden', 'starts with .'],
    ['main.lock', '.lock'],
    ['tab\there', 'control'],
  ])('refuses %j', (name, why) => {
    expect(branchNameProblem(name)).toContain(why)
  })
})
