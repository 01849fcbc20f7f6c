import * as core from '@actions/core'
import { USER_AGENT } from './inputs/names.js'
import type { Settings } from './inputs/settings.js'
import type { SnapShooterClient } from './snapshooter/client.js'
import type { Clock, Sleep } from './time.js'

export interface Connection {
  signal: AbortSignal
  clock: Clock
  sleep: Sleep
  /** Left out: the client's own default (REQUEST_TIMEOUT_MS, http/retry.ts). */
  requestTimeoutMs?: number
}

/**
 * A client factory for the API at `settings.apiUrl`; each client gets its own deadline. The
 * client (and axios with it) is loaded here, once the inputs are known to be good, so that a
 * bad input fails fast.
 */
export async function connect(
  settings: Pick<Settings, 'apiUrl' | 'apiToken'>,
  { signal, clock, sleep, requestTimeoutMs }: Connection,
): Promise<(deadline: number) => SnapShooterClient> {
  const [{ createClient }, { proxySecrets }] = await Promise.all([
    import('./snapshooter/client.js'),
    import('./http/proxy.js'),
  ])
  for (const secret of proxySecrets(process.env)) core.setSecret(secret)
  return (deadline) =>
    createClient({
      baseUrl: settings.apiUrl,
      token: settings.apiToken,
      userAgent: USER_AGENT,
      deadline,
      signal,
      clock,
      sleep,
      requestTimeoutMs,
      onRetry: ({ request, attempt, delayMs, reason }) =>
        core.info(
          `${request}: attempt ${attempt} failed (${reason}); retrying in ${Math.round(delayMs)} ms`,
        ),
    })
}
