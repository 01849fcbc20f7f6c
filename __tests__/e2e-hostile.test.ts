// Answers that cannot be trusted, through dist/index.js as the runner runs it: the log, the
// outputs, the summary and the result file stay safe, small and free of secrets.
import { describe, expect, it, jest } from '@jest/globals'
import { FORGERIES, foreignCommands } from './helpers/commands.js'
import { SEED, drill, leaks, useDrillLab, type DrillRun } from './helpers/drill.js'

jest.setTimeout(60_000)

const MB = 1_000_000
const MIB = 1024 * 1024

const lab = useDrillLab()

function expectNothingInjected(run: DrillRun): void {
  expect(foreignCommands(run.stdout)).toEqual([])
  expect(run.errors.length).toBeLessThanOrEqual(1)
}

describe('text that tries to start workflow commands', () => {
  it('a status word with line breaks and `::` runs no command', async () => {
    lab.sim.configure({ runningStatus: `running${FORGERIES}` })
    const run = await drill(lab.sim)
    expectNothingInjected(run)
    expect(run.outputs.outcome).toBe('succeeded')
    expect(run.errors).toEqual([])
    expect(run.stdout).toMatch(
      /\] status (pending → )?running : :error: :FORGED : :add-mask: :Backup/,
    )
  })

  it('a restore id with line breaks is refused, and says a restore may have started', async () => {
    lab.sim.inject({ route: 'createRestore', kind: 'rewrite', patch: { id: `r1${FORGERIES}` } })
    const run = await drill(lab.sim)
    expectNothingInjected(run)
    expect(run.outputs.outcome).toBe('failed')
    expect(run.errors).toEqual([expect.stringContaining('not a UUID')])
    expect(run.errors[0]).toContain('a restore may have started')
  })

  it('a file named like a command downloads under a name that runs none', async () => {
    const backupId = lab.sim.addBackup({
      jobId: SEED.jobs.quirks,
      fileNames: ['::error::FORGED.bin', '::add-mask::Backup.bin'],
    })
    const run = await drill(lab.sim, { mode: 'download', backup_id: backupId, job_id: '' })
    expectNothingInjected(run)
    expect(run.outputs.outcome).toBe('succeeded')
    expect(JSON.parse(run.outputs.downloaded_files ?? '[]')).toMatchObject([
      { name: ': :error: :FORGED.bin' },
      { name: ': :add-mask: :Backup.bin' },
    ])
  })
})

describe('text of megabytes', () => {
  it('a 2 MB status word reaches no annotation, output or summary whole', async () => {
    lab.sim.configure({ runningStatus: 'y'.repeat(2_000_000), restoreDurationMs: 60_000 })
    const run = await drill(lab.sim, { timeout: '3s' })
    expect(run.outputs.outcome).toBe('timed_out')
    expect(run.errors).toHaveLength(1)
    expect(run.errors[0]?.length).toBeLessThan(1000)
    expect(run.outputs.status?.length).toBeLessThanOrEqual(200)
    expect(Buffer.byteLength(run.summary)).toBeLessThan(10_000)
    expect(Buffer.byteLength(run.outputs.result ?? '')).toBeLessThan(10_000)
    expect(Math.max(...run.stdout.split('\n').map((line) => line.length))).toBeLessThan(1000)
  })

  it('a backup of 10,000 files keeps the result output under 1 MB and the summary under 1 MiB', async () => {
    const backupId = lab.sim.addBackup({ jobId: SEED.jobs.other, fileCount: 10_000 })
    const run = await drill(lab.sim, { backup_id: backupId, job_id: '' })
    expect(run.outputs.outcome).toBe('succeeded')
    expect(run.outputs.file_count).toBe('10000')
    const output = run.outputs.result ?? ''
    expect(Buffer.byteLength(output)).toBeLessThan(MB)
    const listed = JSON.parse(output) as {
      version: number
      files: unknown[]
      files_omitted: number
    }
    expect(listed.version).toBe(1)
    expect(listed.files.length).toBeGreaterThan(0)
    expect(listed.files.length + listed.files_omitted).toBe(10_000)
    expect(run.resultFile).toMatchObject({ files_omitted: 0 })
    expect((run.resultFile as { files: unknown[] }).files).toHaveLength(10_000)
    expect(Buffer.byteLength(run.summary)).toBeLessThan(MIB)
    expect(run.summary).toContain('- **files:** 10000\n')
    expect(run.summary).toContain('<details><summary>Files (10000)</summary>')
    expect(run.summary).toContain('- and 9950 more: see the result JSON')
  })
})

describe('secrets quoted back by SnapShooter', () => {
  it('reach no annotation, output, summary or result file', async () => {
    lab.sim.inject({ route: 'createRestore', kind: 'echoSecrets' })
    const run = await drill(lab.sim, { files: '*.sql.gz' })
    expect(run.outputs.outcome).toBe('failed')
    expect(run.errors).toEqual([
      expect.stringContaining('was refused (HTTP 422): "Token *** may not use key ***'),
    ])
    expect(leaks(run)).toEqual([])
    // The key was masked the moment it was read: the runner hides it in every later line.
    expect(run.stdout).toMatch(/^::add-mask::LS0tLS1CRU/m)
  })
})
