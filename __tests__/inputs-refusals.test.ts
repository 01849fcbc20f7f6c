// Bad inputs: each one refused in words that name the input, every bad one of a run at once in
// one line, and never the token's value in it.
import { describe, expect, it } from '@jest/globals'
import type { InputName } from '../src/constants.js'
import { InputError } from '../src/inputs.js'
import { parse, problems } from './helpers/settings.js'

describe('parseSettings', () => {
  it.each<[string, Partial<Record<InputName, string>>, string]>([
    ['a missing token', { api_token: '' }, '`api_token` is required'],
    ['a missing backup', { backup_id: '' }, '`backup_id` is required'],
    [
      'a backup id that is not a UUID',
      { backup_id: '1234' },
      '`backup_id` must be a backup UUID or `latest` (got "1234")',
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
