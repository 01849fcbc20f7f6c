// The seeded account: jobs, backups, files with real bytes, servers. Built once per simulator,
// with times relative to its start so that RPO checks see realistic ages.
import { createHash } from 'node:crypto'
import { gzipSync } from 'node:zlib'
import { addFleetJobs } from './fleet.js'
import { tarArchive } from './archives.js'
import { addContentChecks } from './content-checks.js'
import { type QuirkOptions, addQuirks } from './quirks.js'
import { addRetentionJob } from './retention.js'
import { PAGED_BACKUP_COUNT, PAGED_FAILED_COUNT, SEED, pagedBackupId, pagedFileId } from './seed.js'

export interface SimFile {
  id: string
  name: string
  /** The file's content; for a generated file, the pattern it repeats. */
  bytes: Buffer
  /** A file of this many bytes, streamed from `bytes` repeated, never held in memory. */
  generatedBytes?: number
  /** The `size` the API lists, when it is to disagree with the bytes. */
  listedSize?: string
  /** The name POST download keys its link by, when not the base name. */
  linkKey?: string
}

export function fileSize(file: SimFile): number {
  return file.generatedBytes ?? file.bytes.length
}

export interface SimBackup {
  id: string
  jobId: string
  status: string
  tags: Record<string, boolean>
  s3Directory: string
  createdAt: number
  startedAt: number
  completedAt: number | null
  encryptionKey: string
  files: SimFile[]
}

export interface SimServer {
  id: number
  host: string
  user: string
  port: number
  name: string
  createdAt: number
  lastUsed: number
  status: string
}

