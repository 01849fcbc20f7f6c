// Where each selected file lands. Names come from the API, so a name that would resolve outside
// the download folder is refused here, before a single byte is written.
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { baseName } from '../drill/files.js'
import { Failure } from '../failure.js'
import { isSecureUrl } from '../http/loopback.js'
import type { BackupFile } from '../snapshooter/types.js'

export interface Target {
  file: BackupFile
  /** The link map's key: the name the file gets inside the folder. */
  name: string
  url: string
  /** Absolute path inside the download folder. */
  path: string
}

/** A refusal of the download as planned: the message names the file and what to do. */
export class DownloadRefused extends Failure {
  constructor(message: string) {
    super(message)
    this.name = 'DownloadRefused'
  }
}

/** `download_to` as given, else a folder named after the backup under RUNNER_TEMP. */
export function downloadDir(
  downloadTo: string | null,
  backupId: string,
  runnerTemp: string,
): string {
  return resolve(downloadTo ?? join(runnerTemp, `snapshooter-${backupId}`))
}

/**
 * Each selected file with its signed link, matched by base name (as SnapShooter keys the map),
 * falling back to the full object key.
 */
export function planTargets(
  backupId: string,
  files: readonly BackupFile[],
  links: Readonly<Record<string, string>>,
  dir: string,
): Target[] {
  const has = (key: string): boolean => Object.hasOwn(links, key)
  const used = new Map<string, string>()
  // Each folder a file needs, with the first file that needs it.
  const folders = new Map<string, string>()
  return files.map((file) => {
    const base = baseName(file.name)
    const name = has(base) ? base : has(file.name) ? file.name : null
    if (name === null) {
      throw new DownloadRefused(
        `SnapShooter gave no download link for file ${base} (${file.id}) of backup ${backupId}: re-run later, or leave it out with \`files\`.`,
      )
    }
    const url = links[name] as string
    if (!isSecureUrl(new URL(url))) {
      throw new DownloadRefused(
        `SnapShooter gave a plain http:// link for file ${base} (${file.id}) of backup ${backupId}: refused, since it would send the signed link unencrypted. Report it to SnapShooter.`,
      )
    }
    const path = safePath(dir, name, backupId)
    const clash = used.get(path)
    if (clash !== undefined) {
      throw new DownloadRefused(
        `Files ${clash} and ${file.id} of backup ${backupId} would both be written as ${JSON.stringify(name)}: pick one with \`files\`.`,
      )
    }
    const parents = foldersOf(dir, path)
    const nested = nesting(file.id, path, parents, used, folders)
    if (nested !== null) {
      throw new DownloadRefused(
        `File ${nested.file} of backup ${backupId} would be written as ${JSON.stringify(relative(dir, nested.path))}, the folder that file ${nested.inside} goes in: pick one with \`files\`.`,
      )
    }
    for (const folder of parents) if (!folders.has(folder)) folders.set(folder, file.id)
    used.set(path, file.id)
    return { file, name, url, path }
  })
}

/** The path of `name` inside `dir`, or a refusal when the name could reach outside it. */
export function safePath(dir: string, name: string, backupId: string): string {
  const refuse = (why: string): never => {
    throw new DownloadRefused(
      `Backup ${backupId} names a file ${JSON.stringify(name.slice(0, 80))}, which ${why}: refused, nothing was written for it. Report it to SnapShooter.`,
    )
  }
  // Drive letters and backslashes mean nothing on Linux, but are a way out of the folder on Windows.
  if (/^[a-z]:/i.test(name) || name.includes('\\')) refuse('looks like a Windows path')
  if (isAbsolute(name)) refuse('is an absolute path')
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) refuse('contains control characters')
  const path = resolve(dir, name)
  if (path === dir || !isInside(dir, path)) refuse('would land outside `download_to`')
  return path
}

/**
 * `a` and `a/b`: a file whose path is a folder another file goes in, in either order. Found
 * here, it is one clear line; found on disk, one of them would meet a file or a folder in its way.
 */
function nesting(
  id: string,
  path: string,
  parents: readonly string[],
  used: ReadonlyMap<string, string>,
  folders: ReadonlyMap<string, string>,
): { file: string; path: string; inside: string } | null {
  const inside = folders.get(path)
  if (inside !== undefined) return { file: id, path, inside }
  const folder = parents.find((parent) => used.has(parent))
  return folder === undefined
    ? null
    : { file: used.get(folder) as string, path: folder, inside: id }
}

/** The folders between `dir` and `path` (which is inside it), nearest first. */
function foldersOf(dir: string, path: string): string[] {
  const found: string[] = []
  // The second test only guards the loop: `path` is inside `dir` by the time this runs.
  let folder = dirname(path)
  while (folder !== dir && folder !== dirname(folder)) {
    found.push(folder)
    folder = dirname(folder)
  }
  return found
}

/** True when `path` is `dir` or anywhere under it (both absolute). */
export function isInside(dir: string, path: string): boolean {
  const inside = relative(dir, path)
  return !(inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))
}
