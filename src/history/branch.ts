// The history branch through GitHub's git data API: what it holds (its commit, tree and
// ledgers) and one commit on top of it. The ref moves only as a fast-forward (`force: false`):
// when another writer moved it first, GitHub refuses, and the caller reads the branch again.
import type { getOctokit } from '@actions/github'
import { answeredStatus } from '../alert/requests.js'
import { DASHBOARD_TITLE } from './dashboard.js'
import { HistoryStopped } from './failure.js'
import { slugOfLedgerPath } from './ledger.js'

type Octokit = ReturnType<typeof getOctokit>

/** Ledgers read at once. */
const READS_AT_ONCE = 8

export interface Branch {
  octokit: Octokit
  owner: string
  repo: string
  name: string
  /** Blob texts by sha, kept across tries: a blob never changes. */
  blobs: Map<string, string>
}

export interface BranchState {
  /** The branch's commit, or null when the branch does not exist yet. */
  head: string | null
  tree: string | null
  /** The text of every ledger, by slug. */
  ledgers: Map<string, string>
}

export async function readBranch(branch: Branch): Promise<BranchState> {
  const { octokit, owner, repo } = branch
  const head = await readHead(branch)
  const ledgers = new Map<string, string>()
  if (head === null) return { head, tree: null, ledgers }
  const { data: commit } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: head })
  const { data: tree } = await octokit.rest.git.getTree({
    owner,
    repo,
    tree_sha: commit.tree.sha,
    recursive: '1',
  })
  if (tree.truncated)
    throw new HistoryStopped('too-many-files', 'the branch holds more files than GitHub lists')
  // The dashboard replaces the branch's README.md: a branch whose README.md is another (the
  // code's own branch, given by mistake) is left alone rather than have its README overwritten.
  const readme = tree.tree.find((entry) => entry.type === 'blob' && entry.path === 'README.md')
  if (readme?.sha && !(await readBlob(branch, readme.sha)).startsWith(DASHBOARD_TITLE))
    throw new HistoryStopped(
      'not-history',
      'its README.md is not a drill history dashboard, so it is most likely a branch of code (give `history_branch` a branch of its own, such as drill-history)',
    )
  const found = tree.tree.flatMap((entry) => {
    const key = entry.type === 'blob' && entry.path ? slugOfLedgerPath(entry.path) : null
    return key !== null && entry.sha ? [{ key, sha: entry.sha }] : []
  })
  for (let i = 0; i < found.length; i += READS_AT_ONCE) {
    const batch = found.slice(i, i + READS_AT_ONCE)
    const texts = await Promise.all(batch.map(({ sha }) => readBlob(branch, sha)))
    batch.forEach(({ key }, j) => ledgers.set(key, texts[j] as string))
  }
  return { head, tree: commit.tree.sha, ledgers }
}

/**
 * Commits `files` on top of `state` (changing only those paths) and moves the branch to the new
 * commit, creating the branch when it did not exist. Returns the commit.
 */
export async function commitFiles(
  branch: Branch,
  state: BranchState,
  files: ReadonlyMap<string, string>,
  message: string,
): Promise<string> {
  const { octokit, owner, repo, name } = branch
  const tree = await Promise.all(
    [...files].map(async ([path, text]) => {
      const { data } = await octokit.rest.git.createBlob({
        owner,
        repo,
        content: Buffer.from(text, 'utf8').toString('base64'),
        encoding: 'base64',
      })
      return { path, mode: '100644' as const, type: 'blob' as const, sha: data.sha }
    }),
  )
  const { data: made } = await octokit.rest.git.createTree({
    owner,
    repo,
    tree,
    ...(state.tree ? { base_tree: state.tree } : {}),
  })
  const { data: commit } = await octokit.rest.git.createCommit({
    owner,
    repo,
    message,
    tree: made.sha,
    parents: state.head === null ? [] : [state.head],
  })
  if (state.head === null) {
    // An orphan: the branch shares no history with the code, and never will.
    await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${name}`, sha: commit.sha })
  } else {
    await octokit.rest.git.updateRef({
      owner,
      repo,
      ref: `heads/${name}`,
      sha: commit.sha,
      force: false,
    })
  }
  return commit.sha
}

async function readHead({ octokit, owner, repo, name }: Branch): Promise<string | null> {
  try {
    const { data } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${name}` })
    return data.object.sha
  } catch (error) {
    // GitHub answers 404 for a ref that does not exist (422 on some GHES versions). A token that
    // cannot see the repository gets its 404 again on the first write, and is told there.
    const status = answeredStatus(error)
    if (status === 404 || status === 422) return null
    throw error
  }
}

// Through the blobs API, not the contents API: that one leaves out the content of a file over 1 MB.
async function readBlob(branch: Branch, sha: string): Promise<string> {
  const known = branch.blobs.get(sha)
  if (known !== undefined) return known
  const { data } = await branch.octokit.rest.git.getBlob({
    owner: branch.owner,
    repo: branch.repo,
    file_sha: sha,
  })
  const bytes = Buffer.from(data.content, data.encoding === 'base64' ? 'base64' : 'utf8')
  const text = bytes.toString('utf8')
  branch.blobs.set(sha, text)
  return text
}
