// Names of inputs and outputs, as declared in action.yml, the outcomes a run ends with, and the
// version the user agent carries. No other file spells them.

export const Input = {
  apiToken: 'api_token',
  backupId: 'backup_id',
  jobId: 'job_id',
  files: 'files',
  computeType: 'compute_type',
  serverId: 'server_id',
  wait: 'wait',
  timeout: 'timeout',
  pollInterval: 'poll_interval',
  onTimeout: 'on_timeout',
  maxBackupAge: 'max_backup_age',
  maxRestoreDuration: 'max_restore_duration',
  dryRun: 'dry_run',
  resultFile: 'result_file',
  apiUrl: 'api_url',
  issueOnFailure: 'issue_on_failure',
  githubToken: 'github_token',
  issueLabel: 'issue_label',
  mode: 'mode',
  downloadTo: 'download_to',
  backupTag: 'backup_tag',
  backupWindow: 'backup_window',
  completedBefore: 'completed_before',
  restoreId: 'restore_id',
  historyBranch: 'history_branch',
  historySize: 'history_size',
  drillName: 'drill_name',
  verify: 'verify',
} as const

/** The inputs of the `jobs` sub-action (jobs/action.yml). */
export const JobsInput = {
  apiToken: 'api_token',
  apiUrl: 'api_url',
  include: 'include',
  exclude: 'exclude',
  maxJobs: 'max_jobs',
} as const

/** The outputs of the `jobs` sub-action. */
export const JobsOutput = {
  matrix: 'matrix',
  jobIds: 'job_ids',
  count: 'count',
} as const

export const Output = {
  outcome: 'outcome',
  status: 'status',
  restoreId: 'restore_id',
  backupId: 'backup_id',
  jobId: 'job_id',
  fileIds: 'file_ids',
  fileCount: 'file_count',
  startedAt: 'started_at',
  completedAt: 'completed_at',
  durationSeconds: 'duration_seconds',
  backupCompletedAt: 'backup_completed_at',
  backupAgeSeconds: 'backup_age_seconds',
  result: 'result',
  resultFile: 'result_file',
  issueNumber: 'issue_number',
  issueUrl: 'issue_url',
  downloadDir: 'download_dir',
  downloadedFiles: 'downloaded_files',
  selection: 'selection',
  historyUrl: 'history_url',
} as const

/** The retention tiers `backup_tag` names, as SnapShooter spells a backup's `tags`. */
export const BACKUP_TAGS = ['hourly', 'daily', 'weekly', 'monthly', 'manual'] as const
export type BackupTag = (typeof BACKUP_TAGS)[number]

export type InputName = (typeof Input)[keyof typeof Input]
export type OutputName = (typeof Output)[keyof typeof Output]
export type JobsInputName = (typeof JobsInput)[keyof typeof JobsInput]
export type JobsOutputName = (typeof JobsOutput)[keyof typeof JobsOutput]

export const Outcomes = [
  'succeeded',
  'failed',
  'timed_out',
  'cancelled',
  'not_waited',
  'dry_run',
] as const
export type Outcome = (typeof Outcomes)[number]

/** Kept equal to package.json's version by a test. */
export const VERSION = '0.1.0'
export const USER_AGENT = `snapshooter-restore/${VERSION}`

/** The inputs and outputs of the `report` sub-action, as declared in report/action.yml. */
export const ReportInput = {
  results: 'results',
  expected: 'expected',
  failOn: 'fail_on',
  historyBranch: 'history_branch',
  historySize: 'history_size',
  githubToken: 'github_token',
} as const

export const ReportOutput = {
  total: 'total',
  succeeded: 'succeeded',
  failed: 'failed',
  missing: 'missing',
  report: 'report',
  historyUrl: 'history_url',
} as const

export type ReportInputName = (typeof ReportInput)[keyof typeof ReportInput]
export type ReportOutputName = (typeof ReportOutput)[keyof typeof ReportOutput]
