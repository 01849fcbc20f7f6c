import { matchGlob, parseGlob } from '../inputs/glob.js'
import type { FileSelector } from '../inputs/settings.js'
import type { BackupFile } from '../snapshooter/types.js'
import { DrillRefusal } from './refusal.js'

/**
 * The backup's files picked by the `files` input, in the backup's order. Every entry must match
 * at least one file, so a typo never turns into restoring less than was meant.
 */
export function selectFiles(
  backupId: string,
  files: readonly BackupFile[],
  selectors: readonly FileSelector[],
): BackupFile[] {
  if (selectors.length === 0) return [...files]
  const tests = selectors.map((selector) => ({ selector, test: fileTest(selector) }))
  const unmatched = tests
    .filter(({ test }) => !files.some(test))
    .map(({ selector }) => show(selector))
  if (unmatched.length > 0) {
    const names = files.map((file) => shortened(baseName(file.name)))
    const shown =
      names.length > 10 ? [...names.slice(0, 10), `and ${names.length - 10} more`] : names
    throw new DrillRefusal(
      `\`files\` ${unmatched.length === 1 ? 'entry' : 'entries'} ${unmatched.join(', ')} ` +
        `${unmatched.length === 1 ? 'matches' : 'match'} no file of backup ${backupId}; ` +
        `its files are: ${shown.join(', ') || 'none'}.`,
    )
  }
  return files.filter((file) => tests.some(({ test }) => test(file)))
}

export function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1)
}

function fileTest(selector: FileSelector): (file: BackupFile) => boolean {
  if (selector.kind === 'id') return (file) => file.id.toLowerCase() === selector.id
  const parsed = parseGlob(selector.pattern)
  // Input validation refuses such a pattern before any request; this guards other callers.
  if ('problem' in parsed)
    throw new DrillRefusal(`\`files\` entry ${show(selector)} is not a pattern: ${parsed.problem}.`)
  const { glob } = parsed
  // Without a `/` a pattern names a file; with one, a path inside the backup.
  return selector.pattern.includes('/')
    ? (file) => matchGlob(glob, file.name)
    : (file) => matchGlob(glob, baseName(file.name))
}

// Names come from the API and may run past S3's 1,024 bytes: the error stays one readable line.
const SHOWN_NAME_LENGTH = 80

function shortened(name: string): string {
  const chars = [...name]
  if (chars.length <= SHOWN_NAME_LENGTH) return name
  return `${chars.slice(0, SHOWN_NAME_LENGTH).join('')}…`
}

function show(selector: FileSelector): string {
  return JSON.stringify(selector.kind === 'id' ? selector.id : selector.pattern)
}
