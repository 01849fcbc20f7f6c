// The fake GitHub's git data API answers as GitHub does, so that the history writer's tests
// against it mean something. Asked through Octokit, as the action asks.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { getOctokit } from '@actions/github'
import { startFakeGitHub, type FakeGitHub } from '../simulator/index.js'

const owner = 'acme'
const repo = 'git-api'
let github: FakeGitHub
let octokit: ReturnType<typeof getOctokit>

beforeAll(async () => {
  github = await startFakeGitHub()
  octokit = getOctokit(github.token, { baseUrl: github.url })
})
afterAll(async () => {
  await github.close()
})

const statusOf = async (request: Promise<unknown>) => {
  try {
    await request
    return 'ok'
  } catch (error) {
    const { status, response } = error as {
      status: number
      response?: { data?: { message?: string } }
    }
    return `${status} ${response?.data?.message ?? ''}`.trim()
  }
}

async function commitFiles(files: Record<string, string>, parents: string[], baseTree?: string) {
  const tree = await Promise.all(
    Object.entries(files).map(async ([path, text]) => {
      const { data } = await octokit.rest.git.createBlob({
        owner,
        repo,
        content: Buffer.from(text).toString('base64'),
        encoding: 'base64',
      })
      return { path, mode: '100644' as const, type: 'blob' as const, sha: data.sha }
    }),
  )
  const { data: made } = await octokit.rest.git.createTree({
    owner,
    repo,
    tree,
    ...(baseTree ? { base_tree: baseTree } : {}),
  })
  const { data: commit } = await octokit.rest.git.createCommit({
    owner,
    repo,
    message: 'm',
    tree: made.sha,
    parents,
  })
  return commit
}

