import type { FileSelector } from '../inputs.js'
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
    const names = files.map((file) => baseName(file.name))
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
  const regex = globToRegExp(selector.pattern)
  // Without a `/` a pattern names a file; with one, a path inside the backup.
  return selector.pattern.includes('/')
    ? (file) => regex.test(file.name)
    : (file) => regex.test(baseName(file.name))
}

/** `*` and `?` stay within one path segment, `**` crosses segments, `[...]` is a character class. */
export function globToRegExp(pattern: string): RegExp {
  let source = ''
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i] as string
    if (char === '*' && pattern[i + 1] === '*') {
      source += '.*'
      i++
    } else if (char === '*') source += '[^/]*'
    else if (char === '?') source += '[^/]'
    else if (char === '[' && classEnd(pattern, i) !== -1) {
      const end = classEnd(pattern, i)
      const negated = pattern[i + 1] === '!'
      const body = pattern.slice(i + (negated ? 2 : 1), end).replace(/[\\\]^]/g, '\\$&')
      // Like `*` and `?`, a class never matches the `/` between path segments.
      source += negated ? `[^/${body}]` : `(?!/)[${body}]`
      i = end
    } else source += char.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  }
  return new RegExp(`^${source}$`)
}

/** Where a `[` class closes; a `]` right after `[` or `[!` is a member, not the end. */
function classEnd(pattern: string, start: number): number {
  const first = pattern[start + 1] === '!' ? start + 2 : start + 1
  return pattern.indexOf(']', first + 1)
}

function show(selector: FileSelector): string {
  return JSON.stringify(selector.kind === 'id' ? selector.id : selector.pattern)
}
