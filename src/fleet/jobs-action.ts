// The entry of the `jobs` sub-action: a cancel stops the listing in order (src/cancel.ts).
import { runCancellable } from '../cancel.js'
import { runJobsAction } from './jobs-main.js'

await runCancellable((signal) => runJobsAction({ signal }))
