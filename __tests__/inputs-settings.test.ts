// The shape of Settings: a union by command, holding only the inputs that command reads, and the
// alerting inputs checked once.
import { describe, expect, it } from '@jest/globals'
import type { InputName } from '../src/inputs/names.js'
import { InputError, parseAlertSettings, parseSettings } from '../src/inputs/parse.js'
import { actionDefaults } from './helpers/action-yml.js'

const BACKUP = '596c5046-1bd8-4664-9a3f-6208526c3b87'

function source(given: Partial<Record<InputName, string>>, asked: string[] = []) {
  const inputs: Record<string, string> = {
    ...actionDefaults(),
    api_token: 't0ken',
    backup_id: BACKUP,
    ...given,
  }
  return (name: InputName): string => {
    asked.push(name)
    return inputs[name] ?? ''
  }
}

describe('Settings by command', () => {
  it('gives a download its folder, and none of the inputs that only shape a restore', () => {
    expect(parseSettings(source({ mode: 'download', download_to: 'out' }))).toEqual({
      command: 'download',
      apiToken: 't0ken',
      choice: null,
      backupId: BACKUP,
      jobId: null,
      files: [],
      timeoutMs: 30 * 60_000,
      onTimeout: 'fail',
      maxBackupAgeMs: null,
      dryRun: false,
      resultFile: null,
      apiUrl: 'https://api.snapshooter.com',
      alert: null,
      history: null,
      written: { timeout: '30m' },
      downloadTo: 'out',
      verify: 'content',
    })
  })

  it('gives a restore its compute, wait and limits, and no download folder', () => {
    const settings = parseSettings(source({ compute_type: 'server', server_id: '3' }))
    expect(settings).toMatchObject({
      command: 'restore',
      compute: { type: 'server', serverId: 3 },
      wait: true,
      pollIntervalMs: 15_000,
      maxRestoreDurationMs: null,
    })
    expect(settings).not.toHaveProperty('downloadTo')
    expect(settings).not.toHaveProperty('mode')
  })
})

describe('the alerting inputs', () => {
  const alerting = { issue_on_failure: 'true', github_token: 'ghs_x', issue_label: 'drill' }

  it('are checked once: parseSettings reuses the reading it is given', () => {
    const asked: string[] = []
    const get = source(alerting, asked)
    const alert = parseAlertSettings(get)
    const settings = parseSettings(get, alert)
    expect(settings.alert).toBe(alert.settings)
    for (const name of ['issue_on_failure', 'github_token', 'issue_label'])
      expect(asked.filter((input) => input === name)).toHaveLength(1)
  })

  it('take drill_name as the target, so a named drill keeps one issue whatever it restores', () => {
    const named = parseAlertSettings(source({ ...alerting, drill_name: ' prod-db\n' }))
    expect(named).toMatchObject({ drillName: 'prod-db', settings: { target: 'prod-db' } })
    const unnamed = parseAlertSettings(source(alerting))
    expect(unnamed.drillName).toBeNull()
    expect(unnamed.settings?.target).toMatch(/^(job|backup) /)
  })

  it('report the problems of that reading with every other bad input', () => {
    const get = source({ ...alerting, issue_label: 'a,b', wait: 'maybe' })
    const alert = parseAlertSettings(get)
    expect(alert).toEqual({
      settings: null,
      problems: [expect.stringMatching(/^`issue_label` must be one label name/)],
      drillName: null,
    })
    let problems: readonly string[] = []
    try {
      parseSettings(get, alert)
    } catch (error) {
      if (error instanceof InputError) problems = error.problems
    }
    expect(problems).toEqual([
      expect.stringMatching(/^`wait` /),
      expect.stringMatching(/^`issue_label` /),
    ])
  })
})
