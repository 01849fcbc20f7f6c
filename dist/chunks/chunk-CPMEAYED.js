import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)

// src/snapshooter/api.ts
var id = (value) => encodeURIComponent(value);
var UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var Paths = {
  backup: (backupId) => `/v1/backups/${id(backupId)}`,
  /** Seen in public client code, not in the reference. */
  jobBackups: (jobId) => `/v1/jobs/${id(jobId)}/backups`,
  createRestore: (backupId) => `/v1/backups/${id(backupId)}/restore`,
  /** Assumption: the reference shows no read endpoint for a restore. */
  restore: (restoreId) => `/v1/restores/${id(restoreId)}`,
  downloadLinks: (backupId) => `/v1/backups/${id(backupId)}/download`,
  /** Assumption: seen in public client code only, and paged like the other lists. */
  jobs: () => "/v1/jobs"
};
var LIST_PARAMS = { sort: "-completed_at", page_size: 100 };
var JOB_LIST_PARAMS = { page_size: 100 };
var JOB_LIST_MAX_PAGES = 50;
var REQUEST_ID_HEADERS = ["x-request-id", "x-amzn-requestid", "cf-ray"];
var MAX_RESPONSE_BYTES = 10 * 1024 * 1024;
var TEXT_LIMITS = {
  /** Status words, compute types, human sizes such as `744 bytes`, server names. */
  word: 200,
  /** File names: full object keys, which S3 keeps to 1,024 bytes. */
  name: 1024,
  /** SnapShooter's error message, and each message of a field error. */
  message: 200,
  /** The name of a field in a 422's `errors`. */
  field: 60,
  /** A request id header. */
  requestId: 100
};
var MAX_API_TEXT = TEXT_LIMITS.message;
var MAX_FIELD_ERRORS = 10;
var STATUS_WORDS = Object.freeze({
  pending: "running",
  queued: "running",
  scheduled: "running",
  starting: "running",
  started: "running",
  running: "running",
  in_progress: "running",
  processing: "running",
  restoring: "running",
  completed: "succeeded",
  complete: "succeeded",
  succeeded: "succeeded",
  success: "succeeded",
  successful: "succeeded",
  done: "succeeded",
  finished: "succeeded",
  failed: "failed",
  failure: "failed",
  error: "failed",
  errored: "failed",
  cancelled: "failed",
  canceled: "failed",
  aborted: "failed",
  timeout: "failed",
  timed_out: "failed"
});

export {
  UUID_PATTERN,
  Paths,
  LIST_PARAMS,
  JOB_LIST_PARAMS,
  JOB_LIST_MAX_PAGES,
  REQUEST_ID_HEADERS,
  MAX_RESPONSE_BYTES,
  TEXT_LIMITS,
  MAX_API_TEXT,
  MAX_FIELD_ERRORS,
  STATUS_WORDS
};
//# sourceMappingURL=chunk-CPMEAYED.js.map
