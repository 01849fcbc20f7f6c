import { runReport } from './report-run.js'

// The entry of the `report` sub-action. It sends no request and only reads local files, so a
// cancel needs no orderly stop: the listeners keep the default exit from cutting a summary
// write in half, and go once the report is written, so nothing keeps the process alive.
const controller = new AbortController()
const cancel = (): void => controller.abort()
process.on('SIGINT', cancel)
process.on('SIGTERM', cancel)

await runReport()

process.off('SIGINT', cancel)
process.off('SIGTERM', cancel)
