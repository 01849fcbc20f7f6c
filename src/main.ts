import * as core from '@actions/core'
import { Output } from './constants.js'
import { readSettings } from './inputs.js'

/** The action's story: read the inputs, then restore. */
export async function run(): Promise<void> {
  try {
    readSettings()
    throw new Error('restore flow not implemented yet')
  } catch (error) {
    core.setOutput(Output.outcome, 'failed')
    core.setFailed(error instanceof Error ? error.message : String(error))
  }
}
