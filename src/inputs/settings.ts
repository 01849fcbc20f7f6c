// What a run was asked to do, once every input has been read and checked: one frozen value, a
// union by command, so that the compiler knows which inputs apply to which command
// (docs/architecture.md, Inputs).

import type { BackupTag } from './names.js'

/** The commands the `mode` input picks between. */
export const COMMANDS = ['restore', 'download'] as const
export type Mode = (typeof COMMANDS)[number]
/** `watch` is no mode of its own: `restore_id` picks it, to follow a restore made before. */
export type Command = Mode | 'watch'

/** How `latest` and `random` choose among a job's completed backups (see drill/choose.ts). */
export interface Choice {
  readonly rule: 'latest' | 'random'
  readonly tag: BackupTag | null
  /** Only backups completed within this long before now. */
  readonly windowMs: number | null
  /** Only backups completed strictly before this moment (epoch ms). */
  readonly completedBefore: number | null
}

export type FileSelector = { kind: 'id'; id: string } | { kind: 'pattern'; pattern: string }
export type ComputeType = 'server' | 'ss_agent'
export type Compute = { readonly type: ComputeType; readonly serverId: number }

export interface AlertSettings {
  readonly githubToken: string
  readonly label: string
  /**
   * The drill's target as the inputs name it: `drill_name` when given, else `job <job_id>` for
   * `latest` and `random`, `restore <restore_id>` when following one, else `backup <backup_id>`.
   */
  readonly target: string
}

/** The drill history (`history_branch`): where the drill's record goes, and under what name. */
export interface HistorySettings {
  readonly branch: string
  /** `history_size`: lines kept per ledger. */
  readonly size: number
  readonly githubToken: string
  /** The drill's target, as the alert names it (drillTarget). */
  readonly target: string
}

/** The inputs every command reads, a backup's or a restore's. */
export interface BaseSettings {
  readonly apiToken: string
  /** From the run's start until the restore exists (or the download is done). */
  readonly timeoutMs: number
  readonly onTimeout: 'fail' | 'warn'
  readonly dryRun: boolean
  readonly resultFile: string | null
  /** Without a trailing slash. */
  readonly apiUrl: string
  /** Null when `issue_on_failure` is off. */
  readonly alert: AlertSettings | null
  /** Null when `history_branch` is empty. */
  readonly history: HistorySettings | null
  /**
   * The durations of `timeout`, `max_backup_age` and `max_restore_duration` as the workflow wrote
   * them (`26h`, never re-spelt `1d2h`), for the evidence to quote; absent ones are left out.
   */
  readonly written?: Readonly<Partial<Record<WrittenDuration, string>>>
}

/** The inputs whose written form the evidence quotes. */
export type WrittenDuration = 'timeout' | 'max_backup_age' | 'max_restore_duration'

/** The inputs of the commands that start from a backup. */
export interface CommonSettings extends BaseSettings {
  /** A backup UUID (lower case), `latest` or `random`. */
  readonly backupId: string
  /** Lower case; never null with `latest` or `random`. */
  readonly jobId: string | null
  /** How `latest` or `random` choose among the job's backups; null for a backup UUID. */
  readonly choice: Choice | null
  readonly files: readonly FileSelector[]
  readonly maxBackupAgeMs: number | null
}

/** `mode: restore`: restore the backup and (unless `wait: false`) wait for the restore. */
export interface RestoreSettings extends CommonSettings {
  readonly command: 'restore'
  readonly compute: Compute | null
  readonly wait: boolean
  readonly pollIntervalMs: number
  readonly maxRestoreDurationMs: number | null
}

/** `verify`: `integrity` checks the bytes (size, gzip, SHA-256); `content` also what they hold. */
export const VERIFY_LEVELS = ['content', 'integrity'] as const
export type VerifyLevel = (typeof VERIFY_LEVELS)[number]

/** `mode: download`: fetch the backup's files to the runner and verify them. */
export interface DownloadSettings extends CommonSettings {
  readonly command: 'download'
  /** As given; null means a folder named after the backup under RUNNER_TEMP. */
  readonly downloadTo: string | null
  readonly verify: VerifyLevel
}

/** `restore_id`: follow a restore made before (by `wait: false`, a cancelled run, or by hand). */
export interface WatchSettings extends BaseSettings {
  readonly command: 'watch'
  /** Lower case. */
  readonly restoreId: string
  readonly pollIntervalMs: number
  readonly maxRestoreDurationMs: number | null
}

/** An entry of `include` or `exclude`: a job's UUID, or a pattern its name must match. */
export type JobFilter = { kind: 'id'; id: string } | { kind: 'pattern'; pattern: string }

/** The `jobs` sub-action: which of the account's jobs to drill. */
export interface JobsSettings {
  readonly apiToken: string
  /** Without a trailing slash. */
  readonly apiUrl: string
  /** Empty: every job. */
  readonly include: readonly JobFilter[]
  readonly exclude: readonly JobFilter[]
  readonly maxJobs: number
}

export type Settings = RestoreSettings | DownloadSettings | WatchSettings
