// GitHub's faults while a whole run writes its drill issue, in-process on a fake clock: the
// drill's outcome and its one error line stay as they were, the alert says in one warning what
// went wrong with GitHub, and the evidence is all there.
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals'
import {
  startFakeGitHub,
  startSimulator,
  type FakeGitHub,
  type GitHubFault,
  type Simulator,
} from '../simulator/index.js'
import { drillInputs } from './fixtures/inputs.js'
import { removeRunFiles, runInProcess, sharedTime } from './helpers/in-process.js'
import { leaks } from './helpers/leaks.js'

// Real time: a silent GitHub is waited for on a socket. Short, but far above a local answer.
const GITHUB_TIMEOUT_MS = 1_000

let github: FakeGitHub
let sim: Simulator | undefined

beforeAll(async () => {
  github = await startFakeGitHub()
})
afterEach(async () => {
  github.refuseWith(null)
  await sim?.close()
})
afterAll(async () => {
  await github.close()
  removeRunFiles()
})

const FAULTS: [string, GitHubFault, string][] = [
  ['answers 500', 500, 'GitHub answered 500. It is worth re-running later.'],
  ['drops the connection', 'drop', 'could not be updated: other side closed.'],
  ['never answers', 'silent', `GitHub gave no answer within ${GITHUB_TIMEOUT_MS / 1000} s.`],
]

describe.each(FAULTS)('a GitHub that %s', (_, fault, says) => {
  it.each([
    ['failed', 1, ['ended with status "failed"']],
    ['completed', 0, []],
  ] as const)('leaves a drill whose restore %s as it was', async (final, exitCode, errors) => {
    const time = sharedTime()
    sim = await startSimulator({ now: time.clock.now, restoreFinalStatus: final })
    github.refuseWith(fault)
    const run = await runInProcess(
      time,
      drillInputs(sim, { issue_on_failure: 'true', github_token: github.token }),
      { env: { GITHUB_API_URL: github.url }, requestTimeoutMs: GITHUB_TIMEOUT_MS },
    )

    const outcome = final === 'failed' ? 'failed' : 'succeeded'
    expect(run.exitCode).toBe(exitCode)
    expect(run.outputs).toMatchObject({ outcome, issue_number: '', issue_url: '' })
    expect(run.errors).toEqual(errors.map((text) => expect.stringContaining(text)))
    expect(run.warnings).toEqual([expect.stringContaining(says)])
    // Only an answer is an answer: a silent or dropped request is no "GitHub answered 500".
    if (fault !== 500) expect(run.warnings.join('\n')).not.toContain('500')
    expect(run.summary).toContain(outcome === 'failed' ? '## ❌' : '## ✅')
    expect(github.requests.length).toBeGreaterThan(0)
    expect(leaks(run)).toEqual([])
    expect(leaks(run, github.token)).toEqual([])
  })
})
