// The fake GitHub REST API the alert tests point GITHUB_API_URL at: issues a test files before a
// run are there for the run to find, and reset() forgets everything between tests.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startFakeGitHub, type FakeGitHub } from '../simulator/index.js'

let github: FakeGitHub
beforeAll(async () => {
  github = await startFakeGitHub()
})
afterAll(() => github.close())

const openIssues = async (label: string): Promise<Array<{ number: number; title: string }>> => {
  const res = await fetch(`${github.url}/repos/acme/backups/issues?labels=${label}&state=open`, {
    headers: { authorization: `token ${github.token}` },
  })
  return (await res.json()) as Array<{ number: number; title: string }>
}

describe('the fake GitHub', () => {
  it('lists an issue filed before the run, open and labelled restore-drill unless told', async () => {
    github.reset()
    const filed = github.fileIssue({ title: 'Restore drill failing: job j1' })
    github.fileIssue({ title: 'closed one', state: 'closed' })
    github.fileIssue({ title: 'other label', labels: ['ops'] })
    expect(filed).toEqual({
      number: 1,
      title: 'Restore drill failing: job j1',
      body: '',
      labels: ['restore-drill'],
      state: 'open',
      comments: [],
    })
    expect((await openIssues('restore-drill')).map(({ number, title }) => [number, title])).toEqual(
      [[1, 'Restore drill failing: job j1']],
    )
  })

  it('forgets its issues, its requests and any refusal on reset', async () => {
    github.fileIssue({ title: 'left over' })
    github.refuseWith(403)
    await openIssues('restore-drill')
    github.answerAfter(5_000)
    const heard: string[] = []
    github.onRequest((request) => heard.push(request.path))
    github.reset()
    expect([github.issues, github.requests]).toEqual([[], []])
    const started = Date.now()
    expect(await openIssues('restore-drill')).toEqual([])
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(github.requests).toHaveLength(1)
    expect(heard).toEqual([])
  })
})
