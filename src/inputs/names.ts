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
  verify: 'verify',
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
} as const

/** The retention tiers `backup_tag` names, as SnapShooter spells a backup's `tags`. */
export const BACKUP_TAGS = ['hourly', 'daily', 'weekly', 'monthly', 'manual'] as const
export type BackupTag = (typeof BACKUP_TAGS)[number]

export type InputName = (typeof Input)[keyof typeof Input]
export type OutputName = (typeof Output)[keyof typeof Output]

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
