import { runReport } from './report-run.js'

// The entry of the `report` sub-action. The runner cancels a step with SIGINT, then SIGTERM;
// either one stops the walk of the result files in an orderly way, with one error line. The
// listeners go once the report is written, so nothing keeps the process alive.
const controller = new AbortController()
const cancel = (): void => controller.abort()
process.on('SIGINT', cancel)
process.on('SIGTERM', cancel)

await runReport(controller.signal)

process.off('SIGINT', cancel)
process.off('SIGTERM', cancel)
