// The git data API of the fake GitHub (refs, commits, trees, blobs), answering as GitHub does: a
// tree is built from paths with or without a base tree, a blob comes back in base64, and a ref
// moves without `force` only to a descendant of its commit ("Update is not a fast forward"
// otherwise). Every repository exists, with no refs until one is created.
import { byName, createGitObjects, type Entry } from './git-objects.js'

/** A string field of a request body; anything else counts as missing, as GitHub reads it. */
const text = (value: unknown, missing: string): string =>
  typeof value === 'string' ? value : missing

export interface GitAnswer {
  status: number
  body: unknown
}

export interface FakeGit {
  /** The answer to a request under /repos/{owner}/{repo}/git/, or null when it is none of those. */
  handle(
    method: string,
    repository: string,
    rest: string,
    query: URLSearchParams,
    body: unknown,
  ): GitAnswer | null
  /** The commit a branch points at, or null when it does not exist. */
  ref(repository: string, branch: string): string | null
  /** Every file of a branch, path to text (empty when the branch does not exist). */
  files(repository: string, branch: string): Record<string, string>
  /** The commits of a branch, newest first, following first parents. */
  log(repository: string, branch: string): { sha: string; message: string; parents: string[] }[]
  /** Commits `files` onto a branch as another writer would (creating the branch when missing). */
  commitElsewhere(repository: string, branch: string, files: Record<string, string>): string
}

