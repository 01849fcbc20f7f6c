// Finds the result files the `results` pattern names under the workspace and reads each one
// safely: the walk starts at the pattern's literal folder, never follows a symlinked folder, and
// refuses a file that resolves outside the workspace, a folder that matches, and a file too big
// to be a result. Each refusal is a problem naming the file, never a crash.
import { constants } from 'node:fs'
import { open, readdir, realpath } from 'node:fs/promises'
import nodePath from 'node:path'
import { matchGlob, type Glob } from '../inputs/glob.js'
import { errorMessage } from '../failure.js'
import { clean, readLeg, type Read } from './report-entry.js'

/** A result lists every file of its backup; 16 MiB holds ~100,000 of them. Beyond is not one. */
export const MAX_RESULT_BYTES = 16 * 1024 * 1024
/** More files than any fleet has: the rest are counted, not read. */
export const MAX_FILES = 2_000

export interface Found {
  reads: Read[]
  /** Matching files past MAX_FILES, not read. */
  skipped: number
}

/** The pattern's folder before its first wildcard: where the walk starts. */
export function literalBase(pattern: string): string {
  const parts = pattern.split('/')
  const at = parts.findIndex((part) => /[*?[]/.test(part))
  return (at === -1 ? parts.slice(0, -1) : parts.slice(0, at)).join('/')
}

export async function findResults(
  workspace: string,
  pattern: string,
  glob: Glob,
  serverUrl: string,
  signal: AbortSignal = new AbortController().signal,
): Promise<Found> {
  const root = await realpath(workspace)
  const reads: Read[] = []
  let skipped = 0
  const visit = async (dir: string): Promise<void> => {
    let entries
    try {
      entries = await readdir(nodePath.join(root, dir), { withFileTypes: true })
    } catch {
      return
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1))
    for (const entry of entries) {
      // A cancel stops the walk of a big workspace between two files, not after all of them.
      signal.throwIfAborted()
      const path = dir === '' ? entry.name : `${dir}/${entry.name}`
      const matches = matchGlob(glob, path)
      if (entry.isDirectory()) {
        if (matches) reads.push({ file: path, problem: 'is a folder, not a file' })
        await visit(path)
      } else if (matches && (entry.isFile() || entry.isSymbolicLink())) {
        if (reads.length >= MAX_FILES) skipped++
        else reads.push(await readOne(root, path, serverUrl))
      }
    }
  }
  await visit(literalBase(pattern))
  // A file name is text from the disk: one short line before it reaches a log or the summary.
  const named = reads.map((read) =>
    'leg' in read
      ? { leg: { ...read.leg, file: clean(read.leg.file) } }
      : { ...read, file: clean(read.file) },
  )
  return { reads: named, skipped }
}

/**
 * Whether `target` lies in `root` (both resolved). On Windows a path on another drive is not
 * relative to the workspace at all: `relative` then answers it absolute, which is outside too.
 */
export function isInside(root: string, target: string, path = nodePath): boolean {
  const inside = path.relative(root, target)
  return !(inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside))
}

async function readOne(root: string, path: string, serverUrl: string): Promise<Read> {
  let real: string
  try {
    real = await realpath(nodePath.join(root, path))
  } catch {
    return { file: path, problem: 'is a broken link' }
  }
  if (!isInside(root, real))
    return { file: path, problem: 'links outside the workspace, and was not read' }
  try {
    // Non-blocking, so that a link to a named pipe opens at once (and is refused as no regular
    // file) instead of waiting for a writer that never comes; a regular file reads as ever.
    const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK)
    try {
      const stat = await handle.stat()
      if (!stat.isFile()) return { file: path, problem: 'is not a regular file' }
      if (stat.size > MAX_RESULT_BYTES)
        return { file: path, problem: `is larger than ${MAX_RESULT_BYTES} bytes` }
      // Read at most the limit plus one byte, so a file growing meanwhile is caught too.
      const buffer = Buffer.alloc(Math.min(stat.size, MAX_RESULT_BYTES) + 1)
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
      if (bytesRead > MAX_RESULT_BYTES)
        return { file: path, problem: `is larger than ${MAX_RESULT_BYTES} bytes` }
      return readLeg(path, buffer.subarray(0, bytesRead).toString('utf8'), serverUrl)
    } finally {
      await handle.close()
    }
  } catch (error) {
    return { file: path, problem: `could not be read (${errorMessage(error).slice(0, 120)})` }
  }
}
