// The one line a file gets when it cannot be put on disk: which file, where, why in words a
// person acts on, and what to do. A raw EISDIR or ENAMETOOLONG says none of that.
import { errorMessage } from '../failure.js'
import type { Target } from './targets.js'

export interface DiskProblem {
  why: string
  todo: string
}

const CHOOSE_ANOTHER = 'choose another `download_to`'
const NOT_WRITABLE = {
  why: 'the folder may not be written',
  todo: `fix its permissions, or ${CHOOSE_ANOTHER}`,
}

// By the code the file system gave. Only the codes a person can do something about: any other
// is shown as the system said it.
const PROBLEMS: Readonly<Record<string, DiskProblem>> = {
  ENAMETOOLONG: {
    why: 'its name is too long for the file system, which allows 255 bytes a name on most systems',
    todo: 'leave it out with `files`, or choose a `download_to` with a shorter path',
  },
  ENOSPC: { why: 'the disk is full', todo: `free some space, or ${CHOOSE_ANOTHER}` },
  EDQUOT: { why: 'the disk quota is used up', todo: `free some space, or ${CHOOSE_ANOTHER}` },
  EFBIG: {
    why: 'the file is larger than the runner lets a process write, its file size limit',
    todo: 'raise that limit (`ulimit -f`), or leave the file out with `files`',
  },
  EACCES: NOT_WRITABLE,
  EPERM: NOT_WRITABLE,
  EROFS: { why: 'the file system is read-only', todo: CHOOSE_ANOTHER },
  EISDIR: { why: 'a folder stands at its name', todo: `remove it, or ${CHOOSE_ANOTHER}` },
  ENOTDIR: {
    why: 'a file stands where its path needs a folder',
    todo: `remove it, or ${CHOOSE_ANOTHER}`,
  },
  ELOOP: { why: 'its path goes through a loop of links', todo: CHOOSE_ANOTHER },
  EXDEV: {
    why: 'its folder is on another file system than `download_to`',
    todo: CHOOSE_ANOTHER,
  },
}

/** What the file system's error means for the person running the drill. */
export function diskProblem(error: unknown): DiskProblem {
  const code = (error as { code?: unknown } | null)?.code
  const known = typeof code === 'string' ? PROBLEMS[code] : undefined
  if (known !== undefined) return { why: `${known.why} (${code as string})`, todo: known.todo }
  return { why: errorMessage(error), todo: CHOOSE_ANOTHER }
}

/** A name fit for one line: a very long one is cut, since the system's own message repeats it. */
export function shownName(name: string): string {
  return name.length > 80 ? `${name.slice(0, 60)}…` : name
}

/** "<file> (file <id>) could not be written to <folder>: <why>: <what to do>." */
export function cannotWrite(
  target: Pick<Target, 'name' | 'file'>,
  folder: string,
  problem: DiskProblem,
): string {
  return `${shownName(target.name)} (file ${target.file.id}) could not be written to ${folder}: ${problem.why}: ${problem.todo}.`
}
