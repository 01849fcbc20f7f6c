// The drill history's inputs, read with the others: `history_branch`, `history_size`, and the
// `github_token` that writes the branch; and the target the history and the drill issue share.
import { describe, expect, it } from '@jest/globals'
import type { InputName } from '../src/inputs/names.js'
import { InputError, parseAlertSettings, parseSettings } from '../src/inputs/parse.js'
import type { Settings } from '../src/inputs/settings.js'
import { drillTarget } from '../src/inputs/target.js'
import { actionDefaults } from './helpers/action-yml.js'

const BACKUP = '596c5046-1bd8-4664-9a3f-6208526c3b87'
const JOB = '6f7c5f07-bd49-49a5-8416-27b8de037ddc'
const RESTORE = '0c2b7d8e-4f1a-4b6c-9d3e-5a7f8b9c0d1e'

function inputs(given: Partial<Record<InputName, string>>): (name: InputName) => string {
  const all: Record<string, string> = {
    ...actionDefaults(),
    api_token: 't0ken',
    backup_id: 'latest',
    job_id: JOB,
    github_token: 'ghs_workflow',
    ...given,
  }
  return (name) => all[name] ?? ''
}

const parse = (given: Partial<Record<InputName, string>>): Settings => parseSettings(inputs(given))

function problems(given: Partial<Record<InputName, string>>): string[] {
  try {
    parse(given)
  } catch (error) {
    if (error instanceof InputError) return [...error.problems]
    throw error
  }
  throw new Error('expected an InputError')
}

describe('the history inputs', () => {
  it('are off by default', () => {
    expect(parse({}).history).toBeNull()
  })

  it('name the branch, the size (500 by default), the token and the target', () => {
    expect(parse({ history_branch: 'drill-history' }).history).toEqual({
      branch: 'drill-history',
      size: 500,
      githubToken: 'ghs_workflow',
      target: `job ${JOB}`,
    })
    expect(parse({ history_branch: 'ops/drills', history_size: '10000' }).history).toMatchObject({
      branch: 'ops/drills',
      size: 10_000,
    })
    expect(Object.isFrozen(parse({ history_branch: 'drill-history' }).history)).toBe(true)
  })

  it.each<[string, Partial<Record<InputName, string>>, string]>([
    [
      'a branch git refuses',
      { history_branch: 'drills..old' },
      '`history_branch` is no branch name: it has .., @{ or // (got "drills..old")',
    ],
    [
      'a size of 0',
      { history_size: '0' },
      '`history_size` must be a whole number from 1 to 10000 (got "0")',
    ],
    [
      'a size over 10000, with the history on',
      { history_branch: 'drill-history', history_size: '10001' },
      '`history_size` must be a whole number from 1 to 10000 (got "10001")',
    ],
    [
      'no token to write the branch',
      { history_branch: 'drill-history', github_token: '' },
      '`github_token` is required with `history_branch`: leave it out to use the workflow token',
    ],
  ])('refuse %s, before any request', (_case, given, expected) => {
    expect(problems(given)).toEqual([expected])
  })

  it('are reported with every other bad input, the empty token only once', () => {
    expect(
      problems({
        timeout: 'forever',
        history_branch: '-x',
        history_size: 'many',
        issue_on_failure: 'true',
        github_token: '',
      }),
    ).toEqual([
      expect.stringMatching(/^`timeout` /),
      '`github_token` is required with `issue_on_failure`: leave it out to use the workflow token',
      '`history_size` must be a whole number from 1 to 10000 (got "many")',
      '`history_branch` is no branch name: it starts with - (got "-x")',
    ])
  })
})

describe('the drill target', () => {
  it.each<[string, Partial<Record<InputName, string>>, string]>([
    ['a choice among a job', { backup_id: 'latest' }, `job ${JOB}`],
    ['a random one', { backup_id: 'RANDOM' }, `job ${JOB}`],
    ['a backup by id', { backup_id: BACKUP, job_id: '' }, `backup ${BACKUP}`],
    [
      'a restore followed',
      { backup_id: '', job_id: '', restore_id: RESTORE },
      `restore ${RESTORE}`,
    ],
    ['a job left out', { backup_id: 'latest', job_id: '' }, 'job (no job_id)'],
  ])('is named from %s', (_case, given, expected) => {
    expect(drillTarget(inputs(given))).toBe(expected)
  })

  it('is the drill name when one is given', () => {
    expect(drillTarget(inputs({}), ' prod-db ')).toBe('prod-db')
    expect(drillTarget(inputs({}), '  ')).toBe(`job ${JOB}`)
  })

  it('is the same for the history and the drill issue', () => {
    const given = inputs({ history_branch: 'drill-history', issue_on_failure: 'true' })
    const settings = parseSettings(given, parseAlertSettings(given))
    expect(settings.history?.target).toBe(settings.alert?.target)
  })
})
