// The runner cancels a step with SIGINT, then SIGTERM. Every entry (the action and its
// sub-actions) turns either one into one abort signal, so that the run stops in an orderly way
// and its evidence is still written; the listeners go once the run is over, so that nothing keeps
// the process alive.
export async function runCancellable(
  run: (signal: AbortSignal) => Promise<unknown>,
): Promise<void> {
  const controller = new AbortController()
  const cancel = (): void => controller.abort()
  process.on('SIGINT', cancel)
  process.on('SIGTERM', cancel)
  try {
    await run(controller.signal)
  } finally {
    process.off('SIGINT', cancel)
    process.off('SIGTERM', cancel)
  }
}
