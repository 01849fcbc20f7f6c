// The evidence of download mode: the result's `download` section, the outputs, the summary.
import { describe, expect, it } from '@jest/globals'
import type { Settings } from '../src/inputs/settings.js'
import { newEvidence, type Evidence } from '../src/report/evidence.js'
import { outputsOf } from '../src/report/outputs.js'
import { buildResult } from '../src/report/result.js'
import { renderSummary } from '../src/report/summary.js'
import { cancelledReason } from '../src/report/record.js'
import { backup, file } from './fixtures/values.js'

const SETTINGS = { command: 'download' } as Settings
const DIR = '/runner/temp/snapshooter-x'
const SHA = 'ab'.repeat(32)
const db = file('db.sql.gz')
const run = file('run.sh')

function downloadEvidence(overrides: Partial<Evidence> = {}): Evidence {
  return {
    ...newEvidence(),
    settings: SETTINGS,
    outcome: 'succeeded',
    backup: backup({ files: [db, run] }),
    files: [db, run],
    download: {
      dir: DIR,
      status: 'downloaded',
      startedAt: '2026-01-01T00:00:00.000Z',
      durationMs: 2_340,
      files: [
        { name: 'db.sql.gz', path: `${DIR}/db.sql.gz`, bytes: 744, sha256: SHA },
        { name: 'run.sh', path: `${DIR}/run.sh`, bytes: 10, sha256: SHA },
      ],
    },
    ...overrides,
  }
}

describe('the result of a download', () => {
  it('has the mode, the status, and a download section listing each file', () => {
    const result = buildResult(downloadEvidence(), {})
    expect(result).toMatchObject({
      mode: 'download',
      status: 'downloaded',
      restore: { id: null, status: null },
      download: {
        dir: DIR,
        status: 'downloaded',
        started_at: '2026-01-01T00:00:00.000Z',
        duration_seconds: 2.3,
        files: [
          { name: 'db.sql.gz', path: `${DIR}/db.sql.gz`, bytes: 744, sha256: SHA },
          { name: 'run.sh', path: `${DIR}/run.sh`, bytes: 10, sha256: SHA },
        ],
      },
    })
  })

  it('sets download_dir and downloaded_files, and an empty restore_id', () => {
    const outputs = outputsOf(buildResult(downloadEvidence(), {}))
    expect(outputs).toMatchObject({
      status: 'downloaded',
      restore_id: '',
      download_dir: DIR,
      file_count: '2',
    })
    expect(JSON.parse(outputs.downloaded_files ?? '')).toHaveLength(2)
  })

  it.each([
    ['failed', 'failed'],
    ['timed_out', 'failed'],
    ['cancelled', 'failed'],
    ['dry_run', ''],
    [null, ''],
  ] as const)(
    'sets status for a %s run that stopped before any download to %j',
    (outcome, status) => {
      const evidence = { ...newEvidence(), settings: SETTINGS, outcome }
      expect(buildResult(evidence, {}).status).toBe(status === '' ? null : status)
      expect(outputsOf(buildResult(evidence, {})).status).toBe(status)
    },
  )

  it('leaves status empty for a restore that failed before one was created', () => {
    const restoreMode = { ...newEvidence(), settings: { command: 'restore' } as Settings }
    expect(buildResult({ ...restoreMode, outcome: 'failed' }, {}).status).toBeNull()
  })

  it('leaves download_dir empty and downloaded_files `[]` in restore mode', () => {
    const outputs = outputsOf(buildResult(newEvidence(), {}))
    expect([outputs.download_dir, outputs.downloaded_files]).toEqual(['', '[]'])
  })
})

describe('the summary of a download', () => {
  it('heads with the files verified, and lists the folder and each file with its SHA-256', () => {
    const markdown = renderSummary(buildResult(downloadEvidence(), {}))
    expect(markdown.split('\n')[0]).toBe(
      '## ✅ Download drill succeeded — 2 of 2 files verified in 2s',
    )
    expect(markdown).toContain(`- **folder:** <code>${DIR}</code>`)
    expect(markdown).toContain('- **files:** 2 of 2 verified, 754 bytes')
    expect(markdown).toContain('<details><summary>Files downloaded and verified (2)</summary>')
    // The checks column sits before the long hash, so that it keeps room to be read.
    expect(markdown).toContain(
      `| <code>db.sql.gz</code> | 744 | integrity only (\`verify: integrity\`) | <code>${SHA}</code> |`,
    )
    expect(markdown).not.toContain('### Restore')
  })

  it.each([
    ['failed', '## ❌ Download drill failed'],
    ['timed_out', '## ⏱️ Download drill timed out'],
    ['cancelled', '## 🚫 Download drill cancelled'],
    ['dry_run', '## 🧪 Dry run: nothing was downloaded'],
  ] as const)('heads a %s download as %j, even before the download began', (outcome, line) => {
    const markdown = renderSummary(
      buildResult({ ...newEvidence(), settings: SETTINGS, outcome }, {}),
    )
    expect(markdown.split('\n')[0]).toBe(line)
    expect(markdown).toContain('- **files:** 0 of 0 verified, 0 bytes')
  })

  it('lists at most fifty files, and points to the result JSON for the rest', () => {
    const evidence = downloadEvidence()
    const one = { name: 'x', path: `${DIR}/x`, bytes: 1, sha256: SHA }
    if (evidence.download) evidence.download.files = Array.from({ length: 60 }, () => one)
    const markdown = renderSummary(buildResult(evidence, {}))
    expect(markdown.split('\n').filter((line) => line.startsWith('| <code>x'))).toHaveLength(50)
    expect(markdown).toContain('| and 10 more: see the result JSON | | |')
  })

  it('escapes a file name that came from the API', () => {
    const evidence = downloadEvidence()
    const hostile = '<b>x</b>|y'
    evidence.download?.files.push({ name: hostile, path: `${DIR}/x`, bytes: 1, sha256: SHA })
    const markdown = renderSummary(buildResult(evidence, {}))
    expect(markdown).toContain('<code>&lt;b&gt;x&lt;/b&gt;&#124;y</code>')
  })
})

describe('a cancelled download', () => {
  it('says what was kept, and that no partial file was left', () => {
    expect(cancelledReason(downloadEvidence())).toBe(
      `The run was cancelled while downloading backup ${backup().id}: 2 file(s) verified in ${DIR}, and no partial file was left.`,
    )
  })
})
