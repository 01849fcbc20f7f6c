// Backups for download mode's content checks, in a job of their own ("content-checks"): whole
// dumps and archives, the same cut short (and gzipped again, so that gzip alone sees nothing
// wrong), and ciphertext named like a dump, once in a backup with an encryption key (it looks
// encrypted: skipped) and once in a backup without one (corrupt). No key is shown as an empty
// encryption_key.
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { type Account, type SimBackup, directory, encryptionKey } from './account.js'
import { tarArchive, zipArchive } from './archives.js'
import { mysqlDump, pgDump } from './dumps.js'

const id = (group: string, n: number): string =>
  `c0c7e075-${group}-4000-8000-${n.toString(16).padStart(12, '0')}`

export const CONTENT_SEED = {
  job: id('0000', 0),
  backups: {
    /** Every type whole: mysql.sql.gz, postgres.sql.gz, site.tar.gz, site.tgz, site.zip, notes.txt. */
    complete: id('0001', 1),
    /** mysql.sql.gz cut in the middle of an INSERT, then gzipped whole. */
    mysqlTruncated: id('0001', 2),
    /** postgres.sql.gz cut after its completion comment, before `\unrestrict`. */
    pgTruncated: id('0001', 3),
    /** site.tar.gz cut inside an entry's data. */
    tarBroken: id('0001', 4),
    /** site.zip without its last 30 bytes: no end of central directory record. */
    zipBroken: id('0001', 5),
    /** An encrypted backup: db.sql.gz and site.tar.gz are ciphertext. */
    encrypted: id('0001', 6),
    /** The same ciphertext in a backup without a key: corrupt. */
    garbage: id('0001', 7),
    /** pg_dump's custom format under a .sql name: a check that cannot run, so skipped. */
    pgCustom: id('0001', 8),
  },
} as const

/** Bytes that look like what encryption makes: no pattern, no magic. */
export function ciphertext(seed: string, length: number): Buffer {
  const blocks: Buffer[] = []
  let digest = Buffer.from(seed)
  for (let got = 0; got < length; got += 32) {
    digest = createHash('sha256').update(digest).digest()
    blocks.push(digest)
  }
  return Buffer.concat(blocks).subarray(0, length)
}

/** The site archive's entries: a few files of text and of noise. */
function siteFiles(): { name: string; data: Buffer }[] {
  return [
    {
      name: 'www/index.php',
      data: Buffer.from("<?php\nrequire __DIR__ . '/wp-blog-header.php';\n"),
    },
    { name: 'www/wp-config.php', data: Buffer.from("<?php\ndefine('DB_NAME', 'wordpress');\n") },
    { name: 'www/uploads/photo.jpg', data: ciphertext('photo', 3000) },
    { name: 'www/uploads/notes.txt', data: Buffer.from('notes\n'.repeat(200)) },
  ]
}

export function siteTar(): Buffer {
  return tarArchive([{ name: 'www/', type: '5' }, ...siteFiles()])
}

export function siteZip(): Buffer {
  return zipArchive(siteFiles())
}

export function addContentChecks(account: Account, start: number): void {
  const jobId = CONTENT_SEED.job
  account.jobs.set(jobId, { id: jobId, name: 'content-checks' })
  const { backups } = CONTENT_SEED
  const mysql = mysqlDump({ rowsPerTable: 200 })
  const postgres = pgDump({ rowsPerTable: 200 })
  const tar = siteTar()
  const zip = siteZip()
  const ended = postgres.lastIndexOf('\\unrestrict')
  const specs: [string, boolean, [string, Buffer][]][] = [
    [
      backups.complete,
      false,
      [
        ['mysql.sql.gz', gzipSync(mysql)],
        ['postgres.sql.gz', gzipSync(postgres)],
        ['site.tar.gz', gzipSync(tar)],
        ['site.tgz', gzipSync(tar)],
        ['site.zip', zip],
        ['notes.txt', Buffer.from('kept beside the dumps\n')],
      ],
    ],
    [
      backups.mysqlTruncated,
      false,
      [['mysql.sql.gz', gzipSync(mysql.subarray(0, mysql.length >> 1))]],
    ],
    [backups.pgTruncated, false, [['postgres.sql.gz', gzipSync(postgres.subarray(0, ended))]]],
    [backups.tarBroken, false, [['site.tar.gz', gzipSync(tar.subarray(0, 4000))]]],
    [backups.zipBroken, false, [['site.zip', zip.subarray(0, zip.length - 30)]]],
    [
      backups.encrypted,
      true,
      [
        ['db.sql.gz', ciphertext('db', 4096)],
        ['site.tar.gz', ciphertext('site', 8192)],
      ],
    ],
    [backups.garbage, false, [['db.sql.gz', ciphertext('db', 4096)]]],
    [
      backups.pgCustom,
      false,
      [['custom.sql', Buffer.concat([Buffer.from('PGDMP'), ciphertext('custom', 2048)])]],
    ],
  ]
  specs.forEach(([backupId, encrypted, files], index) => {
    const startedAt = start - (index + 2) * 3_600_000
    const dir = directory(jobId, 'content-checks', startedAt)
    const backup: SimBackup = {
      id: backupId,
      jobId,
      status: 'completed',
      tags: { manual: true, hourly: false, daily: false, weekly: false, monthly: false },
      s3Directory: dir,
      createdAt: startedAt - 4_000,
      startedAt,
      completedAt: startedAt + 95_000,
      encryptionKey: encrypted ? encryptionKey(backupId) : '',
      files: files.map(([name, bytes], n) => ({
        id: id('0002', index * 16 + n),
        name: `${dir}/${name}`,
        bytes,
      })),
    }
    account.backups.set(backupId, backup)
  })
}
