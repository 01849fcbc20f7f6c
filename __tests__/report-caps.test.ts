// The evidence stays within GitHub's limits whatever the backup: a `result` output under 1 MB,
// a job summary under 1 MiB (GitHub shows none bigger), the result file with every file.
import { describe, expect, it } from '@jest/globals'
import { newEvidence, type Evidence } from '../src/report/evidence.js'
import { outputsOf } from '../src/report/outputs.js'
import { buildResult } from '../src/report/result.js'
import { renderSummary } from '../src/report/summary.js'
import type { BackupFile } from '../src/snapshooter/types.js'
import { backup, restore, uuid } from './fixtures/values.js'

/** GitHub's limits: an output of at most 1 MB; no job summary shown over 1 MiB. */
const MB = 1_000_000
const MIB = 1024 * 1024
/** The longest name and word the API's answers are cut to (TEXT_LIMITS). */
const NAME = 1024
const WORD = 200
const bytes = (text: string): number => Buffer.byteLength(text)

/** `count` files; `long` makes each name as long as a name may be, in 3-byte characters. */
function files(count: number, long = false): BackupFile[] {
  return Array.from({ length: count }, (_, i) => ({
    id: uuid(i),
    name: long ? `d/${'€'.repeat(NAME - 10)}${i}` : `snapshooter/dir/part-${i}.bin`,
    size: long ? '9'.repeat(WORD) : '15 bytes',
    sizeBytes: 15,
  }))
}

function evidence(list: BackupFile[], overrides: Partial<Evidence> = {}): Evidence {
  const b = backup({ files: list })
  return {
    ...newEvidence(),
    outcome: 'succeeded',
    backup: b,
    files: list,
    restore: restore({ status: 'completed', files: list }),
    ...overrides,
  }
}

function downloaded(list: BackupFile[]): Evidence['download'] {
  return {
    dir: `/tmp/${'p'.repeat(200)}`,
    status: 'downloaded',
    startedAt: '2023-07-21T15:36:39.000Z',
    durationMs: 1000,
    files: list.map((file) => ({
      name: file.name,
      path: `/tmp/${'p'.repeat(200)}/${file.name}`,
      bytes: 15,
      sha256: 'a'.repeat(64),
    })),
  }
}

describe('the result of a backup of 10,000 files', () => {
  const many = files(10_000)

  it('keeps every file in the result file, and lists the first ones in the output', () => {
    const result = buildResult(evidence(many), {})
    expect(result.files).toHaveLength(10_000)
    expect(result.files_omitted).toBe(0)
    const output = outputsOf(result).result ?? ''
    expect(bytes(output)).toBeLessThan(MB)
    const listed = JSON.parse(output)
    expect(listed.files.length).toBeGreaterThan(0)
    expect(listed.files).toEqual(result.files.slice(0, listed.files.length))
    expect(listed.files_omitted).toBe(10_000 - listed.files.length)
    expect(listed.version).toBe(1)
  })

  it('lists the first downloaded files in the output too, counting the rest', () => {
    const result = buildResult(evidence(many, { download: downloaded(many) }), {})
    const outputs = outputsOf(result)
    const listed = JSON.parse(outputs.result ?? '')
    expect(bytes(outputs.result ?? '')).toBeLessThan(MB)
    expect(listed.download.files.length).toBeGreaterThan(0)
    expect(listed.download.files_omitted).toBe(10_000 - listed.download.files.length)
    expect(bytes(outputs.downloaded_files ?? '')).toBeLessThan(MB)
    expect(result.download?.files).toHaveLength(10_000)
  })

  it('is the same in the output and the file when nothing had to be left out', () => {
    const result = buildResult(evidence(files(3)), {})
    expect(JSON.parse(outputsOf(result).result ?? '')).toEqual(result)
  })
})

describe('names as long as a name may be', () => {
  const long = files(500, true)

  it('still give a `result` output under 1 MB, listing fewer files', () => {
    const result = buildResult(evidence(long, { download: downloaded(long) }), {})
    const output = outputsOf(result).result ?? ''
    expect(bytes(output)).toBeLessThan(MB)
    const listed = JSON.parse(output)
    expect(listed.files.length).toBeGreaterThan(0)
    expect(listed.files.length + listed.files_omitted).toBe(500)
  })

  it('still give a job summary under 1 MiB, in restore and in download mode', () => {
    const restoreMode = renderSummary(buildResult(evidence(long), {}))
    expect(bytes(restoreMode)).toBeLessThan(MIB)
    expect(restoreMode).toContain('and 450 more: see the result JSON')
    const settings = { command: 'download' } as Evidence['settings']
    const downloadMode = renderSummary(
      buildResult(evidence(long, { settings, download: downloaded(long) }), {}),
    )
    expect(bytes(downloadMode)).toBeLessThan(MIB)
    expect(downloadMode).toContain('and 450 more: see the result JSON')
  })
})

describe('the dry run of a restore of 30,000 chosen files', () => {
  it('shows the first file ids of the request and counts the rest, under 1 MiB', () => {
    const ids = Array.from({ length: 30_000 }, (_, i) => uuid(i))
    const result = buildResult(evidence(files(3), { outcome: 'dry_run' }), {})
    const summary = renderSummary(result, { request: { files: ids } })
    expect(bytes(summary)).toBeLessThan(MIB)
    expect(summary).toContain(uuid(0))
    expect(summary).not.toContain(uuid(29_999))
    expect(summary).toContain('29950 more file ids')
  })
})
