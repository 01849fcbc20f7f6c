// What the log says of a file's content checks, and the warnings of a run whose files were left
// unchecked: because they look encrypted, or because a check could not run on them.
import { looksEncrypted } from './content/index.js'
import type { DownloadedFile } from './file.js'

/** The checks of one file for its log line: `; sql: mysqldump complete, 2 CREATE TABLE`. */
export function checksLine(file: Pick<DownloadedFile, 'checks'>): string {
  if (file.checks === undefined) return ''
  if (file.checks.length === 0) return '; no content check for its type (integrity only)'
  return file.checks.map((check) => `; ${check.name}: ${check.detail}`).join('')
}

/** Files named in the warning; the summary and the result list every one. */
const MAX_NAMED = 10

/**
 * One line naming the files whose content checks were skipped as encrypted, or null when none
 * were. A warning, not an error: what an encrypted file looks like is not documented, so their
 * bytes were verified but what they hold could not be.
 */
export function encryptedWarning(
  backupId: string,
  files: readonly Pick<DownloadedFile, 'name' | 'checks'>[],
): string | null {
  const names = files
    .filter((file) => (file.checks ?? []).some(looksEncrypted))
    .map((file) => file.name)
  if (names.length === 0) return null
  const shown = names.slice(0, MAX_NAMED).join(', ')
  const more = names.length > MAX_NAMED ? ` and ${names.length - MAX_NAMED} more` : ''
  return `Content checks skipped for ${shown}${more}: backup ${backupId} carries an encryption key and these files do not look like their names say, so they are most likely encrypted; only their size and SHA-256 were verified.`
}

/**
 * One line naming the files a content check skipped for another reason than encryption (a split
 * zip, pg_dump's custom format, a header too large to read), or null when none did. The step
 * passes, since nothing was found wrong, but it must not look as though the content was proved.
 */
export function skippedWarning(
  backupId: string,
  files: readonly Pick<DownloadedFile, 'name' | 'checks'>[],
): string | null {
  const skipped = files.flatMap((file) =>
    (file.checks ?? [])
      .filter((check) => check.passed === null && !looksEncrypted(check))
      .map((check) => `${file.name} (${check.name}: ${check.detail})`),
  )
  if (skipped.length === 0) return null
  const shown = skipped.slice(0, MAX_NAMED).join(', ')
  const more = skipped.length > MAX_NAMED ? ` and ${skipped.length - MAX_NAMED} more` : ''
  return `Content checks skipped for ${shown}${more} in backup ${backupId}: only their size and SHA-256 were verified.`
}