export interface Account {
  jobs: Map<string, { id: string; name: string }>
  backups: Map<string, SimBackup>
  servers: Map<number, SimServer>
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

function hashLines(seed: string, count: number): string[] {
  const lines: string[] = []
  let digest = seed
  for (let i = 0; i < count; i++) {
    digest = createHash('sha256').update(digest).digest('hex')
    lines.push(digest)
  }
  return lines
}

// Hex noise keeps the gzip output a few KB, so a truncated download is visibly short. The dump
// ends with mysqldump's completion line and the site is a real tar, so that their content checks
// pass as a sound backup's do.
export function fileBytes(id: string, name: string): Buffer {
  if (name.endsWith('.sql.gz')) {
    const rows = hashLines(id, 60).map((h, i) => `INSERT INTO posts VALUES (${i + 1}, '${h}');`)
    const sql = ['-- simulated MySQL dump', 'CREATE TABLE posts (id INT, body TEXT);', ...rows]
    sql.push('', '-- Dump completed on 2026-01-01  4:00:00')
    return gzipSync(`${sql.join('\n')}\n`)
  }
  if (name.endsWith('.gz')) {
    const entries = hashLines(id, 50).map((h, i) => `www/uploads/${i}.bin ${h}`)
    const list = Buffer.from(`simulated site archive\n${entries.join('\n')}\n`)
    return gzipSync(
      tarArchive([
        { name: 'www/', type: '5' },
        { name: 'www/list.txt', data: list },
      ]),
    )
  }
  const script = ['#!/bin/sh', '# simulated restore helper', 'set -eu']
  for (const h of hashLines(id, 8)) script.push(`echo "checksum ${h}"`)
  return Buffer.from(`${script.join('\n')}\n`)
}

export function encryptionKey(backupId: string): string {
  const body = hashLines(`key:${backupId}`, 4).join('\n')
  const pem = `-----BEGIN SIMULATED PRIVATE KEY-----\n${body}\n-----END SIMULATED PRIVATE KEY-----\n`
  return Buffer.from(pem).toString('base64')
}

export function directory(jobId: string, jobName: string, at: number): string {
  const iso = new Date(at).toISOString()
  const [date, time] = [iso.slice(0, 10).split('-'), iso.slice(11, 16).replace(':', '-')]
  return `snapshooter/${jobId.slice(0, 8)}-${jobName}/${date.join('/')}/${time}`
}

interface BackupSpec {
  id: string
  status: 'completed' | 'failed' | 'in_progress'
  /** When it ended (or, for in_progress, started), in ms before the start time. */
  ago: number
  files?: Array<[id: string, base: string]>
  manual?: boolean
}

export function buildAccount(startMs: number, options: QuirkOptions = {}): Account {
  // Whole seconds, as the real API stores them.
  const start = Math.floor(startMs / 1000) * 1000
  const account: Account = { jobs: new Map(), backups: new Map(), servers: new Map() }

  const addJob = (id: string, name: string, specs: BackupSpec[]): void => {
    account.jobs.set(id, { id, name })
    for (const spec of specs) {
      const running = spec.status === 'in_progress'
      const end = start - spec.ago
      const startedAt = running ? end : end - 95_000
      const dir = directory(id, name, startedAt)
      const files = (spec.files ?? []).map(([fileId, base]) => {
        const fullName = `${dir}/${base}`
        return { id: fileId, name: fullName, bytes: fileBytes(fileId, base) }
      })
      account.backups.set(spec.id, {
        id: spec.id,
        jobId: id,
        status: spec.status,
        tags: {
          manual: spec.manual ?? false,
          hourly: !spec.manual,
          daily: false,
          weekly: false,
          monthly: false,
        },
        s3Directory: dir,
        createdAt: startedAt - 4_000,
        startedAt,
        completedAt: running ? null : end,
        encryptionKey: encryptionKey(spec.id),
        files,
      })
    }
  }

  const { jobs, backups, files } = SEED
  addJob(jobs.main, 'docker-mysql-ssh', [
    { id: backups.running, status: 'in_progress', ago: 5 * MINUTE },
    {
      id: backups.latest,
      status: 'completed',
      ago: HOUR,
      files: [
        [files.latestDb, 'db.sql.gz'],
        [files.latestSite, 'site.tar.gz'],
        [files.latestRun, 'run.sh'],
      ],
    },
    { id: backups.failed, status: 'failed', ago: DAY },
    {
      id: backups.older,
      status: 'completed',
      ago: 2 * DAY,
      manual: true,
      files: [
        [files.olderDb, 'db.sql.gz'],
        [files.olderSite, 'site.tar.gz'],
      ],
    },
  ])

  const paged: BackupSpec[] = []
  for (let i = 0; i < PAGED_BACKUP_COUNT; i++) {
    const failed = i < PAGED_FAILED_COUNT
    paged.push({
      id: pagedBackupId(i),
      status: failed ? 'failed' : 'completed',
      ago: (i + 1) * HOUR,
      files: failed ? [] : [[pagedFileId(i), 'db.sql.gz']],
    })
  }
  addJob(jobs.paged, 'paged-postgres', paged)

  addJob(
    jobs.empty,
    'empty-redis',
    [1, 2, 3].map((n) => ({
      id: `b84e2f61-0000-4000-8000-00000000000${n}`,
      status: 'failed',
      ago: n * DAY,
    })),
  )
  addJob(jobs.other, 'other-files', [
    {
      id: backups.otherJob,
      status: 'completed',
      ago: 3 * HOUR,
      files: [[files.otherDb, 'db.sql.gz']],
    },
  ])

  const servers: SimServer[] = [
    {
      id: SEED.servers.server,
      host: '203.0.113.10',
      user: 'root',
      port: 22,
      name: 'WordPress Blog',
      createdAt: start - 90 * DAY,
      lastUsed: start - HOUR,
      status: 'success',
    },
    {
      id: SEED.servers.agent,
      host: '198.51.100.7',
      user: 'snapshooter',
      port: 22,
      name: 'Build agent',
      createdAt: start - 30 * DAY,
      lastUsed: start - DAY,
      status: 'success',
    },
  ]
  for (const server of servers) account.servers.set(server.id, server)
  addQuirks(account, start, options)
  addRetentionJob(account, start)
  addFleetJobs(account, start)
  addContentChecks(account, start)
  return account
}
