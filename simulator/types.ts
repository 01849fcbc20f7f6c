// Public types of the simulator. Other engineers' tests code against these names.
import type { BackupSpec } from './hostile.js'

export type { BackupSpec }

export interface RateLimitOptions {
  limit: number
  windowMs: number
  /** A fixed Retry-After in place of Laravel's: the seconds until the window closes. */
  retryAfterSeconds?: number
}

export interface SimulatorOptions {
  port?: number
  host?: string
  restoreDurationMs?: number
  restoreFinalStatus?: string
  runningStatus?: string
  pendingMs?: number
  statusEndpoint?: boolean
  rateLimit?: RateLimitOptions | null
  now?: () => number
  /** Size of the generated benchmark file of backup SEED.backups.big (default 1 GiB). */
  bigFileBytes?: number
  /**
   * Where signed links point (scheme, host and port) instead of the simulator itself: a TLS front,
   * a name only a proxy knows, or a scheme spelt in capitals. The storage route still serves them.
   */
  storageUrl?: string
  /** Called once per request when it has been answered (or dropped); the CLI logs with it. */
  onRequest?: (request: RecordedRequest) => void
}

export type RouteName =
  | 'getBackup'
  | 'listBackups'
  | 'createRestore'
  | 'getRestore'
  | 'download'
  | 'listJobs'
  | 'storage'
  | 'unknown'

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  route: RouteName
  headers: Record<string, string | undefined>
  body: unknown
  /** null when the connection was dropped without an answer. */
  status: number | null
  at: number
}

export type Fault = {
  route: RouteName
  times?: number
  match?: string
} & (
  | {
      kind: 'status'
      status: number
      retryAfter?: string
      body?: string
      headers?: Record<string, string>
    }
  | { kind: 'drop' }
  | { kind: 'delay'; ms: number }
  /** Never answers: the request is held open until the client gives up on it. */
  | { kind: 'hang' }
  | { kind: 'malformed' }
  | { kind: 'html'; status?: number }
  | { kind: 'wrongShape' }
  | { kind: 'truncate' }
  | { kind: 'shortBody' }
  | { kind: 'corrupt' }
  /** The normal answer (the handler runs, a POST creates its restore), `patch` laid over its data. */
  | { kind: 'rewrite'; patch: unknown }
  /** An error (422 unless told) whose text quotes the request's token and the backup's key. */
  | { kind: 'echoSecrets'; status?: number }
)

export interface SimCompute {
  type: string
  server_id: number
}

/** A restore as the simulator holds it; its API status is derived from the clock on each read. */
export interface SimRestore {
  id: string
  jobId: string
  backupId: string
  fileIds: string[]
  compute: SimCompute | null
  createdAt: number
  pendingMs: number
  durationMs: number
  runningStatus: string
  finalStatus: string
  /** Signed URL per file id, fixed at creation so every read shows the same links. */
  fileUrls: Record<string, string>
  /** The token that created it: lets load tests tell concurrent drills apart. */
  token: string
}

export interface Simulator {
  url: string
  token: string
  requests: RecordedRequest[]
  restores: SimRestore[]
  inject(fault: Fault): void
  /** Adds a backup to a job of the account (see BackupSpec); returns its id. */
  addBackup(spec: BackupSpec): string
  /** Adds a job (no backups) to the account, listed after the others; returns its id. */
  addJob(job: { id: string; name: string }): string
  clearFaults(): void
  /**
   * As if just started: the options it was started with, no fault queued, no request or restore
   * recorded, and the seeded account as new (backups added since are gone, ages count from now).
   */
  reset(): void
  configure(options: Partial<SimulatorOptions>): void
  count(route: RouteName, method?: string): number
  close(): Promise<void>
}