describe("the fake GitHub's git data API", () => {
  it('answers 404 for a branch that does not exist, and creates one from an orphan commit', async () => {
    expect(await statusOf(octokit.rest.git.getRef({ owner, repo, ref: 'heads/new' }))).toBe(
      '404 Not Found',
    )
    const commit = await commitFiles({ 'drills/a.jsonl': 'one\n', 'README.md': '# hi' }, [])
    await octokit.rest.git.createRef({ owner, repo, ref: 'refs/heads/new', sha: commit.sha })
    const { data: ref } = await octokit.rest.git.getRef({ owner, repo, ref: 'heads/new' })
    expect(ref).toEqual({ ref: 'refs/heads/new', object: { sha: commit.sha, type: 'commit' } })
    expect(
      await statusOf(
        octokit.rest.git.createRef({ owner, repo, ref: 'refs/heads/new', sha: commit.sha }),
      ),
    ).toBe('422 Reference already exists')
  })

  it('lists a tree recursively and gives blobs back in base64', async () => {
    const { data: ref } = await octokit.rest.git.getRef({ owner, repo, ref: 'heads/new' })
    const { data: commit } = await octokit.rest.git.getCommit({
      owner,
      repo,
      commit_sha: ref.object.sha,
    })
    const { data: flat } = await octokit.rest.git.getTree({
      owner,
      repo,
      tree_sha: commit.tree.sha,
    })
    expect(flat.tree.map((entry) => [entry.path, entry.type])).toEqual([
      ['README.md', 'blob'],
      ['drills', 'tree'],
    ])
    const { data: deep } = await octokit.rest.git.getTree({
      owner,
      repo,
      tree_sha: commit.tree.sha,
      recursive: '1',
    })
    const ledger = deep.tree.find((entry) => entry.path === 'drills/a.jsonl')
    expect(ledger).toMatchObject({ type: 'blob', size: 4 })
    const { data: blob } = await octokit.rest.git.getBlob({
      owner,
      repo,
      file_sha: ledger?.sha as string,
    })
    expect(blob.encoding).toBe('base64')
    expect(Buffer.from(blob.content, 'base64').toString()).toBe('one\n')
  })

  it('names objects by their git hashes', async () => {
    // `git hash-object` of "one\n".
    const { data } = await octokit.rest.git.createBlob({
      owner,
      repo,
      content: 'one\n',
      encoding: 'utf-8',
    })
    expect(data.sha).toBe('5626abf0f72e58d7a153368ba57db4c673c0e171')
    // `git mktree` of README.md and drills/x.jsonl, both "one\n".
    const { data: tree } = await octokit.rest.git.createTree({
      owner,
      repo,
      tree: ['drills/x.jsonl', 'README.md'].map((path) => ({
        path,
        mode: '100644',
        type: 'blob',
        sha: data.sha,
      })),
    })
    expect(tree.sha).toBe('d32cc49bb91e44e6d7af4d02ed7a0e11373e2f23')
  })

  it('moves a branch only forward, unless forced', async () => {
    const { data: ref } = await octokit.rest.git.getRef({ owner, repo, ref: 'heads/new' })
    const base = ref.object.sha
    const { data: head } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: base })
    const next = await commitFiles({ 'drills/b.jsonl': 'two\n' }, [base], head.tree.sha)
    const stale = await commitFiles({ 'drills/c.jsonl': 'three\n' }, [base], head.tree.sha)
    await octokit.rest.git.updateRef({ owner, repo, ref: 'heads/new', sha: next.sha, force: false })
    expect(
      await statusOf(
        octokit.rest.git.updateRef({ owner, repo, ref: 'heads/new', sha: stale.sha, force: false }),
      ),
    ).toBe('422 Update is not a fast forward')
    expect(Object.keys(github.git.files(`${owner}/${repo}`, 'new')).sort()).toEqual([
      'README.md',
      'drills/a.jsonl',
      'drills/b.jsonl',
    ])
    await octokit.rest.git.updateRef({ owner, repo, ref: 'heads/new', sha: stale.sha, force: true })
    expect(github.git.ref(`${owner}/${repo}`, 'new')).toBe(stale.sha)
  })

  it('refuses a commit on a parent or tree it does not have', async () => {
    const missing = '0'.repeat(40)
    expect(
      await statusOf(
        octokit.rest.git.createCommit({ owner, repo, message: 'm', tree: missing, parents: [] }),
      ),
    ).toBe('422 Tree SHA does not exist')
    expect(await statusOf(octokit.rest.git.getCommit({ owner, repo, commit_sha: missing }))).toBe(
      '404 Not Found',
    )
  })

  it('refuses only writes when told to, as GitHub does a read-only token', async () => {
    github.refuseWrites(403)
    try {
      expect(await statusOf(octokit.rest.git.getRef({ owner, repo, ref: 'heads/new' }))).toBe('ok')
      expect(await statusOf(octokit.rest.git.createBlob({ owner, repo, content: 'x' }))).toBe(
        '403 Resource not accessible by integration',
      )
    } finally {
      github.refuseWrites(null)
    }
  })

  it('fails the next matching request once, before or after doing it', async () => {
    github.failNext({ method: 'POST', path: /\/git\/blobs$/, fault: 503 })
    expect(await statusOf(octokit.rest.git.createBlob({ owner, repo, content: 'y' }))).toMatch(
      /^503/,
    )
    expect(await statusOf(octokit.rest.git.createBlob({ owner, repo, content: 'y' }))).toBe('ok')
    const before = github.git.ref(`${owner}/${repo}`, 'new') as string
    const { data: head } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: before })
    const next = await commitFiles({ 'late.txt': 'z' }, [before], head.tree.sha)
    github.failNext({ method: 'PATCH', fault: 'drop', afterApplying: true })
    expect(
      await statusOf(octokit.rest.git.updateRef({ owner, repo, ref: 'heads/new', sha: next.sha })),
    ).not.toBe('ok')
    // The update took effect although no answer came.
    expect(github.git.ref(`${owner}/${repo}`, 'new')).toBe(next.sha)
  })
})