export function createFakeGit(): FakeGit {
  const objects = createGitObjects()
  const refs = new Map<string, Map<string, string>>()
  const refsOf = (repository: string): Map<string, string> => {
    const map = refs.get(repository) ?? new Map<string, string>()
    refs.set(repository, map)
    return map
  }
  // A clock of its own makes two commits of one tree and parents distinct, as real times do.
  let clock = Date.UTC(2026, 0, 1) / 1000

  const commitView = (sha: string) => {
    const commit = objects.get('commit', sha)
    return commit
      ? {
          sha,
          message: commit.message,
          tree: { sha: commit.tree },
          parents: commit.parents.map((parent) => ({ sha: parent })),
        }
      : null
  }
  const treeView = (sha: string, recursive: boolean) => {
    const entries: Record<string, unknown>[] = []
    const walk = (treeSha: string, prefix: string) => {
      for (const [name, entry] of [...(objects.get('tree', treeSha)?.entries ?? [])].sort(byName)) {
        const size = entry.type === 'blob' ? objects.get('blob', entry.sha)?.content.length : null
        entries.push({ path: `${prefix}${name}`, ...entry, ...(size == null ? {} : { size }) })
        if (recursive && entry.type === 'tree') walk(entry.sha, `${prefix}${name}/`)
      }
    }
    walk(sha, '')
    return { sha, tree: entries, truncated: false }
  }
  const createCommit = (tree: string, parents: string[], message: string): GitAnswer => {
    if (!objects.get('tree', tree)) return invalid('Tree SHA does not exist')
    if (parents.some((parent) => !objects.get('commit', parent)))
      return invalid('Parent SHA does not exist or is not a commit object')
    const sha = objects.store({ type: 'commit', tree, parents, message, time: clock++ })
    return answer(201, commitView(sha))
  }
  const createTree = (input: Record<string, unknown>): GitAnswer => {
    const base = typeof input.base_tree === 'string' ? input.base_tree : null
    if (base !== null && !objects.get('tree', base))
      return invalid('Invalid tree info: base_tree is not a valid tree oid')
    const paths = base === null ? new Map<string, Entry>() : objects.flatten(base)
    const items = Array.isArray(input.tree) ? (input.tree as Record<string, unknown>[]) : []
    for (const item of items) {
      const path = text(item.path, '')
      if (path === '' || path.startsWith('/') || path.endsWith('/'))
        return invalid(`Invalid tree info: bad path ${path}`)
      if (item.sha === null) {
        paths.delete(path)
        continue
      }
      const sha =
        typeof item.content === 'string'
          ? objects.store({ type: 'blob', content: Buffer.from(item.content, 'utf8') })
          : text(item.sha, '')
      if (!objects.get('blob', sha)) return invalid('Invalid tree info: unknown blob')
      paths.set(path, { mode: text(item.mode, '100644'), type: 'blob', sha })
    }
    return answer(201, treeView(objects.build(paths), false))
  }
  const getObject = (kind: string, sha: string, query: URLSearchParams): GitAnswer => {
    if (kind === 'commits') return found(commitView(sha))
    if (kind === 'trees') {
      const recursive = !['', '0', 'false'].includes(query.get('recursive') ?? '')
      return found(objects.get('tree', sha) ? treeView(sha, recursive) : null)
    }
    const blob = objects.get('blob', sha)
    if (!blob) return found(null)
    // GitHub wraps its base64 at 60 characters, as MIME does; readers must cope.
    const lines = blob.content.toString('base64').match(/.{1,60}/g) ?? []
    return answer(200, {
      sha,
      size: blob.content.length,
      encoding: 'base64',
      content: `${lines.join('\n')}\n`,
    })
  }

  const handle: FakeGit['handle'] = (method, repository, rest, query, body) => {
    const input = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>
    const repoRefs = refsOf(repository)
    const ref = /^refs?\/(.+)$/.exec(rest)?.[1]
    if (method === 'GET' && ref !== undefined) {
      const sha = repoRefs.get(ref)
      return found(sha === undefined ? null : refView(ref, sha))
    }
    if (method === 'POST' && rest === 'refs') {
      const name = typeof input.ref === 'string' ? input.ref.replace(/^refs\//, '') : ''
      const sha = text(input.sha, '')
      if (input.ref !== `refs/${name}` || !name.includes('/'))
        return invalid('Reference name must start with refs/ and have at least two slashes')
      if (!objects.get('commit', sha)) return invalid('Object does not exist')
      if (repoRefs.has(name)) return invalid('Reference already exists')
      repoRefs.set(name, sha)
      return answer(201, refView(name, sha))
    }
    if (method === 'PATCH' && ref !== undefined && rest.startsWith('refs/')) {
      const current = repoRefs.get(ref)
      const sha = text(input.sha, '')
      if (current === undefined) return invalid('Reference does not exist')
      if (!objects.get('commit', sha)) return invalid('Object does not exist')
      if (input.force !== true && !objects.isAncestor(current, sha))
        return invalid('Update is not a fast forward')
      repoRefs.set(ref, sha)
      return answer(200, refView(ref, sha))
    }
    const [, kind = '', sha] = /^(commits|trees|blobs)(?:\/([0-9a-f]{40}))?$/.exec(rest) ?? []
    if (kind === '') return null
    if (method === 'GET' && sha !== undefined) return getObject(kind, sha, query)
    if (method !== 'POST' || sha !== undefined) return null
    if (kind === 'trees') return createTree(input)
    if (kind === 'commits')
      return createCommit(
        text(input.tree, ''),
        Array.isArray(input.parents) ? input.parents.map(String) : [],
        text(input.message, ''),
      )
    if (typeof input.content !== 'string') return invalid('Invalid request: content is required')
    const content = Buffer.from(input.content, input.encoding === 'base64' ? 'base64' : 'utf8')
    return answer(201, { sha: objects.store({ type: 'blob', content }) })
  }

  const headTree = (repository: string, branch: string): string | undefined => {
    const head = refsOf(repository).get(`heads/${branch}`)
    return head === undefined ? undefined : objects.get('commit', head)?.tree
  }

  return {
    handle,
    ref: (repository, branch) => refsOf(repository).get(`heads/${branch}`) ?? null,
    files: (repository, branch) => {
      const root = headTree(repository, branch)
      if (root === undefined) return {}
      return Object.fromEntries(
        [...objects.flatten(root)].map(([path, entry]) => [
          path,
          objects.get('blob', entry.sha)?.content.toString('utf8') ?? '',
        ]),
      )
    },
    log: (repository, branch) => {
      const log: { sha: string; message: string; parents: string[] }[] = []
      let sha = refsOf(repository).get(`heads/${branch}`)
      for (let commit; sha !== undefined && (commit = objects.get('commit', sha));) {
        log.push({ sha, message: commit.message, parents: commit.parents })
        sha = commit.parents[0]
      }
      return log
    },
    commitElsewhere: (repository, branch, changes) => {
      const root = headTree(repository, branch)
      const paths = root === undefined ? new Map<string, Entry>() : objects.flatten(root)
      for (const [path, text] of Object.entries(changes)) {
        const sha = objects.store({ type: 'blob', content: Buffer.from(text, 'utf8') })
        paths.set(path, { mode: '100644', type: 'blob', sha })
      }
      const head = refsOf(repository).get(`heads/${branch}`)
      const made = createCommit(objects.build(paths), head === undefined ? [] : [head], 'Elsewhere')
      const sha = (made.body as { sha: string }).sha
      refsOf(repository).set(`heads/${branch}`, sha)
      return sha
    },
  }
}

function refView(name: string, sha: string) {
  return { ref: `refs/${name}`, object: { sha, type: 'commit' } }
}

const answer = (status: number, body: unknown): GitAnswer => ({ status, body })
const invalid = (message: string): GitAnswer => answer(422, { message })
const found = (body: unknown): GitAnswer =>
  body === null ? answer(404, { message: 'Not Found' }) : answer(200, body)
