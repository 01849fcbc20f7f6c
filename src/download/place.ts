// The download folder on a file system that may hold anything: links an earlier step left,
// folders where files are to go, names like ours. Files on their way live in a fresh folder of
// the action's own, so no temporary name can ever be a target's; nothing is written through a
// link; and each file's folder must really be inside `download_to`, links resolved.
import type { Stats } from 'node:fs'
import { lstat, mkdir, mkdtemp, readlink, realpath, rename, rm, stat } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { errorMessage } from '../failure.js'
import { cannotWrite, diskProblem, type DiskProblem } from './disk.js'
import { DownloadRefused, isInside, type Target } from './targets.js'

export interface Workspace {
  /** `download_to`, absolute, as given. */
  dir: string
  /** Its real path: the folder every file's real folder must be inside. */
  root: string
  /** The action's own folder for files on their way, inside `dir`; removed at the end. */
  work: string
  /** Each file this run has put in place, by device and inode, with its name. */
  placed: Map<string, string>
  /** The placing in progress: one file at a time, so that no check races another's rename. */
  turn: Promise<unknown>
}

/** Where the file at `index` of the plan is written until it is verified. */
export function partialPath(workspace: Workspace, index: number): string {
  return join(workspace.work, `${index}.partial`)
}

/**
 * Makes every target's folder, refuses a target that could not be written safely, then makes
 * the folder for files on their way. Nothing is downloaded before all of this has passed.
 */
export async function prepareWorkspace(
  dir: string,
  targets: readonly Target[],
): Promise<Workspace> {
  let root: string
  try {
    await mkdir(dir, { recursive: true })
    root = await realpath(dir)
  } catch (error) {
    throw new DownloadRefused(
      `The folder ${dir} could not be created: ${errorMessage(error)}: check \`download_to\`.`,
    )
  }
  for (const target of targets) {
    await makeFolders(dir, root, target)
    await checkTarget(dir, root, target)
  }
  const work = await makeWork(dir, targets)
  return { dir, root, work, placed: new Map(), turn: Promise.resolve() }
}

/** Gives a verified file its real name, checking its place once more: it may have changed. */
export function placeFile(partial: string, target: Target, workspace: Workspace): Promise<void> {
  const placing = workspace.turn.then(() => placeNow(partial, target, workspace))
  workspace.turn = placing.catch(() => undefined)
  return placing
}

async function placeNow(partial: string, target: Target, workspace: Workspace): Promise<void> {
  const { dir, root, placed } = workspace
  const found = await checkTarget(dir, root, target)
  // Two names the file system takes for one (`db.sql` and `DB.SQL` where case is ignored): the
  // second would replace the first, and the first's evidence would describe other bytes.
  const earlier = found === null ? undefined : placed.get(inode(found))
  if (earlier !== undefined) {
    throw refusal(target, dir, {
      why: `the file system takes its name for that of ${earlier}, written just before`,
      todo: 'pick one with `files`, or choose another `download_to`',
    })
  }
  try {
    await rename(partial, target.path)
    placed.set(inode(await lstat(target.path)), target.name)
  } catch (error) {
    throw refusal(target, dir, diskProblem(error))
  }
}

const inode = (stats: Stats): string => `${stats.dev}:${stats.ino}`

export async function removeWorkspace(workspace: Workspace): Promise<void> {
  // rm does not follow links: whatever was put in the folder, only the folder's own go.
  await rm(workspace.work, { recursive: true, force: true })
}

function refusal(target: Target, dir: string, problem: DiskProblem): DownloadRefused {
  return new DownloadRefused(cannotWrite(target, dir, problem))
}

/**
 * Each folder from `dir` down to the target's, made where missing. An existing one must
 * resolve inside `root`: `mkdir -p` through a link would make folders, and then the file,
 * wherever the link points.
 */
async function makeFolders(dir: string, root: string, target: Target): Promise<void> {
  const parts = relative(dir, dirname(target.path)).split(sep).filter(Boolean)
  let folder = dir
  for (const part of parts) {
    folder = join(folder, part)
    const found = await lstatOrNull(folder, target, dir)
    if (found === null) {
      await mkdir(folder).catch((error: unknown) => {
        throw refusal(target, dir, diskProblem(error))
      })
      continue
    }
    await refuseLinkOutside(folder, root, target, dir)
    if (!(await stat(folder)).isDirectory()) {
      throw refusal(target, dir, {
        why: `${relative(dir, folder)} is a file, where its path needs a folder`,
        todo: 'remove it, or choose another `download_to`',
      })
    }
  }
}

/** The target's folder is inside `root`, and its name is free or a regular file to replace. */
async function checkTarget(dir: string, root: string, target: Target): Promise<Stats | null> {
  await refuseLinkOutside(dirname(target.path), root, target, dir)
  const found = await lstatOrNull(target.path, target, dir)
  if (found === null || found.isFile()) return found
  const shown = relative(dir, target.path)
  const why = found.isSymbolicLink()
    ? // Replacing a link someone made on purpose is not ours to decide, wherever it points.
      `${shown} is a symbolic link`
    : found.isDirectory()
      ? `${shown} is a folder`
      : `${shown} is not a regular file`
  throw refusal(target, dir, { why, todo: 'remove it, or choose another `download_to`' })
}

async function refuseLinkOutside(
  path: string,
  root: string,
  target: Target,
  dir: string,
): Promise<void> {
  let real: string
  try {
    real = await realpath(path)
  } catch (error) {
    // A link to nowhere fails realpath too; it is refused as a link, anything else as itself.
    const link = await readlink(path).catch(() => null)
    if (link === null) throw refusal(target, dir, diskProblem(error))
    throw linkOutside(path, link, target, dir)
  }
  if (!isInside(root, real)) throw linkOutside(path, real, target, dir)
}

function linkOutside(path: string, to: string, target: Target, dir: string): DownloadRefused {
  return refusal(target, dir, {
    why: `${relative(dir, path) || '.'} is a link to ${to}, outside \`download_to\``,
    todo: 'remove the link, or choose another `download_to`',
  })
}

async function lstatOrNull(path: string, target: Target, dir: string): Promise<Stats | null> {
  try {
    return await lstat(path)
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return null
    throw refusal(target, dir, diskProblem(error))
  }
}

/**
 * A new folder (mkdtemp creates it, so it cannot be one that was there). Its random name could
 * still be one a target is about to take; then another is drawn.
 */
async function makeWork(dir: string, targets: readonly Target[]): Promise<string> {
  for (let draw = 1; ; draw++) {
    let work: string
    try {
      work = await mkdtemp(join(dir, '.snapshooter-download-'))
    } catch (error) {
      const { why, todo } = diskProblem(error)
      throw new DownloadRefused(`The folder ${dir} could not be written: ${why}: ${todo}.`)
    }
    const free = (path: string): boolean => !isInside(work, path)
    if (targets.every((target) => free(target.path))) return work
    await rm(work, { recursive: true, force: true })
    if (draw === 3)
      throw new DownloadRefused(
        `The backup's file names keep matching the action's own folder in ${dir}: choose another \`download_to\`.`,
      )
  }
}
