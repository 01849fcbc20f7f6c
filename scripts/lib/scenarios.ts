// The demo's scenarios: one restore drill against the simulator, and the ways it can end.
import { CONTENT_SEED } from '../../simulator/content-checks.js'
import { DEMO_TOKEN, SEED, type SimulatorOptions } from '../../simulator/index.js'

export interface Scenario {
  name: string
  /** The flag that picks it; null for the default. */
  flag: string | null
  help: string
  sim: SimulatorOptions
  /** What the workflow's `with:` would add to, or change in, the drill's inputs. */
  inputs: Record<string, string>
  expect: { outcome: string; exitCode: 'zero' | 'non-zero'; restoresCreated: number }
  /** Also start a fake GitHub API, and expect the drill to open this many issues there. */
  github?: { issuesOpened: number }
  /** The last line: where in all that output the point of the scenario shows. */
  lookAt: string
  /** The flag takes a value (`--before <time>`), given to this input. */
  takes?: { input: string; meta: string }
}

export const RESULT_NAME = 'restore-drill.json'

/** A restore of the main job's newest backup on the simulator at `apiUrl`, defaults otherwise. */
export function latestOfMainJob(apiUrl: string): Record<string, string> {
  return { api_token: DEMO_TOKEN, api_url: apiUrl, backup_id: 'latest', job_id: SEED.jobs.main }
}

/** A scheduled drill of the main job's newest backup, with RPO and RTO limits. */
export function drillInputs(apiUrl: string, resultFile: string): Record<string, string> {
  return {
    ...latestOfMainJob(apiUrl),
    files: '*.sql.gz',
    max_backup_age: '26h',
    max_restore_duration: '10m',
    poll_interval: '2s',
    timeout: '2m',
    result_file: resultFile,
  }
}

/** The simulator's job kept by retention tiers (hourlies, dailies, weeklies, monthlies). */
const RETENTION_JOB = { job_id: SEED.jobs.retention, max_backup_age: '' }

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'restore drill that succeeds',
    flag: null,
    help: 'the default: the restore completes within the limits',
    sim: { restoreDurationMs: 4000 },
    inputs: {},
    expect: { outcome: 'succeeded', exitCode: 'zero', restoresCreated: 1 },
    lookAt:
      'the status going running → completed under "Wait for restore", the RPO/RTO checks in the summary, and the JSON result file',
  },
  {
    name: 'restore that fails at SnapShooter',
    flag: 'fail',
    help: "the restore ends with status 'failed': the step fails, the evidence is still written",
    sim: { restoreDurationMs: 4000, restoreFinalStatus: 'failed' },
    inputs: {},
    expect: { outcome: 'failed', exitCode: 'non-zero', restoresCreated: 1 },
    lookAt:
      'the red Error line and exit code 1, and that the outputs, summary and result file were written all the same',
  },
  {
    name: 'restore that outlasts the timeout',
    flag: 'timeout',
    help: "the restore takes 60s but the action waits only 5s: outcome 'timed_out'",
    sim: { restoreDurationMs: 60_000 },
    inputs: { timeout: '5s' },
    expect: { outcome: 'timed_out', exitCode: 'non-zero', restoresCreated: 1 },
    lookAt:
      "outcome timed_out with status still running, and the summary's note that the restore goes on at SnapShooter",
  },
  {
    name: 'failing drill that opens a GitHub issue',
    flag: 'alert',
    help: 'issue_on_failure: the failed restore opens a drill issue on a fake GitHub API',
    sim: { restoreDurationMs: 4000, restoreFinalStatus: 'failed' },
    inputs: { issue_on_failure: 'true' },
    expect: { outcome: 'failed', exitCode: 'non-zero', restoresCreated: 1 },
    github: { issuesOpened: 1 },
    lookAt:
      'the issue the failing drill opened on the fake GitHub API, and issue_number / issue_url in the outputs',
  },
  {
    name: 'dry run',
    flag: 'dry-run',
    help: 'resolve and check everything, show the request, start no restore',
    sim: { restoreDurationMs: 4000 },
    inputs: { dry_run: 'true' },
    expect: { outcome: 'dry_run', exitCode: 'zero', restoresCreated: 0 },
    lookAt:
      'the request in the summary, and that the simulator was asked for no restore (restore_id is empty)',
  },
  {
    name: 'restore not waited for',
    flag: 'no-wait',
    help: 'start the restore and return at once (wait: false)',
    sim: { restoreDurationMs: 4000 },
    inputs: { wait: 'false' },
    expect: { outcome: 'not_waited', exitCode: 'zero', restoresCreated: 1 },
    lookAt:
      'restore_id, set for a later step to follow up on, while the restore itself is still going on',
  },
  {
    name: 'monthly drill of a random monthly backup',
    flag: 'random',
    help: "backup_id: random among the retention job's monthly backups of the last 365d",
    sim: { restoreDurationMs: 4000 },
    // The monthlies are weeks old, so the drill's 26h RPO limit is left out.
    inputs: { ...RETENTION_JOB, backup_id: 'random', backup_tag: 'monthly', backup_window: '365d' },
    expect: { outcome: 'succeeded', exitCode: 'zero', restoresCreated: 1 },
    lookAt:
      'the "chosen" line of the summary (random among 11 monthly backups) and the selection output',
  },
  {
    name: 'the newest backup before a time',
    flag: 'before',
    help: "completed_before: the retention job's newest completed backup before <time> (ISO 8601)",
    sim: { restoreDurationMs: 4000 },
    inputs: RETENTION_JOB,
    takes: { input: 'completed_before', meta: '<time>' },
    expect: { outcome: 'succeeded', exitCode: 'zero', restoresCreated: 1 },
    lookAt: 'backup_completed_at, just before the time given, and the selection output',
  },
  {
    name: 'download drill with content checks',
    flag: 'download',
    help: 'mode: download of dumps and archives: each file verified, and its content checked',
    sim: {},
    // A download restores nothing, so the RTO limit does not apply.
    inputs: {
      mode: 'download',
      backup_id: CONTENT_SEED.backups.complete,
      job_id: '',
      files: '',
      max_restore_duration: '',
    },
    expect: { outcome: 'succeeded', exitCode: 'zero', restoresCreated: 0 },
    lookAt: 'the checks column of the Files table: each dump complete, each archive whole',
  },
]
