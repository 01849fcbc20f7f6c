// A fake GitHub for the history writer's tests, with a branch of its own for each test (the fake
// keeps its repositories between tests) and the writer's log lines kept out of the test output.
import { afterAll, afterEach, beforeAll, beforeEach, jest } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub } from '../../simulator/index.js'
import {
  writeHistory,
  type HistoryWriteOptions,
  type HistoryWriteResult,
} from '../../src/history/github.js'
import { parseLedger, type Ledger } from '../../src/history/ledger.js'
import type { DrillRecord } from '../../src/history/record.js'

export const REPO = 'acme/backups'

export interface HistoryLab {
  github(): FakeGitHub
  branch(): string
  /** What the writer logged in this test. */
  logged: string[]
  env(): NodeJS.ProcessEnv
  write(records: DrillRecord[], options?: Partial<HistoryWriteOptions>): Promise<HistoryWriteResult>
  files(): Record<string, string>
  ledger(slug: string): Ledger
}

/** Registers the hooks of the test file; call it at the top of one. */
export function historyLab(): HistoryLab {
  let github: FakeGitHub | undefined
  let number = 0
  const logged: string[] = []
  const fake = () => github as FakeGitHub
  const branch = () => `drill-history-${number}`
  beforeAll(async () => {
    github = await startFakeGitHub()
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      logged.push(String(chunk))
      return true
    })
  })
  afterAll(async () => {
    jest.restoreAllMocks()
    await github?.close()
  })
  beforeEach(() => {
    number++
    logged.length = 0
  })
  afterEach(() => {
    fake().refuseWith(null)
    fake().refuseWrites(null)
    fake().answerAfter(0)
    fake().onRequest(null)
  })
  const env = (): NodeJS.ProcessEnv => ({
    GITHUB_REPOSITORY: REPO,
    GITHUB_API_URL: fake().url,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: '77',
  })
  const files = () => fake().git.files(REPO, branch())
  return {
    github: fake,
    branch,
    logged,
    env,
    write: (records, options = {}) =>
      writeHistory({
        token: fake().token,
        branch: branch(),
        historySize: 500,
        records,
        env: env(),
        deadline: Date.now() + 20_000,
        // Quick backoff: the tests want many tries in little time.
        random: () => Math.random() * 0.1,
        ...options,
      }),
    files,
    ledger: (slug) => parseLedger(files()[`drills/${slug}.jsonl`] ?? ''),
  }
}

/** The write's value, or a failure naming its warning. */
export function written(outcome: HistoryWriteResult) {
  if ('warning' in outcome) throw new Error(`expected a write, got: ${outcome.warning}`)
  return outcome
}
