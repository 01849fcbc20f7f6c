// The runner the demo, the benchmarks and the end-to-end tests run the action with
// (scripts/lib/runner.ts), against a small action of its own in a temporary folder: what it
// hands the step, what it reads back, and the signals it sends.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { WORKFLOW_TOKEN } from '../scripts/lib/action-yml.js'
import { parseOutputFile, runStep } from '../scripts/lib/runner.js'

const ACTION_YML = `name: probe
description: an action that shows what the runner gave it
inputs:
  who: { description: the name to greet, default: world }
  token: { description: a token, default: '\${{ github.token }}' }
  hold: { description: wait for a signal, default: 'false' }
outputs:
  greeting: { description: the greeting }
runs: { using: node24, main: dist/main.mjs }
`

// Writes what it was given to its outputs and summary, and waits for SIGINT when told to.
const MAIN = `import { appendFileSync } from 'node:fs'
const env = process.env
appendFileSync(env.GITHUB_OUTPUT, 'greeting<<EOF_1\\nhello ' + env.INPUT_WHO + '\\nEOF_1\\n')
appendFileSync(env.GITHUB_OUTPUT, 'seen=' + JSON.stringify({
  token: env.INPUT_TOKEN, extra: env.INPUT_EXTRA, temp: env.RUNNER_TEMP, cwd: process.cwd(),
  run: env.GITHUB_RUN_ID, leaked: env.RUNNER_TEST_LEAK ?? null, api: env.GITHUB_API_URL,
}) + '\\n')
if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, '## probe\\n')
console.log('::warning::careful')
console.log('::error title=probe::it broke')
console.error('to stderr')
if (env.INPUT_HOLD === 'true') {
  process.on('SIGINT', () => { console.log('cancelled'); process.exit(3) })
  console.log('holding')
  setInterval(() => undefined, 1000)
}
`

let action: string
beforeAll(() => {
  action = mkdtempSync(join(tmpdir(), 'snapshooter-probe-'))
  mkdirSync(join(action, 'dist'))
  writeFileSync(join(action, 'action.yml'), ACTION_YML)
  writeFileSync(join(action, 'dist/main.mjs'), MAIN)
})
afterAll(() => rmSync(action, { recursive: true, force: true }))

const seen = (outputs: Record<string, string>): Record<string, unknown> =>
  JSON.parse(outputs.seen ?? '{}') as Record<string, unknown>

describe('a step run as the runner runs it', () => {
  it('gets the defaults of its own action.yml, the workflow values over them, in a clean env', async () => {
    process.env.RUNNER_TEST_LEAK = 'from the shell'
    try {
      const step = await runStep({
        action,
        inputs: { extra: 'undeclared, passed on' },
        env: { GITHUB_API_URL: 'http://127.0.0.1:9' },
        killAfterMs: 10_000,
      })
      expect(step.code).toBe(0)
      expect(step.outputs.greeting).toBe('hello world')
      expect(seen(step.outputs)).toEqual({
        token: WORKFLOW_TOKEN,
        extra: 'undeclared, passed on',
        temp: step.workDir,
        cwd: step.workDir,
        run: '4242',
        leaked: null,
        api: 'http://127.0.0.1:9',
      })
      rmSync(step.workDir, { recursive: true, force: true })
    } finally {
      delete process.env.RUNNER_TEST_LEAK
    }
  })

  it('reads back the outputs, the summary, the annotations and the log it wrote', async () => {
    const lines: string[] = []
    const workDir = mkdtempSync(join(tmpdir(), 'snapshooter-probe-run-'))
    const step = await runStep({
      action,
      inputs: { who: 'octocat' },
      workDir,
      onLine: (line, stream) => lines.push(`${stream}: ${line}`),
      killAfterMs: 10_000,
    })
    expect(step.outputs.greeting).toBe('hello octocat')
    expect(step.summary).toBe('## probe\n')
    expect([step.errors, step.warnings]).toEqual([['it broke'], ['careful']])
    expect(lines).toContain('stderr: to stderr')
    expect(lines).toContain('stdout: ::warning::careful')
    expect(step.stderr).toBe('to stderr\n')
    expect(step.workDir).toBe(workDir)
    rmSync(workDir, { recursive: true, force: true })
  })

  it('writes no summary where the runner has none', async () => {
    const step = await runStep({ action, inputs: {}, noSummary: true, killAfterMs: 10_000 })
    expect(step.summary).toBe('')
    rmSync(step.workDir, { recursive: true, force: true })
  })
})

describe('signals', () => {
  it('sends SIGINT once the log shows a text, and times the exit from it', async () => {
    const step = await runStep({
      action,
      inputs: { hold: 'true' },
      signals: [{ name: 'SIGINT', when: 'holding' }],
      killAfterMs: 10_000,
    })
    expect([step.code, step.signal]).toEqual([3, null])
    expect(step.stdout).toContain('cancelled')
    expect(step.exitAfterSignalMs).toBeLessThan(2_000)
    rmSync(step.workDir, { recursive: true, force: true })
  })

  it('cancels on an abort, as a person pressing Ctrl-C would', async () => {
    const cancel = new AbortController()
    const step = await runStep({
      action,
      inputs: { hold: 'true' },
      onLine: (line) => line === 'holding' && cancel.abort(),
      signals: [{ name: 'SIGINT', on: cancel.signal }],
      killAfterMs: 10_000,
    })
    expect(step.code).toBe(3)
    rmSync(step.workDir, { recursive: true, force: true })
  })

  it('sends at once a signal whose abort came before the step started', async () => {
    const stop = new AbortController()
    stop.abort()
    const step = await runStep({
      action,
      inputs: { hold: 'true' },
      signals: [{ name: 'SIGKILL', on: stop.signal }],
      killAfterMs: 10_000,
    })
    expect([step.signal, step.exitAfterSignalMs !== null]).toEqual(['SIGKILL', true])
    expect(step.elapsedMs).toBeLessThan(5_000)
    rmSync(step.workDir, { recursive: true, force: true })
  })

  it('kills a step that outlasts killAfterMs, or at once when told to stop', async () => {
    const slow = await runStep({ action, inputs: { hold: 'true' }, killAfterMs: 500 })
    expect([slow.code, slow.signal, slow.exitAfterSignalMs]).toEqual([null, 'SIGKILL', null])
    const stop = new AbortController()
    const stopped = await runStep({
      action,
      inputs: { hold: 'true' },
      onLine: (line) => line === 'holding' && stop.abort(),
      signals: [{ name: 'SIGKILL', on: stop.signal }],
      killAfterMs: 10_000,
    })
    expect([stopped.code, stopped.signal]).toEqual([null, 'SIGKILL'])
    expect(stopped.exitAfterSignalMs).toBeLessThan(2_000)
    expect(stopped.stdout).not.toContain('cancelled')
    for (const step of [slow, stopped]) rmSync(step.workDir, { recursive: true, force: true })
  })
})

describe('parseOutputFile', () => {
  it('reads heredoc and one-line records, the last of a name winning', () => {
    expect(parseOutputFile('a<<X\none\ntwo\nX\nb=1\nb=2\r\nc<<Y\n\nY\n')).toEqual({
      a: 'one\ntwo',
      b: '2',
      c: '',
    })
  })
})
