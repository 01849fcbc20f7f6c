// The drill history's inputs: `history_branch` (empty: no history) and `history_size`, with the
// `github_token` that writes the branch. Pure, and apart from parse.ts, so that every action that
// writes the history (the drill, and a fleet's report) reads these inputs the same way.
import type { InputSource } from './parse.js'
import { Input } from './names.js'
import type { HistorySettings } from './settings.js'
import { ok, problem, refused, type Parsed } from './values.js'

export const DEFAULT_HISTORY_SIZE = 500
export const MAX_HISTORY_SIZE = 10_000

/** `history_size` as written in a workflow: a positive integer up to 10000, else null. */
export function parseHistorySize(text: string): number | null {
  const value = text.trim()
  if (value === '') return DEFAULT_HISTORY_SIZE
  if (!/^\d{1,5}$/.test(value)) return null
  const size = Number(value)
  return size >= 1 && size <= MAX_HISTORY_SIZE ? size : null
}

/**
 * Why `history_branch` cannot name a branch (git's check-ref-format rules), or null when it can.
 * Checked with the inputs, so that a typo fails before any restore instead of warning after it.
 */
export function branchNameProblem(name: string): string | null {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name))
    return 'it has a space, a control character or one of ~ ^ : ? * [ \\'
  if (name === '') return 'it is empty'
  if (name === '@') return 'git keeps @ for HEAD'
  if (name.startsWith('-')) return 'it starts with -'
  if (/\.\.|@\{|\/\//.test(name)) return 'it has .., @{ or //'
  if (/^\/|\/$|\.$/.test(name)) return 'it starts or ends with / or ends with .'
  if (name.split('/').some((part) => part.startsWith('.') || part.endsWith('.lock')))
    return 'a part of it starts with . or ends with .lock'
  return null
}

export interface HistoryInputOptions {
  /** Another input's rule has already named an empty `github_token`: say it once. */
  tokenReported?: boolean
}

/**
 * The history's settings, null when `history_branch` is empty, or every problem of its inputs.
 * `target` is the drill's (drillTarget). A bad `history_size` is reported even with the history
 * off: the workflow asks for something that could never work.
 */
export function parseHistory(
  raw: InputSource,
  target: string,
  { tokenReported = false }: HistoryInputOptions = {},
): Parsed<HistorySettings | null> {
  const branch = raw(Input.historyBranch)
  const sizeText = raw(Input.historySize)
  const size = parseHistorySize(sizeText)
  const problems: string[] = []
  if (size === null) {
    const rule = `must be a whole number from 1 to ${MAX_HISTORY_SIZE}`
    problems.push(problem(Input.historySize, rule, { got: sizeText }))
  }
  const branchProblem = branch === '' ? null : branchNameProblem(branch)
  if (branchProblem !== null)
    problems.push(
      problem(Input.historyBranch, `is no branch name: ${branchProblem}`, { got: branch }),
    )
  // Read only for a history: the alert's reading of it stands otherwise, read once.
  const githubToken = branch === '' ? '' : raw(Input.githubToken)
  if (branch !== '' && githubToken === '' && !tokenReported) {
    const rule = 'is required with `history_branch`: leave it out to use the workflow token'
    problems.push(problem(Input.githubToken, rule))
  }
  if (problems.length > 0) return refused(...problems)
  if (branch === '' || size === null) return ok(null)
  return ok(Object.freeze({ branch, size, githubToken, target }))
}
