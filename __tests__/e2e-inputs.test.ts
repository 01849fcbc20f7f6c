// Bad inputs end the run before any request: exit 1, one error annotation naming the input.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startFakeGitHub } from '../simulator/github.js'
import { actionYml } from './helpers/action-yml.js'
import { actionRun, leaks, type DrillRun } from './helpers/drill.js'

const BACKUP = '596c5046-1bd8-4664-9a3f-6208526c3b87'
let server: Server
let apiUrl = ''
let requests = 0

beforeAll(async () => {
  server = createServer((_, res) => {
    requests++
    res.writeHead(500).end()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

function refusedRun(
  given: Record<string, string>,
  env: Record<string, string> = {},
): Promise<DrillRun> {
  return actionRun(
    { api_token: 'e2e-token', backup_id: BACKUP, api_url: apiUrl, ...given },
    { env },
  )
}

function expectRefused(run: DrillRun, name: string): void {
  expect(leaks(run, 'e2e-token')).toEqual([])
  expect(run.code).toBe(1)
  expect(run.errors).toHaveLength(1)
  expect(run.errors[0]).toMatch(new RegExp(`^Invalid inputs: \`${name}\``))
  expect(run.outputs.outcome).toBe('failed')
  expect(requests).toBe(0)
  for (const output of Object.keys(run.outputs))
    expect(Object.keys(actionYml().outputs)).toContain(output)
}

describe('a run with a bad input', () => {
  it.each<[string, Record<string, string>]>([
    ['api_token', { api_token: '' }],
    ['backup_id', { backup_id: 'last' }],
    ['job_id', { backup_id: 'latest' }],
    ['compute_type', { compute_type: 'vm', server_id: '3' }],
    ['server_id', { compute_type: 'server', server_id: 'three' }],
    ['wait', { wait: 'yes' }],
    ['timeout', { timeout: '7h' }],
    ['poll_interval', { poll_interval: 'fast' }],
    ['on_timeout', { on_timeout: 'ignore' }],
    ['max_backup_age', { max_backup_age: 'a day' }],
    ['max_restore_duration', { max_restore_duration: '1 hour' }],
    ['dry_run', { dry_run: 'maybe' }],
    ['api_url', { api_url: 'http://api.snapshooter.com' }],
    ['issue_on_failure', { issue_on_failure: 'on' }],
    ['issue_label', { issue_on_failure: 'true', issue_label: 'x'.repeat(60) }],
    ['files', { files: '*.sql.gz, [z-a].sql' }],
  ])('fails naming `%s`, sending nothing', async (name, given) => {
    expectRefused(await refusedRun(given), name)
  })

  it.each(['?', '#', '/?', '/#'])(
    'fails naming `api_url` when it ends in an empty %s, sending nothing',
    async (tail) => {
      expectRefused(await refusedRun({ api_url: `${apiUrl}${tail}` }), 'api_url')
    },
  )

  it('names the bad `files` entry and why, with the other bad inputs, in one line', async () => {
    const run = await refusedRun({ files: '*.sql.gz\n[z-a].sql', wait: 'yes' })
    expectRefused(run, 'files')
    expect(run.errors[0]).toBe(
      'Invalid inputs: `files` entry "[z-a].sql" is not a pattern: its class range "z-a" ' +
        'runs backwards (write "a-z"); `wait` must be `true` or `false` (got "yes").',
    )
  })

  it('refuses an `issue_label` with a comma, and opens no issue with it', async () => {
    const github = await startFakeGitHub()
    try {
      const run = await refusedRun(
        { issue_on_failure: 'true', github_token: github.token, issue_label: 'ops,restore-drill' },
        { GITHUB_API_URL: github.url },
      )
      expectRefused(run, 'issue_label')
      expect(run.errors[0]).toContain('without a comma')
      expect(github.requests).toEqual([])
      expect(run.outputs.issue_url ?? '').toBe('')
    } finally {
      await github.close()
    }
  })

  it('masks the token before anything else', async () => {
    const run = await actionRun({
      api_token: 'e2e-secret-token',
      backup_id: 'bad',
      api_url: apiUrl,
    })
    expect(run.stdout.split('\n')[0]).toBe('::add-mask::e2e-secret-token')
    expect(run.stdout.split('\n').slice(1).join('\n')).not.toContain('e2e-secret-token')
    expect(leaks(run, 'e2e-secret-token')).toEqual([])
  })
})
