// Backups that test the download mode's defences, in a job of their own so that no `latest`
// drill ever picks them: a listed size that lies, a file name that climbs out of the folder,
// names that a careless temporary name or a subfolder would trip over, a file name longer than
// S3 allows (1,024 bytes) on which a backtracking pattern matcher would stall, and a big generated
// file for the benchmark.
import { createHash } from 'node:crypto'
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
  const { wrongSize, traversal, big } = SEED.backups
  const {
    quirkDb,
    quirkEvil,
    bigFile,
    collidingDb,
    collidingPartial,
    nestedSql,
    nestedDeep,
    longNameSql,
  } = SEED.files
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

  // Both names are legal; the second is what a `.<name>.partial` temporary file of the first
  // would be called.
  const colliding = backup(SEED.backups.colliding, 7 * HOUR)
  colliding.files.push(
    { id: collidingDb, name: `${colliding.s3Directory}/db.sql`, bytes: sqlDump(300_000) },
    {
      id: collidingPartial,
      name: `${colliding.s3Directory}/.db.sql.partial`,
      bytes: Buffer.alloc(1000, 'notes kept beside the dump\n'),
    },
  )

  // Keyed by their full names, so they land in subfolders of `download_to`.
  const nested = backup(SEED.backups.nested, 8 * HOUR)
  nested.files.push(
    { id: nestedSql, name: 'sub/x.sql', bytes: sqlDump(2_000), linkKey: 'sub/x.sql' },
    { id: nestedDeep, name: 'sub/deep/y.sql', bytes: sqlDump(3_000), linkKey: 'sub/deep/y.sql' },
  )

  const long = backup(SEED.backups.longName, 9 * HOUR)
  long.files.push({
    id: longNameSql,
    name: `${long.s3Directory}/${LONG_NAME}`,
    bytes: sqlDump(2_000),
  })

  const dashed = backup(SEED.backups.dashedName, 10 * HOUR)
  for (const [id, name] of [
    [SEED.files.dashedDb, 'db-2023-07-06.sql.gz'],
    [SEED.files.dashedName, `${'-'.repeat(1500)}.log`],
  ] as const)
    dashed.files.push({ id, name: `${dashed.s3Directory}/${name}`, bytes: fileBytes(id, name) })

  for (const each of [sized, climbing, large, colliding, nested, long, dashed])
    account.backups.set(each.id, each)
}

/** 292 bytes: past the 255 bytes a file name may have on ext4, XFS, APFS and NTFS. */
export const LONG_NAME = `${'long-table-name-'.repeat(18)}.sql`

/** A mysqldump-shaped file of exactly `size` bytes (at least 200), ending with its completion line. */
export function sqlDump(size: number): Buffer {
  const head =
    '-- MySQL dump 10.13  Distrib 8.0.36\nCREATE TABLE `posts` (`id` int, `body` text);\n'
  const foot = '-- Dump completed on 2026-01-01  4:00:00\n'
  const lines = [head]
  let total = head.length + foot.length
  let digest = 'seed'
  for (let i = 1; ; i++) {
    digest = createHash('sha256').update(digest).digest('hex')
    const row = `INSERT INTO \`posts\` VALUES (${i},'${digest}');\n`
    if (size - total - row.length < 4) break
    lines.push(row)
    total += row.length
  }
  // A comment line takes up the rest, so the size is exact.
  lines.push(`-- ${'.'.repeat(size - total - 4)}\n`, foot)
  return Buffer.from(lines.join(''))
}
