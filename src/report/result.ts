// The JSON result (version 1): the `result` output and the `result_file`. Its shape is part of
// the action's contract: add fields, never rename them.
//
// The result file keeps every file of the backup, however many: it is a file, with no limit but
// the disk's. The `result` output is not: GitHub refuses an output over 1 MB, and a backup of
// 10,000 files lists 1.5 MB of them. So the output lists the first MAX_OUTPUT_FILES files (of
// the backup, and of the download) and counts the others in `files_omitted`.
import { restoreDurationMs, seconds } from '../drill/checks.js'
import { formatDuration } from '../duration.js'
import type { Outcome } from '../inputs/names.js'
import type { Selection } from '../drill/choose.js'
import type { Command } from '../inputs/settings.js'
import type { Evidence } from './evidence.js'

/** Files listed in the `result` output: the first of them, enough to see what was restored. */
export const MAX_OUTPUT_FILES = 100
/** GitHub's limit for one output is 1 MB; the `result` output stays below it whatever the names. */
export const MAX_RESULT_OUTPUT_BYTES = 1_000_000

export interface Result {
  version: 1
  outcome: Outcome
  mode: Command
  /** The drill's label (`drill_name`); `name` is null when none was given. */
  drill: { name: string | null }
  /** The restore's last status; in download mode `downloaded` or `failed`. */
  status: string | null
  backup: {
    id: string | null
    job_id: string | null
    completed_at: string | null
    age_seconds: number | null
  }
  /** How the backup was chosen; null before the inputs were read. */
  selection: Selection | null
  restore: {
    id: string | null
    status: string | null
    created_at: string | null
    started_at: string | null
    completed_at: string | null
    duration_seconds: number | null
    compute: { type: string; server_id: number | null } | null
  }
  files: { id: string; name: string; size: string | null }[]
  /** Files of `files` left out of this copy of the result (0 in the result file). */
  files_omitted: number
  /** Download mode only; null otherwise. */
  download: {
    dir: string
    status: string | null
    started_at: string | null
    duration_seconds: number | null
    /** `checks` with `verify: content`: empty for a type no content check knows. */
    files: {
      name: string
      path: string
      bytes: number
      sha256: string
      checks?: { name: string; passed: boolean | null; detail: string }[]
    }[]
    /** Downloaded files left out of this copy of the result (0 in the result file). */
    files_omitted: number
  } | null
  checks: {
    name: string
    limit_seconds: number
    /** The limit as the workflow wrote it (`26h`). */
    limit: string
    actual_seconds: number | null
    passed: boolean | null
  }[]
  error: { message: string } | null
  run: {
    repository: string | null
    workflow: string | null
    run_id: string | null
    run_attempt: string | null
    event: string | null
    actor: string | null
  }
}

export function buildResult(evidence: Evidence, env: NodeJS.ProcessEnv): Result {
  const { backup, restore, settings, download } = evidence
  const durationMs = restoreDurationMs(restore, evidence.measuredDurationMs)
  const requested = settings?.command === 'restore' ? settings.compute : null
  const compute = restore?.compute
    ? { type: restore.compute.type, server_id: restore.compute.serverId }
    : requested
      ? { type: requested.type, server_id: requested.serverId }
      : null
  return {
    version: 1,
    outcome: evidence.outcome ?? 'failed',
    mode: settings?.command ?? 'restore',
    drill: { name: evidence.drillName },
    status: restore?.status ?? statusOfDownload(evidence),
    backup: {
      // Following a restore, its own answer names the backup.
      id: backup?.id ?? restore?.backupId ?? null,
      job_id: backup?.jobId ?? restore?.jobId ?? null,
      completed_at: backup?.completedAt ?? null,
      age_seconds: evidence.backupAgeMs === null ? null : seconds(evidence.backupAgeMs),
    },
    selection: evidence.selection,
    restore: {
      id: restore?.id ?? (settings?.command === 'watch' ? settings.restoreId : null),
      status: restore?.status ?? null,
      created_at: restore?.createdAt ?? null,
      started_at: restore?.startedAt ?? null,
      completed_at: restore?.completedAt ?? null,
      duration_seconds: durationMs === null ? null : seconds(durationMs),
      compute,
    },
    files: (evidence.files ?? []).map(({ id, name, size }) => ({ id, name, size })),
    files_omitted: 0,
    download:
      download === null
        ? null
        : {
            dir: download.dir,
            status: download.status,
            started_at: download.startedAt,
            duration_seconds: download.durationMs === null ? null : seconds(download.durationMs),
            files: download.files.map(({ name, path, bytes, sha256, checks }) => ({
              name,
              path,
              bytes,
              sha256,
              ...(checks === undefined ? {} : { checks: checks.map((check) => ({ ...check })) }),
            })),
            files_omitted: 0,
          },
    checks: evidence.checks.map((check) => ({
      name: check.name,
      limit_seconds: check.limitSeconds,
      limit: check.limit ?? formatDuration(check.limitSeconds * 1000),
      actual_seconds: check.actualSeconds,
      passed: check.passed,
    })),
    error: evidence.error === null ? null : { message: evidence.error },
    run: {
      repository: env.GITHUB_REPOSITORY ?? null,
      workflow: env.GITHUB_WORKFLOW ?? null,
      run_id: env.GITHUB_RUN_ID ?? null,
      run_attempt: env.GITHUB_RUN_ATTEMPT ?? null,
      event: env.GITHUB_EVENT_NAME ?? null,
      actor: env.GITHUB_ACTOR ?? null,
    },
  }
}

/**
 * In download mode, `downloaded` or `failed` (as action.yml says of the `status` output): a run
 * that failed before the first file was asked for (the backup not found, a refusal) failed all
 * the same. Empty while the run goes on, on a dry run, and in restore mode without a restore.
 */
function statusOfDownload({ settings, download, outcome }: Evidence): string | null {
  if (download?.status) return download.status
  const ended = outcome === 'failed' || outcome === 'timed_out' || outcome === 'cancelled'
  return settings?.command === 'download' && ended ? 'failed' : null
}

/**
 * The result as the `result` output holds it: at most MAX_OUTPUT_FILES files of each list, the
 * rest counted. File names may be long (up to 1,024 characters each), so when even that is too
 * much for one output, fewer are listed until it fits.
 */
export function resultForOutput(result: Result, maxBytes = MAX_RESULT_OUTPUT_BYTES): Result {
  for (let keep = MAX_OUTPUT_FILES; ; keep = Math.floor(keep / 2)) {
    const listed = listFirst(result, keep)
    if (keep === 0 || Buffer.byteLength(JSON.stringify(listed)) < maxBytes) return listed
  }
}

function listFirst(result: Result, keep: number): Result {
  const files = result.files.slice(0, keep)
  const { download } = result
  return {
    ...result,
    files,
    files_omitted: result.files_omitted + result.files.length - files.length,
    download:
      download === null
        ? null
        : {
            ...download,
            files: download.files.slice(0, keep),
            files_omitted:
              download.files_omitted +
              download.files.length -
              Math.min(keep, download.files.length),
          },
  }
}
