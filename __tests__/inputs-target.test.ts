// The inputs that say what a run works on: a backup by id, one chosen among a job's backups by
// `latest` or `random` and their filters, or a restore made before (`restore_id`). Every bad
// combination is refused by parseSettings, which runs before any request, naming each input.
import { describe, expect, it } from '@jest/globals'
import type { InputName } from '../src/inputs/names.js'
import { InputError, parseAlertSettings, parseSettings } from '../src/inputs/parse.js'
import type { Settings } from '../src/inputs/settings.js'
import { parseCompletedBefore } from '../src/inputs/target.js'
import { actionDefaults } from './helpers/action-yml.js'

const BACKUP = '596c5046-1bd8-4664-9a3f-6208526c3b87'
const JOB = '6f7c5f07-bd49-49a5-8416-27b8de037ddc'
const RESTORE = '9d1e8c43-2f6a-4b7d-8e05-3c9a1f7b2d64'

function parse(given: Partial<Record<InputName, string>>): Settings {
  const inputs: Record<string, string> = { ...actionDefaults(), api_token: 't0ken', ...given }
  return parseSettings((name) => inputs[name] ?? '')
}

function problems(given: Partial<Record<InputName, string>>): string[] {
  try {
    parse(given)
  } catch (error) {
    if (error instanceof InputError) {
      expect(error.message).not.toMatch(/[\r\n]/)
      return [...error.problems]
    }
    throw error
  }
  throw new Error('expected an InputError')
}

describe('choosing the recovery point', () => {
  it('reads `random` with every filter into the choice', () => {
    const settings = parse({
      backup_id: 'Random',
      job_id: JOB,
      backup_tag: 'monthly',
      backup_window: '365d',
      completed_before: '2026-11-20T04:00:00+02:00',
    })
    expect(settings).toMatchObject({
      command: 'restore',
      backupId: 'random',
      jobId: JOB,
      choice: {
        rule: 'random',
        tag: 'monthly',
        windowMs: 365 * 86_400_000,
        completedBefore: Date.parse('2026-11-20T02:00:00Z'),
      },
    })
  })

  it('reads `latest` without filters as a choice with none, and a UUID as no choice', () => {
    expect(parse({ backup_id: 'latest', job_id: JOB })).toMatchObject({
      choice: { rule: 'latest', tag: null, windowMs: null, completedBefore: null },
    })
    expect(parse({ backup_id: BACKUP })).toMatchObject({ backupId: BACKUP, choice: null })
  })

  it('accepts the filters in download mode too', () => {
    const settings = parse({
      backup_id: 'latest',
      job_id: JOB,
      mode: 'download',
      backup_tag: 'daily',
    })
    expect(settings).toMatchObject({ command: 'download', choice: { tag: 'daily' } })
  })

  it.each<[string, Partial<Record<InputName, string>>, string[]]>([
    [
      'random without job_id',
      { backup_id: 'random' },
      ['`job_id` is required when `backup_id` is `random`'],
    ],
    [
      'each filter with a backup UUID',
      {
        backup_id: BACKUP,
        backup_tag: 'daily',
        backup_window: '30d',
        completed_before: '2026-11-20T04:00:00Z',
      },
      [
        '`backup_tag` applies only when `backup_id` is `latest` or `random` (got "daily")',
        '`backup_window` applies only when `backup_id` is `latest` or `random` (got "30d")',
        '`completed_before` applies only when `backup_id` is `latest` or `random` (got "2026-11-20T04:00:00Z")',
      ],
    ],
    [
      'an unknown tag',
      { backup_id: 'latest', job_id: JOB, backup_tag: 'yearly' },
      ['`backup_tag` must be `hourly`, `daily`, `weekly`, `monthly` or `manual` (got "yearly")'],
    ],
    [
      'a window over a year',
      { backup_id: 'random', job_id: JOB, backup_window: '366d' },
      ['`backup_window` must be at most 365d (got "366d")'],
    ],
    [
      'a window that is no duration',
      { backup_id: 'random', job_id: JOB, backup_window: 'a month' },
      ['`backup_window` must be a duration such as `90s`, `30m`, `1h30m`, `30d`'],
    ],
    [
      'a time without a zone',
      { backup_id: 'latest', job_id: JOB, completed_before: '2026-11-20T04:00:00' },
      ['`completed_before` must be an ISO 8601 time with a zone'],
    ],
    [
      'neither backup_id nor restore_id',
      { backup_id: '' },
      [
        '`backup_id` is required: a backup UUID, or `latest` or `random` with `job_id`; or give `restore_id`',
      ],
    ],
  ])('refuses %s, naming each input', (_, given, expected) => {
    const found = problems(given)
    expect(found).toHaveLength(expected.length)
    expected.forEach((part, index) => expect(found[index]).toContain(part))
  })

  it('mentions days wherever a duration is refused', () => {
    for (const name of [
      'timeout',
      'poll_interval',
      'max_backup_age',
      'max_restore_duration',
    ] as const)
      expect(problems({ backup_id: BACKUP, [name]: 'soon' })[0]).toContain('`30d`')
  })

  it('reads only real times with a zone as `completed_before`', () => {
    expect(parseCompletedBefore('2026-11-20T04:00Z')).toEqual({
      ok: true,
      value: Date.parse('2026-11-20T04:00:00Z'),
    })
    expect(parseCompletedBefore('2026-11-20t04:00:00.5z')).toEqual({
      ok: true,
      value: Date.parse('2026-11-20T04:00:00.500Z'),
    })
    for (const text of [
      '2026-11-20',
      '2026-13-01T00:00:00Z',
      'yesterday',
      '2026-11-20T04:00:00 UTC',
    ])
      expect(parseCompletedBefore(text).ok).toBe(false)
  })
})

