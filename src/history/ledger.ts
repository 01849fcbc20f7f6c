// The drill ledger: `drills/<slug>.jsonl` in the history branch, one record per line, oldest
// first (in the order they were written), at most `history_size` lines. Pure: text in, text out.
//
// No line is ever lost by reading: a line that is not a record this version can read (edited by
// hand, cut short, written by a later version) stays in the ledger byte for byte, is skipped by
// the statistics, and leaves it only as the oldest, when the ledger outgrows `history_size`.
import { createHash } from 'node:crypto'
import { DEFAULT_HISTORY_SIZE, MAX_HISTORY_SIZE } from '../inputs/history.js'
import { readRecord, recordKey, type DrillRecord } from './record.js'

/** Past this length a slug is cut and ends in a hash of the whole target, so two stay apart. */
const MAX_SLUG_LENGTH = 64
const HASH_LENGTH = 8

export interface LedgerLine {
  /** The line as stored, without its line break. */
  text: string
  /** The record on it, or null when it holds none this version can read. */
  record: DrillRecord | null
}

export interface Ledger {
  lines: LedgerLine[]
  /** The records of `lines`, in ledger order. */
  records: DrillRecord[]
  /** Lines kept as they are because they hold no readable record. */
  unreadable: number
}

export interface Appended {
  text: string
  /** Records that were not in the ledger yet (a retried write adds none). */
  added: DrillRecord[]
  /** Oldest lines dropped to keep `historySize`. */
  dropped: number
}

/**
 * The target's name in paths: lower case, each run of characters other than `a-z0-9` made one
 * `-`, with no `-` at either end (`Prod DB` → `prod-db`, `job 6f7c…` → `job-6f7c…`). A target
 * with nothing left (`???`) is `drill-<hash>`; one past 64 characters is cut and ends in
 * `-<hash>`, so that neither collides with another target by accident.
 */
export function slug(target: string): string {
  const plain = target
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  const hash = createHash('sha256').update(target).digest('hex').slice(0, HASH_LENGTH)
  if (plain === '') return `drill-${hash}`
  if (plain.length <= MAX_SLUG_LENGTH) return plain
  const cut = plain.slice(0, MAX_SLUG_LENGTH - HASH_LENGTH - 1).replace(/-+$/, '')
  return `${cut}-${hash}`
}

export const ledgerPath = (targetSlug: string): string => `drills/${targetSlug}.jsonl`
export const chartPath = (targetSlug: string): string => `charts/${targetSlug}.svg`

/** The slug of a ledger's path, or null for any other path in the branch. */
export function slugOfLedgerPath(path: string): string | null {
  return /^drills\/([a-z0-9-]+)\.jsonl$/.exec(path)?.[1] ?? null
}

/** Reads a ledger; never throws. Empty lines are no records and are not kept. */
export function parseLedger(text: string): Ledger {
  const lines: LedgerLine[] = []
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    if (line.trim() === '') continue
    lines.push({ text: line, record: readRecord(parseJson(line)) })
  }
  const records = lines.flatMap((line) => (line.record ? [line.record] : []))
  return { lines, records, unreadable: lines.length - records.length }
}

/**
 * The ledger with `records` appended, each at most once (by recordKey, against the ledger and
 * against each other), then cut to its newest `historySize` lines. Lines already there are kept
 * as they were written.
 */
export function appendRecords(
  text: string,
  records: readonly DrillRecord[],
  historySize: number = DEFAULT_HISTORY_SIZE,
): Appended {
  const size = Math.min(Math.max(1, Math.floor(historySize)), MAX_HISTORY_SIZE)
  const { lines } = parseLedger(text)
  const seen = new Set(lines.flatMap((line) => (line.record ? [recordKey(line.record)] : [])))
  const added: DrillRecord[] = []
  for (const record of records) {
    const key = recordKey(record)
    if (seen.has(key)) continue
    seen.add(key)
    added.push(record)
  }
  // JSON.stringify escapes every line break inside strings: one record, one line.
  const all = [...lines.map((line) => line.text), ...added.map((record) => JSON.stringify(record))]
  const dropped = Math.max(0, all.length - size)
  const kept = all.slice(dropped)
  return { text: kept.length === 0 ? '' : `${kept.join('\n')}\n`, added, dropped }
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line)
  } catch {
    return undefined
  }
}
