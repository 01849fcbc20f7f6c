import { runJobsAction } from './jobs-main.js'

// The runner cancels a step with SIGINT, then SIGTERM; either one stops the listing in an orderly
// way, so the verdict is still written. The listeners go once the run is over, so nothing keeps
// the process alive.
const controller = new AbortController()
const cancel = (): void => controller.abort()
process.on('SIGINT', cancel)
process.on('SIGTERM', cancel)

await runJobsAction({ signal: controller.signal })

process.off('SIGINT', cancel)
process.off('SIGTERM', cancel)
