// What a run was asked to do, once every input has been read and checked: one frozen value, a
// union by command, so that the compiler knows which inputs apply to which command
// (docs/architecture.md, Inputs).

/** The commands the `mode` input picks between. */
export const COMMANDS = ['restore', 'download'] as const
export type Command = (typeof COMMANDS)[number]

export type FileSelector = { kind: 'id'; id: string } | { kind: 'pattern'; pattern: string }
export type ComputeType = 'server' | 'ss_agent'
export type Compute = { readonly type: ComputeType; readonly serverId: number }

export interface AlertSettings {
  readonly githubToken: string
  readonly label: string
  /** The drill's target as the inputs name it: `job <job_id>` for `latest`, else `backup <backup_id>`. */
  readonly target: string
}

/** The inputs every command reads. */
export interface CommonSettings {
  readonly apiToken: string
  /** A backup UUID (lower case), or `latest`. */
  readonly backupId: string
  /** Lower case; never null with `latest`. */
  readonly jobId: string | null
  readonly files: readonly FileSelector[]
  /** From the run's start until the restore exists (or the download is done). */
  readonly timeoutMs: number
  readonly onTimeout: 'fail' | 'warn'
  readonly maxBackupAgeMs: number | null
  readonly dryRun: boolean
  readonly resultFile: string | null
  /** Without a trailing slash. */
  readonly apiUrl: string
  /** Null when `issue_on_failure` is off. */
  readonly alert: AlertSettings | null
}

/** `mode: restore`: restore the backup and (unless `wait: false`) wait for the restore. */
export interface RestoreSettings extends CommonSettings {
  readonly command: 'restore'
  readonly compute: Compute | null
  readonly wait: boolean
  readonly pollIntervalMs: number
  readonly maxRestoreDurationMs: number | null
}

/** `mode: download`: fetch the backup's files to the runner and verify them. */
export interface DownloadSettings extends CommonSettings {
  readonly command: 'download'
  /** As given; null means a folder named after the backup under RUNNER_TEMP. */
  readonly downloadTo: string | null
}

export type Settings = RestoreSettings | DownloadSettings
