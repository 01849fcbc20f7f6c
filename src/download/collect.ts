// zlib hands back each chunk it inflates in a buffer of its own, and the collector, which runs
// by the count of objects made, lets some 64 MB of them pile up, dead, before it takes them back:
// a third more memory than a gunzip needs on Node 24, for garbage. A minor collection (a scavenge
// of the young objects only, a few hundredths of a millisecond) every few MiB of input takes them
// back as they die, and the memory they held is used again rather than new memory touched, which
// is faster too (BENCHMARKS.md, Download). Node offers such a collection only behind
// --expose-gc, set here as the process runs; where that is refused, the collector keeps its pace.
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'

/** Input gunzipped, by every file at once, between two minor collections. */
export const COLLECT_EVERY_BYTES = 4 * 1024 * 1024

export type Collect = () => void

/** Counts input as it is handed to zlib, and collects after every `every` bytes of it. */
export function collector(
  collect: Collect | null,
  every = COLLECT_EVERY_BYTES,
): (bytes: number) => void {
  let since = 0
  return (bytes) => {
    since += bytes
    if (since < every) return
    since = 0
    collect?.()
  }
}

/** V8's own minor collection, or null where the flag cannot be set. */
export function minorCollection(): Collect | null {
  try {
    setFlagsFromString('--expose-gc')
    const gc: unknown = runInNewContext('gc')
    if (typeof gc !== 'function') return null
    return () => (gc as (options: { type: string }) => void)({ type: 'minor' })
  } catch {
    return null
  }
}

let shared: ((bytes: number) => void) | null = null

/** The process's one count: the flag is set the first time a gunzip starts, not before. */
export function gunzipped(bytes: number): void {
  shared ??= collector(minorCollection())
  shared(bytes)
}
