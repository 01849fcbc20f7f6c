// The object store behind the fake GitHub's git data API: blobs, trees and commits named by their
// real git hashes (so equal content is one object, as in git), trees nested from paths.
import { createHash } from 'node:crypto'

export interface Entry {
  mode: string
  type: 'blob' | 'tree'
  sha: string
}

export type GitObject =
  | { type: 'blob'; content: Buffer }
  | { type: 'tree'; entries: Map<string, Entry> }
  | { type: 'commit'; tree: string; parents: string[]; message: string; time: number }

type Of<T extends GitObject['type']> = Extract<GitObject, { type: T }>

export interface GitObjects {
  store(object: GitObject): string
  get<T extends GitObject['type']>(type: T, sha: string): Of<T> | null
  /** The blobs under a tree, by full path. */
  flatten(treeSha: string): Map<string, Entry>
  /** Stores the nested trees of a path map; the root's sha. */
  build(paths: Map<string, Entry>): string
  /** Whether `ancestor` is `sha` or one of its ancestors. */
  isAncestor(ancestor: string, sha: string): boolean
}

export function createGitObjects(): GitObjects {
  const objects = new Map<string, GitObject>()
  const store = (object: GitObject): string => {
    const sha = hashOf(object)
    objects.set(sha, object)
    return sha
  }
  const get = <T extends GitObject['type']>(type: T, sha: string): Of<T> | null => {
    const object = objects.get(sha)
    return object?.type === type ? (object as Of<T>) : null
  }
  const flatten = (sha: string, prefix = '', into = new Map<string, Entry>()) => {
    for (const [name, entry] of get('tree', sha)?.entries ?? []) {
      if (entry.type === 'tree') flatten(entry.sha, `${prefix}${name}/`, into)
      else into.set(`${prefix}${name}`, entry)
    }
    return into
  }
  const build = (paths: Map<string, Entry>): string => {
    const here = new Map<string, Entry>()
    const below = new Map<string, Map<string, Entry>>()
    for (const [path, entry] of paths) {
      const slash = path.indexOf('/')
      if (slash < 0) {
        here.set(path, entry)
        continue
      }
      const dir = path.slice(0, slash)
      const inner = below.get(dir) ?? new Map<string, Entry>()
      inner.set(path.slice(slash + 1), entry)
      below.set(dir, inner)
    }
    for (const [dir, inner] of below)
      here.set(dir, { mode: '040000', type: 'tree', sha: build(inner) })
    return store({ type: 'tree', entries: here })
  }
  const isAncestor = (ancestor: string, sha: string): boolean => {
    const queue = [sha]
    const seen = new Set<string>()
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      if (next === ancestor) return true
      if (seen.has(next)) continue
      seen.add(next)
      queue.push(...(get('commit', next)?.parents ?? []))
    }
    return false
  }
  return { store, get, flatten: (sha) => flatten(sha), build, isAncestor }
}

/** Git's order of a tree's entries: by name, a subtree's name as if it ended in `/`. */
export function byName([a, x]: [string, Entry], [b, y]: [string, Entry]): number {
  const left = x.type === 'tree' ? `${a}/` : a
  const right = y.type === 'tree' ? `${b}/` : b
  return left < right ? -1 : left > right ? 1 : 0
}

function hashOf(object: GitObject): string {
  let payload: Buffer
  if (object.type === 'blob') payload = object.content
  else if (object.type === 'tree') {
    payload = Buffer.concat(
      [...object.entries]
        .sort(byName)
        .map(([name, entry]) =>
          Buffer.concat([
            Buffer.from(`${entry.mode.replace(/^0/, '')} ${name}\0`),
            Buffer.from(entry.sha, 'hex'),
          ]),
        ),
    )
  } else {
    const lines = [`tree ${object.tree}`, ...object.parents.map((parent) => `parent ${parent}`)]
    const author = `fake <fake@github.test> ${object.time} +0000`
    payload = Buffer.from(
      `${lines.join('\n')}\nauthor ${author}\ncommitter ${author}\n\n${object.message}`,
    )
  }
  return createHash('sha1')
    .update(Buffer.concat([Buffer.from(`${object.type} ${payload.length}\0`), payload]))
    .digest('hex')
}
