// `npm run simulator`: the simulator on a fixed port, for the demo and for poking at by hand.
import { parseArgs } from 'node:util'
import { FLEET } from './seed.js'
import { CONTENT_SEED } from './content-checks.js'
import { SEED, READ_ONLY_TOKEN, startSimulator } from './index.js'
import type { RateLimitOptions, SimulatorOptions } from './types.js'

const USAGE = `usage: tsx simulator/cli.ts [--port N] [--host H] [--restore-ms N] [--final-status S]
                          [--rate-limit LIMIT/WINDOW_MS]`

function fail(text: string): never {
  console.error(`${text}\n${USAGE}`)
  process.exit(2)
}

function integer(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value)) fail(`--${flag} needs a whole number, got '${value}'`)
  return Number(value)
}

function rateLimit(value: string | undefined): RateLimitOptions | null {
  if (value === undefined) return null
  const match = /^(\d+)\/(\d+)$/.exec(value)
  if (match === null) fail(`--rate-limit needs LIMIT/WINDOW_MS such as 10/1000, got '${value}'`)
  return { limit: Number(match[1]), windowMs: Number(match[2]) }
}

function parse(): SimulatorOptions {
  try {
    const { values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'restore-ms': { type: 'string' },
        'final-status': { type: 'string' },
        'rate-limit': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
    if (values.help === true) {
      console.log(USAGE)
      process.exit(0)
    }
    return {
      port: integer('port', values.port) ?? 4010,
      host: values.host,
      restoreDurationMs: integer('restore-ms', values['restore-ms']),
      restoreFinalStatus: values['final-status'],
      rateLimit: rateLimit(values['rate-limit']),
    }
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error))
  }
}

const sim = await startSimulator({
  ...parse(),
  // The path only: a storage query carries the signature, which is a credential.
  onRequest: (r) => console.log(`${r.method} ${r.path} ${r.status ?? 'dropped'}`),
})

console.log(`SnapShooter API simulator listening on ${sim.url}
  api_url          ${sim.url}
  api_token        ${sim.token}
  read-only token  ${READ_ONLY_TOKEN}
  job_id           ${SEED.jobs.main}  (main: latest completed backup ${SEED.backups.latest})
  job_id (paged)   ${SEED.jobs.paged}  (latest completed ${SEED.backups.pagedLatest})
  job_id (empty)   ${SEED.jobs.empty}  (no completed backup)
  job_id (other)   ${SEED.jobs.other}  (backup ${SEED.backups.otherJob})
  job_id (retention) ${SEED.jobs.retention}  (hourly 30d, daily, weekly, monthly 1y; newest completed monthly ${SEED.backups.retentionMonthly}, 41d old)
  backups          running ${SEED.backups.running}, failed ${SEED.backups.failed}, older ${SEED.backups.older}
  download quirks  wrong size ${SEED.backups.wrongSize}, ../../evil.sh ${SEED.backups.traversal}, 1 GiB ${SEED.backups.big}
  hostile names    db.sql + .db.sql.partial ${SEED.backups.colliding}, sub/ ${SEED.backups.nested}, too long ${SEED.backups.longName}
  dashed name     ${SEED.backups.dashedName}  (beside db-2023-07-06.sql.gz, a name of 1,500 dashes)
  fleet jobs       ${FLEET.map((job) => `${job.name} ${job.jobId}`).join(', ')}
                   (GET /v1/jobs lists every job above, paged; each fleet job has one completed backup)
  content checks   ${CONTENT_SEED.job}  (mode: download; complete ${CONTENT_SEED.backups.complete}, mysql cut ${CONTENT_SEED.backups.mysqlTruncated}, pg cut ${CONTENT_SEED.backups.pgTruncated}, tar cut ${CONTENT_SEED.backups.tarBroken}, zip cut ${CONTENT_SEED.backups.zipBroken}, encrypted ${CONTENT_SEED.backups.encrypted}, same ciphertext without a key ${CONTENT_SEED.backups.garbage})
  server_id        ${SEED.servers.server} (compute_type server), ${SEED.servers.agent} (compute_type ss_agent)
Ctrl-C to stop.`)

let stopping = false
const stop = (signal: string): void => {
  if (stopping) return
  stopping = true
  console.log(`${signal}: closing`)
  sim.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
process.on('SIGINT', () => stop('SIGINT'))
process.on('SIGTERM', () => stop('SIGTERM'))
