// Content checks in the evidence of a download: the result and outputs list each file's checks,
// the summary shows them, and the run's one warning names the files skipped as encrypted.
import { describe, expect, it } from '@jest/globals'
import { checksLine, encryptedWarning } from '../src/download/checks-text.js'
import { LOOKS_ENCRYPTED } from '../src/download/content/index.js'
import type { DownloadedFile } from '../src/download/file.js'
import type { Settings } from '../src/inputs/settings.js'
import { newEvidence, type Evidence } from '../src/report/evidence.js'
import { outputsOf } from '../src/report/outputs.js'
import { buildResult } from '../src/report/result.js'
import { renderSummary } from '../src/report/summary.js'
import { backup } from './fixtures/values.js'

const DIR = '/runner/temp/snapshooter-x'
const SHA = 'cd'.repeat(32)
const BACKUP = '596c5046-1bd8-4664-9a3f-6208526c3b87'

const at = (name: string, checks?: DownloadedFile['checks']): DownloadedFile => ({
  name,
  path: `${DIR}/${name}`,
  bytes: 10,
  sha256: SHA,
  ...(checks === undefined ? {} : { checks }),
})

const DUMP = at('db.sql.gz', [
  { name: 'sql', passed: true, detail: 'mysqldump complete, 14 CREATE TABLE' },
])
const SEALED = at('site.tar.gz', [{ name: 'tar', passed: null, detail: LOOKS_ENCRYPTED }])
const NOTES = at('notes.txt', [])
const PLAIN = at('run.sh')

function evidence(files: DownloadedFile[]): Evidence {
  return {
    ...newEvidence(),
    settings: { command: 'download' } as Settings,
    outcome: 'succeeded',
    backup: backup(),
    files: [],
    download: { dir: DIR, status: 'downloaded', startedAt: null, durationMs: 1000, files },
  }
}

describe('the checks of each downloaded file', () => {
  it('are in the result and the downloaded_files output, absent with `verify: integrity`', () => {
    const result = buildResult(evidence([DUMP, SEALED, NOTES, PLAIN]), {})
    const listed = result.download?.files ?? []
    expect(listed.map((file) => file.checks)).toEqual([DUMP.checks, SEALED.checks, [], undefined])
    expect(JSON.parse(outputsOf(result).downloaded_files ?? '')).toEqual(listed)
  })

  it('show in the summary: passed, skipped, no check for the type, integrity only', () => {
    const summary = renderSummary(buildResult(evidence([DUMP, SEALED, NOTES, PLAIN]), {}))
    expect(summary).toContain('| file | bytes | checks | sha256 |')
    expect(summary).toContain('✅ sql: mysqldump complete, 14 CREATE TABLE')
    expect(summary).toContain('⏭️ tar: looks encrypted: content checks skipped')
    expect(summary).toContain('integrity only: no content check for its type')
    expect(summary).toContain('integrity only (`verify: integrity`)')
  })

  it('are counted by file among the facts, outside the folded list', () => {
    const broken = at('cut.sql', [{ name: 'sql', passed: false, detail: 'incomplete dump' }])
    const summary = renderSummary(buildResult(evidence([DUMP, SEALED, NOTES, PLAIN, broken]), {}))
    const line = summary.split('\n').find((each) => each.startsWith('- **contents:**'))
    expect(line).toBe(
      '- **contents:** ✅ 1 checked, ❌ 1 failed a check, ⏭️ 1 skipped (look encrypted), 2 integrity only',
    )
    expect(summary.indexOf(line ?? '?')).toBeLessThan(summary.indexOf('<details>'))
  })

  it('are told on the log line of each file', () => {
    expect(checksLine(DUMP)).toBe('; sql: mysqldump complete, 14 CREATE TABLE')
    expect(checksLine(NOTES)).toBe('; no content check for its type (integrity only)')
    expect(checksLine(PLAIN)).toBe('')
  })
})

describe('the warning of files skipped as encrypted', () => {
  it('names every such file on one line, and is null when there is none', () => {
    const other = at('db.sql', [{ name: 'sql', passed: null, detail: LOOKS_ENCRYPTED }])
    const warning = encryptedWarning(BACKUP, [DUMP, SEALED, NOTES, other])
    expect(warning).toContain(`Content checks skipped for site.tar.gz, db.sql: backup ${BACKUP}`)
    expect(warning).not.toContain('\n')
    expect(encryptedWarning(BACKUP, [DUMP, NOTES, PLAIN])).toBeNull()
  })

  it('counts the files past the tenth instead of naming them', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...SEALED, name: `f${i}.tar.gz` }))
    const warning = encryptedWarning(BACKUP, many) ?? ''
    expect(warning).toContain('f9.tar.gz and 2 more:')
    expect(warning).not.toContain('f10.tar.gz')
  })
})
