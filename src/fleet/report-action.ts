// The entry of the `report` sub-action: a cancel stops the walk of the result files in order,
// with one error line (src/cancel.ts).
import { runCancellable } from '../cancel.js'
import { runReport } from './report-run.js'

await runCancellable((signal) => runReport(signal))