describe('restore_id', () => {
  it('picks the watch command, with only the inputs that shape a wait', () => {
    const settings = parse({
      restore_id: RESTORE.toUpperCase(),
      timeout: '10m',
      max_restore_duration: '5m',
      on_timeout: 'warn',
    })
    expect(settings).toEqual({
      command: 'watch',
      apiToken: 't0ken',
      restoreId: RESTORE,
      timeoutMs: 600_000,
      pollIntervalMs: 15_000,
      onTimeout: 'warn',
      maxRestoreDurationMs: 300_000,
      dryRun: false,
      resultFile: null,
      apiUrl: 'https://api.snapshooter.com',
      alert: null,
      history: null,
      written: { timeout: '10m', max_restore_duration: '5m' },
    })
    expect(Object.isFrozen(settings)).toBe(true)
  })

  it('refuses every input that shapes a new restore, all at once', () => {
    const found = problems({
      restore_id: RESTORE,
      backup_id: BACKUP,
      job_id: JOB,
      files: '*.sql.gz',
      compute_type: 'server',
      server_id: '7',
      dry_run: 'true',
      max_backup_age: '1d',
      backup_tag: 'daily',
      backup_window: '30d',
      completed_before: '2026-11-20T04:00:00Z',
      wait: 'false',
    })
    const named = found.map((problem) => /^`([a-z_]+)`/.exec(problem)?.[1])
    expect(named).toEqual([
      'backup_id',
      'job_id',
      'files',
      'compute_type',
      'server_id',
      'dry_run',
      'max_backup_age',
      'backup_tag',
      'backup_window',
      'completed_before',
      'wait',
    ])
    for (const problem of found.slice(0, -1))
      expect(problem).toContain('does not apply with `restore_id`')
    expect(found.at(-1)).toContain('`wait` cannot be `false` with `restore_id`')
  })

  it('refuses `mode: download`, and a restore_id that is no UUID', () => {
    expect(problems({ restore_id: RESTORE, mode: 'download' })).toEqual([
      '`mode` does not apply with `restore_id`, which follows a restore made before: remove it (got "download")',
    ])
    expect(problems({ restore_id: 'abc' })).toEqual([
      '`restore_id` must be a restore UUID (got "abc")',
    ])
  })
})

describe('the drill issue target', () => {
  const targetOf = (given: Partial<Record<InputName, string>>): string | undefined => {
    const inputs: Record<string, string> = {
      ...actionDefaults(),
      issue_on_failure: 'true',
      github_token: 'ghs_x',
      ...given,
    }
    return parseAlertSettings((name) => inputs[name] ?? '').settings?.target
  }

  it('is the job for `random` as for `latest`, and the restore when following one', () => {
    expect(targetOf({ backup_id: 'random', job_id: JOB })).toBe(`job ${JOB}`)
    expect(targetOf({ backup_id: 'latest', job_id: JOB })).toBe(`job ${JOB}`)
    expect(targetOf({ restore_id: RESTORE })).toBe(`restore ${RESTORE}`)
    expect(targetOf({ backup_id: BACKUP })).toBe(`backup ${BACKUP}`)
  })
})
