import { describe, expect, it } from '@jest/globals'
import type { InputName } from '../src/inputs/names.js'
import { InputError, parseAlertSettings, parseSettings } from '../src/inputs/parse.js'
import type { RestoreSettings, Settings } from '../src/inputs/settings.js'
import { parseFileList, parseFiles } from '../src/inputs/values.js'
import { actionDefaults } from './helpers/action-yml.js'

const BACKUP = '596c5046-1bd8-4664-9a3f-6208526c3b87'
const JOB = '6f7c5f07-bd49-49a5-8416-27b8de037ddc'

/** Inputs as the runner hands them over: action.yml defaults, then what the workflow gave. */
function parse(given: Partial<Record<InputName, string>>): Settings {
  const inputs: Record<string, string> = {
    ...actionDefaults(),
    api_token: 't0ken',
    backup_id: BACKUP,
    ...given,
  }
  return parseSettings((name) => inputs[name] ?? '')
}

function problems(given: Partial<Record<InputName, string>>): string[] {
  try {
    parse(given)
  } catch (error) {
    if (error instanceof InputError) return [...error.problems]
    throw error
  }
  throw new Error('expected an InputError')
}

describe('parseSettings', () => {
  it('applies the defaults of action.yml', () => {
    const settings = parse({})
    expect(settings).toEqual({
      command: 'restore',
      apiToken: 't0ken',
      backupId: BACKUP,
      jobId: null,
      choice: null,
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
      history: null,
      written: { timeout: '30m' },
    })
    expect(Object.isFrozen(settings)).toBe(true)
    expect(Object.isFrozen((settings as RestoreSettings).files)).toBe(true)
  })

  it('keeps the limits as the workflow wrote them, for the evidence to quote', () => {
    const settings = parse({ max_backup_age: ' 26h ', max_restore_duration: '90m', timeout: '2h' })
    expect(settings.written).toEqual({
      timeout: '2h',
      max_backup_age: '26h',
      max_restore_duration: '90m',
    })
    expect(settings).toMatchObject({ maxBackupAgeMs: 26 * 3_600_000, timeoutMs: 7_200_000 })
  })

  it('reads every input when all are given', () => {
    const settings = parse({
      backup_id: 'latest',
      job_id: JOB.toUpperCase(),
      files: `*.sql.gz, ${BACKUP}\nsnapshooter/*/run.sh`,
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
      jobId: JOB,
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
    expect((settings as RestoreSettings).files).toEqual([
      { kind: 'pattern', pattern: '*.sql.gz' },
      { kind: 'id', id: BACKUP },
      { kind: 'pattern', pattern: 'snapshooter/*/run.sh' },
    ])
  })

  it.each<[string, Partial<Record<InputName, string>>, string]>([
    ['a missing token', { api_token: '' }, '`api_token` is required'],
    ['a missing backup', { backup_id: '' }, '`backup_id` is required'],
    [
      'a backup id that is not a UUID',
      { backup_id: '1234' },
      '`backup_id` must be a backup UUID, `latest` or `random` (got "1234")',
    ],
    [
      'latest without a job',
      { backup_id: 'latest' },
      '`job_id` is required when `backup_id` is `latest`',
    ],
    [
      'a job id that is not a UUID',
      { job_id: 'my-job' },
      '`job_id` must be a job UUID (got "my-job")',
    ],
    [
      'an unknown compute type',
      { compute_type: 'lambda', server_id: '3' },
      '`compute_type` must be `server` or `ss_agent`',
    ],
    [
      'a compute type without a server',
      { compute_type: 'server' },
      '`server_id` is required with `compute_type`',
    ],
    [
      'a server without a compute type',
      { server_id: '3' },
      '`compute_type` is required with `server_id`',
    ],
    [
      'a server id of zero',
      { compute_type: 'server', server_id: '0' },
      '`server_id` must be a positive integer (got "0")',
    ],
    [
      'a negative server id',
      { compute_type: 'server', server_id: '-3' },
      '`server_id` must be a positive integer',
    ],
    [
      'a fractional server id',
      { compute_type: 'server', server_id: '3.5' },
      '`server_id` must be a positive integer',
    ],
    [
      'a huge server id',
      { compute_type: 'server', server_id: '99999999999999999999' },
      '`server_id` must be a positive integer',
    ],
    ['a typo in wait', { wait: 'yes' }, '`wait` must be `true` or `false` (got "yes")'],
    ['a typo in dry_run', { dry_run: 'ture' }, '`dry_run` must be `true` or `false` (got "ture")'],
    ['a timeout that is not a duration', { timeout: '30 minutes' }, '`timeout` must be a duration'],
    ['a timeout over 6h', { timeout: '6h1s' }, '`timeout` must be at most 6h'],
    ['a zero timeout', { timeout: '0' }, '`timeout` must be at least 1s'],
    [
      'a poll interval that is not a duration',
      { poll_interval: 'often' },
      '`poll_interval` must be a duration',
    ],
    [
      'a poll interval too short',
      { poll_interval: '10ms' },
      '`poll_interval` must be at least 100ms',
    ],
    [
      'an unknown on_timeout',
      { on_timeout: 'ignore' },
      '`on_timeout` must be `fail` or `warn` (got "ignore")',
    ],
    [
      'a bad max_backup_age',
      { max_backup_age: 'yesterday' },
      '`max_backup_age` must be a duration',
    ],
    [
      'a bad max_restore_duration',
      { max_restore_duration: '-1m' },
      '`max_restore_duration` must be a duration',
    ],
    [
      'an http api_url',
      { api_url: 'http://api.snapshooter.com' },
      '`api_url` must be an https:// URL',
    ],
    [
      'an api_url with credentials',
      { api_url: 'https://me:pw@api.snapshooter.com' },
      '`api_url` must be an https:// URL',
    ],
    [
      'an api_url with a query',
      { api_url: 'https://api.snapshooter.com/?x=1' },
      '`api_url` must be an https:// URL',
    ],
    [
      'an api_url that is not a URL',
      { api_url: 'api.snapshooter.com' },
      '`api_url` must be an https:// URL',
    ],
    ['an ftp api_url', { api_url: 'ftp://127.0.0.1' }, '`api_url` must be an https:// URL'],
    [
      'an api_url ending in an empty query',
      { api_url: 'https://api.snapshooter.com?' },
      '`api_url` must be an https:// URL without user:password, query or fragment',
    ],
    [
      'an api_url ending in an empty fragment',
      { api_url: 'https://api.snapshooter.com#' },
      '`api_url` must be an https:// URL without user:password, query or fragment',
    ],
    [
      'an api_url with a path and an empty query',
      { api_url: 'http://127.0.0.1:4010/api/?' },
      '`api_url` must be an https:// URL',
    ],
    [
      'an api_url with a fragment',
      { api_url: 'https://api.snapshooter.com/#v1' },
      '`api_url` must be an https:// URL',
    ],
    [
      'a files pattern with a class range written backwards',
      { files: '*.sql.gz\n[z-a].sql' },
      '`files` entry "[z-a].sql" is not a pattern: ' +
        'its class range "z-a" runs backwards (write "a-z")',
    ],
  ])('refuses %s, naming the input', (_, given, expected) => {
    const found = problems(given)
    expect(found).toHaveLength(1)
    expect(found[0]).toContain(expected)
  })

  it.each<[string, Partial<Record<InputName, string>>, string]>([
    [
      'a typo in issue_on_failure',
      { issue_on_failure: 'on' },
      '`issue_on_failure` must be `true` or `false` (got "on")',
    ],
    [
      'alerting without a token',
      { issue_on_failure: 'true', github_token: '' },
      '`github_token` is required with `issue_on_failure`',
    ],
    [
      'alerting with an empty label',
      { issue_on_failure: 'true', issue_label: ' ' },
      '`issue_label` must be a label name of 1 to 50 characters',
    ],
    [
      'alerting with a label too long',
      { issue_on_failure: 'true', issue_label: 'x'.repeat(51) },
      '`issue_label` must be a label name',
    ],
    [
      'alerting with a label holding a comma, which GitHub would read as two',
      { issue_on_failure: 'true', issue_label: 'ops,restore-drill' },
      '`issue_label` must be one label name, without a comma: ' +
        'GitHub reads a comma as a list of labels (got "ops,restore-drill")',
    ],
  ])('refuses %s', (_, given, expected) => {
    expect(problems(given)).toEqual([expect.stringContaining(expected)])
  })

  it('reads the alerting settings, titled after the target as given', () => {
    const inputs = { issue_on_failure: 'true', github_token: 'ghs_x', issue_label: 'drill' }
    expect(parse(inputs).alert).toEqual({
      githubToken: 'ghs_x',
      label: 'drill',
      target: `backup ${BACKUP}`,
    })
    expect(parse({ ...inputs, backup_id: 'Latest', job_id: JOB }).alert?.target).toBe(`job ${JOB}`)
  })

  it.each([
    'http://localhost:4010',
    'http://127.0.0.1',
    'http://127.8.9.10:8080/api',
    'http://[::1]:4010',
  ])('accepts the loopback URL %s over http', (url) => {
    expect(parse({ api_url: url }).apiUrl).toBe(url.replace(/\/$/, ''))
  })

  it('reports every bad input together, in one line', () => {
    const found = problems({
      api_token: '',
      backup_id: 'latest',
      wait: 'maybe',
      timeout: '7h',
      api_url: 'http://x',
    })
    expect(found.map((problem) => problem.match(/`(\w+)`/)?.[1])).toEqual([
      'api_token',
      'job_id',
      'wait',
      'timeout',
      'api_url',
    ])
    expect(
      problems({ files: '[z-a].sql, *.gz, [9-0]', wait: 'yes', api_url: 'https://x?' }),
    ).toEqual([
      expect.stringMatching(/^`files` entry "\[z-a\]\.sql" is not a pattern: /),
      expect.stringMatching(/^`files` entry "\[9-0\]" is not a pattern: .*"9-0"/),
      expect.stringMatching(/^`wait` /),
      expect.stringMatching(/^`api_url` /),
    ])
    try {
      parse({ api_token: '', wait: 'maybe' })
    } catch (error) {
      expect((error as Error).message).not.toContain('\n')
      expect((error as Error).message).toMatch(/^Invalid inputs: `api_token`.*; `wait`.*\.$/)
    }
  })

  it('never shows the token in an error', () => {
    expect(() => parse({ api_token: 'secret-value', backup_id: 'nope' })).toThrow(InputError)
    expect(problems({ api_token: 'secret-value', backup_id: 'nope' }).join()).not.toContain(
      'secret-value',
    )
  })

  it('cuts a long bad value', () => {
    const [problem] = problems({ job_id: 'x'.repeat(500) })
    expect(problem?.length).toBeLessThan(140)
  })
})

describe('parseAlertSettings', () => {
  const read = (given: Record<string, string>) =>
    parseAlertSettings((name) => ({ ...actionDefaults(), ...given })[name] ?? '').settings

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

describe('verify', () => {
  it('checks content by default, and integrity only when told', () => {
    expect(parse({ mode: 'download' })).toMatchObject({ verify: 'content' })
    expect(parse({ mode: 'download', verify: '' })).toMatchObject({ verify: 'content' })
    expect(parse({ mode: 'download', verify: ' integrity ' })).toMatchObject({
      verify: 'integrity',
    })
  })

  it('refuses an unknown depth, beside every other bad input', () => {
    expect(problems({ mode: 'download', verify: 'deep', timeout: 'soon' })).toEqual([
      expect.stringMatching(/^`timeout` /),
      '`verify` must be `content` or `integrity` (got "deep")',
    ])
  })

  it('refuses `integrity` outside download mode, where nothing is downloaded to check', () => {
    expect(problems({ verify: 'integrity', download_to: 'out' })).toEqual([
      '`download_to` applies only with `mode: download` (got "out")',
      '`verify` applies only with `mode: download` (got "integrity")',
    ])
    expect(problems({ backup_id: '', restore_id: BACKUP, verify: 'integrity' })).toContain(
      '`verify` applies only with `mode: download` (got "integrity")',
    )
    // Its default, which the runner passes to every step, is no choice of the workflow's.
    expect(parse({ verify: 'content' })).not.toHaveProperty('verify')
  })
})

describe('mode and download_to', () => {
  it('reads download mode and its folder', () => {
    expect(parse({ mode: 'download', download_to: ' backups/ ' })).toMatchObject({
      command: 'download',
      downloadTo: 'backups/',
    })
    expect(parse({ mode: 'download' })).toMatchObject({ command: 'download', downloadTo: null })
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
    const settings = parse({ mode: 'download', wait: 'true', poll_interval: '5s' })
    expect(settings.command).toBe('download')
    expect(settings).not.toHaveProperty('compute')
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
    const parsed = parseFileList(`[a-z]*.sql, [!]x, backup[1, [-z], ${BACKUP}`)
    expect(parsed).toEqual({
      ok: true,
      value: parseFiles(`[a-z]*.sql, [!]x, backup[1, [-z], ${BACKUP}`),
    })
  })

  it('names a long bad entry, cut short, on one line', () => {
    const parsed = parseFileList(`${'x'.repeat(5000)}[z-a]`)
    const found = parsed.ok ? [] : parsed.problems.map((line) => line.replace(/^`files` /, ''))
    expect(found).toHaveLength(1)
    expect(found[0]?.length).toBeLessThan(160)
    expect(found[0]).not.toContain('\n')
  })
})
