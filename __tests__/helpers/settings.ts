// Inputs parsed as the runner hands them over, for the tests of each input: action.yml's
// defaults, a token and a backup, then what the test gives.
import type { InputName } from '../../src/constants.js'
import { InputError, parseSettings, type Settings } from '../../src/inputs.js'
import { BACKUP_ID } from '../fixtures/values.js'
import { actionDefaults } from './action-yml.js'

type Given = Partial<Record<InputName, string>>

export function parse(given: Given): Settings {
  const inputs: Record<string, string> = {
    ...actionDefaults(),
    api_token: 't0ken',
    backup_id: BACKUP_ID,
    ...given,
  }
  return parseSettings((name) => inputs[name] ?? '')
}

/** The problems an InputError lists for these inputs; the test fails if they parse. */
export function problems(given: Given): string[] {
  try {
    parse(given)
  } catch (error) {
    if (error instanceof InputError) return [...error.problems]
    throw error
  }
  throw new Error('expected an InputError')
}
