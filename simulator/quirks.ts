// Backups that test the download mode's defences, in a job of their own so that no `latest`
// drill ever picks them: a listed size that lies, a file name that climbs out of the folder,
// a big generated file for the benchmark, and a file name longer than S3 allows (1,024 bytes),
// on which a backtracking pattern matcher would stall.
import { type Account, type SimBackup, directory, encryptionKey, fileBytes } from './account.js'
import { SEED } from './seed.js'

export interface QuirkOptions {
  /** Size of the benchmark's generated file; 1 GiB unless told. */
  bigFileBytes?: number
}

export const DEFAULT_BIG_FILE_BYTES = 1024 ** 3
const HOUR = 3_600_000

// A line of text repeated: compressible, recognisable in a hex dump, and cheap to stream.
const PATTERN = Buffer.from('snapshooter simulated benchmark data 0123456789abcdef\n'.repeat(1260))

export function addQuirks(account: Account, start: number, options: QuirkOptions): void {
  const { quirks: jobId } = SEED.jobs
  const { wrongSize, traversal, big, longName } = SEED.backups
  const { quirkDb, quirkEvil, bigFile } = SEED.files
  account.jobs.set(jobId, { id: jobId, name: 'download-quirks' })
  const backup = (id: string, ago: number): SimBackup => {
    const startedAt = start - ago - 95_000
    return {
      id,
      jobId,
      status: 'completed',
      tags: { manual: true, hourly: false, daily: false, weekly: false, monthly: false },
      s3Directory: directory(jobId, 'download-quirks', startedAt),
      createdAt: startedAt - 4_000,
      startedAt,
      completedAt: start - ago,
      encryptionKey: encryptionKey(id),
      files: [],
    }
  }

  const sized = backup(wrongSize, 4 * HOUR)
  const bytes = fileBytes(quirkDb, 'db.sql.gz')
  sized.files.push({
    id: quirkDb,
    name: `${sized.s3Directory}/db.sql.gz`,
    bytes,
    listedSize: `${bytes.length + 512} bytes`,
  })

  // A name SnapShooter should never send: the link map keys it as is.
  const climbing = backup(traversal, 5 * HOUR)
  const evil = '../../evil.sh'
  climbing.files.push({
    id: quirkEvil,
    name: evil,
    bytes: fileBytes(quirkEvil, 'evil.sh'),
    linkKey: evil,
  })

  const large = backup(big, 6 * HOUR)
  large.files.push({
    id: bigFile,
    name: `${large.s3Directory}/big.bin`,
    bytes: PATTERN,
    generatedBytes: options.bigFileBytes ?? DEFAULT_BIG_FILE_BYTES,
  })

  const long = backup(longName, 7 * HOUR)
  for (const [id, name] of [
    [SEED.files.longNameDb, 'db-2023-07-06.sql.gz'],
    [SEED.files.longName, `${'-'.repeat(1500)}.log`],
  ] as const)
    long.files.push({ id, name: `${long.s3Directory}/${name}`, bytes: fileBytes(id, name) })

  for (const each of [sized, climbing, large, long]) account.backups.set(each.id, each)
}
