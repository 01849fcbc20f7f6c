// Every assumption the client makes about SnapShooter's API, in one place, so that each can be
// changed in one line when the live API says otherwise (see docs/snapshooter-api.md).

const id = (value: string): string => encodeURIComponent(value)

/** Ids of backups, jobs, files and restores are UUIDs; anything else in their place is no answer. */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const Paths = {
  backup: (backupId: string): string => `/v1/backups/${id(backupId)}`,
  /** Seen in public client code, not in the reference. */
  jobBackups: (jobId: string): string => `/v1/jobs/${id(jobId)}/backups`,
  createRestore: (backupId: string): string => `/v1/backups/${id(backupId)}/restore`,
  /** Assumption: the reference shows no read endpoint for a restore. */
  restore: (restoreId: string): string => `/v1/restores/${id(restoreId)}`,
  downloadLinks: (backupId: string): string => `/v1/backups/${id(backupId)}/download`,
  /** Assumption: seen in public client code only, and paged like the other lists. */
  jobs: (): string => '/v1/jobs',
} as const

/** Asked sorted newest first: the default order is not documented, so it is not trusted. */
export const LIST_PARAMS = { sort: '-completed_at', page_size: 100 } as const

/**
 * The account's jobs: no sort is asked (none is documented for jobs, and a list refuses a sort it
 * does not know), so the caller orders them itself. At most JOB_LIST_MAX_PAGES pages of 100.
 */
export const JOB_LIST_PARAMS = { page_size: 100 } as const
export const JOB_LIST_MAX_PAGES = 50

/** Response headers that may carry a request id, most specific first (all lower case). */
export const REQUEST_ID_HEADERS = ['x-request-id', 'x-amzn-requestid', 'cf-ray'] as const

/** A page of 100 backups is far below this; anything bigger is not an answer we expect. */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024
/**
 * The longest text kept from each kind of field of an answer, cut where the answer is read:
 * enough for any real value, far too little for one answer to flood a log line, an annotation,
 * the job summary or an output (a status word of megabytes would reach all of them).
 */
export const TEXT_LIMITS = {
  /** Status words, compute types, human sizes such as `744 bytes`, server names. */
  word: 200,
  /** File names: full object keys, which S3 keeps to 1,024 bytes. */
  name: 1024,
  /** SnapShooter's error message, and each message of a field error. */
  message: 200,
  /** The name of a field in a 422's `errors`. */
  field: 60,
  /** A request id header. */
  requestId: 100,
} as const
/** Text from the API is cut to this length before it reaches a log line or an error. */
export const MAX_API_TEXT = TEXT_LIMITS.message
/** At most this many field errors of a 422 are shown; the rest are counted. */
export const MAX_FIELD_ERRORS = 10

export type StatusClass = 'running' | 'succeeded' | 'failed'

/**
 * What each restore status word means. SnapShooter documents only `pending`; the other words are
 * an assumption (A2 in docs/snapshooter-api.md), in this one table so that a word seen on the
 * live API is one line to add. Keys are lower case, with `_` between words.
 */
export const STATUS_WORDS: Readonly<Record<string, StatusClass>> = Object.freeze({
  pending: 'running',
  queued: 'running',
  scheduled: 'running',
  starting: 'running',
  started: 'running',
  running: 'running',
  in_progress: 'running',
  processing: 'running',
  restoring: 'running',
  completed: 'succeeded',
  complete: 'succeeded',
  succeeded: 'succeeded',
  success: 'succeeded',
  successful: 'succeeded',
  done: 'succeeded',
  finished: 'succeeded',
  failed: 'failed',
  failure: 'failed',
  error: 'failed',
  errored: 'failed',
  cancelled: 'failed',
  canceled: 'failed',
  aborted: 'failed',
  timeout: 'failed',
  timed_out: 'failed',
})
