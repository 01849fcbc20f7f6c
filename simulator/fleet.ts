// The fleet's jobs (seed.ts FLEET): realistic names beside the test jobs, each with one
// completed backup, so that a drill of every job of the account has something to restore.
import { type Account, directory, encryptionKey, fileBytes } from './account.js'
import { FLEET } from './seed.js'

const HOUR = 3_600_000

export function addFleetJobs(account: Account, start: number): void {
  for (const { name, jobId, backupId, fileId, file } of FLEET) {
    account.jobs.set(jobId, { id: jobId, name })
    const startedAt = start - 2 * HOUR
    const dir = directory(jobId, name, startedAt)
    account.backups.set(backupId, {
      id: backupId,
      jobId,
      status: 'completed',
      tags: { manual: false, hourly: true, daily: false, weekly: false, monthly: false },
      s3Directory: dir,
      createdAt: startedAt - 4_000,
      startedAt,
      completedAt: startedAt + 95_000,
      encryptionKey: encryptionKey(backupId),
      files: [{ id: fileId, name: `${dir}/${file}`, bytes: fileBytes(fileId, file) }],
    })
  }
}
