// The JSON result (version 1): the `result` output and the `result_file`. Its shape is part of
// the action's contract (design.md section 4): add fields, never rename them.
import type { Outcome } from '../constants.js'
import type { Mode } from '../mode.js'
import { restoreDurationMs, seconds } from '../drill/checks.js'
import type { Evidence } from './evidence.js'

export interface Result {
  version: 1
  outcome: Outcome
  mode: Mode
  /** The restore's last status; in download mode `downloaded` or `failed`. */
  status: string | null
  backup: {
    id: string | null
    job_id: string | null
    completed_at: string | null
    age_seconds: number | null
  }
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
  /** Download mode only; null otherwise. */
  download: {
    dir: string
    status: string | null
    started_at: string | null
    duration_seconds: number | null
    files: { name: string; path: string; bytes: number; sha256: string }[]
  } | null
  checks: {
    name: string
    limit_seconds: number
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
  const requested = settings?.compute
  const compute = restore?.compute
    ? { type: restore.compute.type, server_id: restore.compute.serverId }
    : requested
      ? { type: requested.type, server_id: requested.serverId }
      : null
  return {
    version: 1,
    outcome: evidence.outcome ?? 'failed',
    mode: settings?.mode ?? 'restore',
    status: restore?.status ?? statusOfDownload(evidence),
    backup: {
      id: backup?.id ?? null,
      job_id: backup?.jobId ?? null,
      completed_at: backup?.completedAt ?? null,
      age_seconds: evidence.backupAgeMs === null ? null : seconds(evidence.backupAgeMs),
    },
    restore: {
      id: restore?.id ?? null,
      status: restore?.status ?? null,
      created_at: restore?.createdAt ?? null,
      started_at: restore?.startedAt ?? null,
      completed_at: restore?.completedAt ?? null,
      duration_seconds: durationMs === null ? null : seconds(durationMs),
      compute,
    },
    files: (evidence.files ?? []).map(({ id, name, size }) => ({ id, name, size })),
    download:
      download === null
        ? null
        : {
            dir: download.dir,
            status: download.status,
            started_at: download.startedAt,
            duration_seconds: download.durationMs === null ? null : seconds(download.durationMs),
            files: download.files.map(({ name, path, bytes, sha256 }) => ({
              name,
              path,
              bytes,
              sha256,
            })),
          },
    checks: evidence.checks.map((check) => ({
      name: check.name,
      limit_seconds: check.limitSeconds,
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
 * In download mode, `downloaded` or `failed` (design.md section 5b): a run that failed before
 * the first file was asked for (the backup not found, a refusal) failed all the same. Empty
 * while the run goes on, on a dry run, and in restore mode without a restore.
 */
function statusOfDownload({ settings, download, outcome }: Evidence): string | null {
  if (download?.status) return download.status
  const ended = outcome === 'failed' || outcome === 'timed_out' || outcome === 'cancelled'
  return settings?.mode === 'download' && ended ? 'failed' : null
}
