// The leak scan every run of the action goes through, in a child process or in-process.
import { DEMO_TOKEN } from '../../simulator/index.js'

/**
 * Secrets that must never leave the action: the token (except in the runner's own
 * `::add-mask::` command), and anything of a backup's encryption_key or a signed link.
 */
export function leaks(
  run: { evidence: string },
  token = DEMO_TOKEN,
  signatures: string[] = [],
): string[] {
  const text = visible(run)
  const found: string[] = []
  if (text.includes(token)) found.push('api token')
  if (/encryption_key/i.test(text)) found.push('encryption_key')
  if (/LS0tLS1CRU/.test(text)) found.push('encryption key value')
  if (/X-Amz-Signature|X-Amz-Credential|\/storage\//i.test(text)) found.push('signed URL')
  // A signature on its own, as a link cut up or re-encoded would show it.
  if (signatures.some((signature) => text.includes(signature))) found.push('link signature')
  return found
}

/**
 * The evidence as people see it: without the `::add-mask::` commands, which the runner consumes
 * (they carry the very secrets they hide, and never reach the log).
 */
export function visible(run: { evidence: string }): string {
  return run.evidence
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n')
}
