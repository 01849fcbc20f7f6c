// Inputs read into Settings: action.yml's defaults, every input given, alerting, download mode,
// and the `files` list. Each bad input refused, and how: inputs-refusals.test.ts.
import { describe, expect, it } from '@jest/globals'
import { parseAlertSettings, parseFiles } from '../src/inputs.js'
import { checkPatterns } from '../src/input-values.js'
import { actionDefaults } from './helpers/action-yml.js'
import { BACKUP_ID, JOB_ID } from './fixtures/values.js'
import { parse, problems } from './helpers/settings.js'

describe('parseSettings', () => {
  it('applies the defaults of action.yml', () => {
    const settings = parse({})
    expect(settings).toEqual({
      apiToken: 't0ken',
      backupId: BACKUP_ID,
      jobId: null,
      files: [],
      compute: null,
      wait: true,
      timeoutMs: 30 * 60_000,
      pollIntervalMs: 15_000,
      onTimeout: 'fail',
      maxBackupAgeMs: null,
      maxRestoreDurationMs: null,
      dryRun: false,
      resultFile: null,
      apiUrl: 'https://api.snapshooter.com',
      alert: null,
      mode: 'restore',
      downloadTo: null,
    })
    expect(Object.isFrozen(settings)).toBe(true)
    expect(Object.isFrozen(settings.files)).toBe(true)
  })

  it('reads every input when all are given', () => {
    const settings = parse({
      backup_id: 'latest',
      job_id: JOB_ID.toUpperCase(),
      files: `*.sql.gz, ${BACKUP_ID}\nsnapshooter/*/run.sh`,
      compute_type: 'ss_agent',
      server_id: '9362',
      wait: 'False',
      timeout: '1h30m',
      poll_interval: '500ms',
      on_timeout: 'warn',
      max_backup_age: '26h',
      max_restore_duration: '45m',
      dry_run: 'TRUE',
      result_file: 'drill.json',
      api_url: 'http://127.0.0.1:4010/',
    })
    expect(settings).toMatchObject({
      backupId: 'latest',
      jobId: JOB_ID,
      compute: { type: 'ss_agent', serverId: 9362 },
      wait: false,
      timeoutMs: 5_400_000,
      pollIntervalMs: 500,
      onTimeout: 'warn',
      maxBackupAgeMs: 26 * 3_600_000,
      maxRestoreDurationMs: 45 * 60_000,
      dryRun: true,
      resultFile: 'drill.json',
      apiUrl: 'http://127.0.0.1:4010',
    })
    expect(settings.files).toEqual([
      { kind: 'pattern', pattern: '*.sql.gz' },
      { kind: 'id', id: BACKUP_ID },
      { kind: 'pattern', pattern: 'snapshooter/*/run.sh' },
    ])
  })

  it('reads the alerting settings, titled after the target as given', () => {
    const inputs = { issue_on_failure: 'true', github_token: 'ghs_x', issue_label: 'drill' }
    expect(parse(inputs).alert).toEqual({
      githubToken: 'ghs_x',
      label: 'drill',
      target: `backup ${BACKUP_ID}`,
    })
    expect(parse({ ...inputs, backup_id: 'Latest', job_id: JOB_ID }).alert?.target).toBe(
      `job ${JOB_ID}`,
    )
  })

  it.each([
    'http://localhost:4010',
    'http://127.0.0.1',
    'http://127.8.9.10:8080/api',
    'http://[::1]:4010',
  ])('accepts the loopback URL %s over http', (url) => {
    expect(parse({ api_url: url }).apiUrl).toBe(url.replace(/\/$/, ''))
  })
})

describe('parseAlertSettings', () => {
  const read = (given: Record<string, string>) =>
    parseAlertSettings((name) => ({ ...actionDefaults(), ...given })[name] ?? '')

  it('still names the target when other inputs are bad, so a broken drill alerts', () => {
    expect(
      read({ issue_on_failure: 'true', backup_id: 'latest', job_id: 'not-a-uuid' })?.target,
    ).toBe('job not-a-uuid')
    expect(read({ issue_on_failure: 'true', backup_id: '' })?.target).toBe('backup (no backup_id)')
    expect(read({ issue_on_failure: 'true', backup_id: 'latest' })?.target).toBe('job (no job_id)')
  })

  it('is off unless issue_on_failure is true and its own inputs are good', () => {
    expect(read({})).toBeNull()
    expect(read({ issue_on_failure: 'yes' })).toBeNull()
    expect(read({ issue_on_failure: 'true', github_token: '' })).toBeNull()
    expect(read({ issue_on_failure: 'true', issue_label: 'ops,restore-drill' })).toBeNull()
    expect(read({ issue_on_failure: 'true', issue_label: 'restore-drill' })?.label).toBe(
      'restore-drill',
    )
  })
})

describe('mode and download_to', () => {
  it('reads download mode and its folder', () => {
    expect(parse({ mode: 'download', download_to: ' backups/ ' })).toMatchObject({
      mode: 'download',
      downloadTo: 'backups/',
    })
    expect(parse({ mode: 'download' }).downloadTo).toBeNull()
  })

  it('refuses an unknown mode', () => {
    expect(problems({ mode: 'Download' })).toEqual([
      '`mode` must be `restore` or `download` (got "Download")',
    ])
  })

  it('refuses a folder for a restore, where it would be silently ignored', () => {
    expect(problems({ download_to: 'out' })).toEqual([
      '`download_to` applies only with `mode: download` (got "out")',
    ])
  })

  it('refuses, together, every input that only shapes a restore', () => {
    const found = problems({
      mode: 'download',
      compute_type: 'server',
      server_id: 'x',
      wait: 'false',
      max_restore_duration: '1h',
    })
    expect(found.map((problem) => problem.split(' ')[0])).toEqual([
      '`compute_type`',
      '`server_id`',
      '`wait`',
      '`max_restore_duration`',
    ])
    for (const problem of found) expect(problem).toContain('does not apply with `mode: download`')
  })

  it('leaves the restore-only defaults alone in download mode', () => {
    expect(parse({ mode: 'download', wait: 'true', poll_interval: '5s' }).compute).toBeNull()
  })
})

describe('parseFiles', () => {
  it('splits on commas and new lines, drops blanks and repeats', () => {
    expect(parseFiles(' a.sql ,\n\n*.gz,a.sql\r\n')).toEqual([
      { kind: 'pattern', pattern: 'a.sql' },
      { kind: 'pattern', pattern: '*.gz' },
    ])
  })

  it('is empty for an empty input', () => {
    expect(parseFiles('')).toEqual([])
  })

  it('accepts every pattern the matcher can read, and file ids, with no problem', () => {
    const found: string[] = []
    checkPatterns(parseFiles(`[a-z]*.sql, [!]x, backup[1, [-z], ${BACKUP_ID}`), (name, rule) =>
      found.push(`${name} ${rule}`),
    )
    expect(found).toEqual([])
  })

  it('names a long bad entry, cut short, on one line', () => {
    const found: string[] = []
    checkPatterns(parseFiles(`${'x'.repeat(5000)}[z-a]`), (name, rule) => found.push(rule))
    expect(found).toHaveLength(1)
    expect(found[0]?.length).toBeLessThan(160)
    expect(found[0]).not.toContain('\n')
  })
})
