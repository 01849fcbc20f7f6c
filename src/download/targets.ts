// Where each selected file lands. Names come from the API, so a name that would resolve outside
// the download folder is refused here, before a single byte is written.
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { baseName } from '../drill/files.js'
import { isSecureUrl } from '../urls.js'
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
export class DownloadRefused extends Error {
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
  const inside = relative(dir, path)
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))
    refuse('would land outside `download_to`')
  return path
}
