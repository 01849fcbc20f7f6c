// What the runner would execute of a step's stdout: a line that starts with `::` (after leading
// spaces) is a workflow command, and so is `##[` anywhere in a line (the older form).

/** Commands the action gives itself (through @actions/core). */
const OWN: ReadonlySet<string> = new Set([
  'add-mask',
  'group',
  'endgroup',
  'error',
  'warning',
  'notice',
  'debug',
])

/** What the hostile answers of the tests try to smuggle in after a line break. */
export const FORGERIES = '\n::error::FORGED\n::add-mask::Backup\n::stop-commands::t0k\n##[error]OLD'

/**
 * Lines of stdout that would run as a command the action never meant to give: any command it
 * does not use, a forged one, or the older `##[` form. Empty when API text injected nothing.
 */
export function foreignCommands(stdout: string): string[] {
  return stdout.split('\n').filter((line) => {
    if (line.includes('##[')) return true
    const command = /^\s*::([^\s:]+)[^:]*::(.*)$/.exec(line)
    if (command === null) return /^\s*::/.test(line)
    const [, name = '', data = ''] = command
    return !OWN.has(name) || /^(FORGED|Backup|t0k)/.test(data)
  })
}

/** Every string anywhere in a value: each is text that may reach a log line. */
export function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(strings)
  return []
}
