// The entry of the action: the run, stopped in order by a cancel (src/cancel.ts).
import { runCancellable } from './cancel.js'
import { run } from './main.js'

await runCancellable((signal) => run({ signal }))
