// What every handler may read: the account, the restores made so far, and the current settings.
import type { Account } from './account.js'
import type { Signer } from './storage.js'
import type { RateLimitOptions, SimRestore, SimulatorOptions } from './types.js'

export interface Settings {
  restoreDurationMs: number
  restoreFinalStatus: string
  runningStatus: string
  pendingMs: number
  statusEndpoint: boolean
  rateLimit: RateLimitOptions | null
}

export interface Context {
  account: Account
  signer: Signer
  restores: SimRestore[]
  restoreById: Map<string, SimRestore>
  url: () => string
  now: () => number
  settings: () => Settings
}

export const DEFAULT_RESTORE_MS = 2000
const MAX_PENDING_MS = 300

// Resolved on every use, so that configure() changing restoreDurationMs also moves the
// default pendingMs unless pendingMs itself was set.
export function resolveSettings(options: SimulatorOptions): Settings {
  const restoreDurationMs = Math.max(0, options.restoreDurationMs ?? DEFAULT_RESTORE_MS)
  return {
    restoreDurationMs,
    restoreFinalStatus: options.restoreFinalStatus ?? 'completed',
    runningStatus: options.runningStatus ?? 'running',
    pendingMs: Math.max(0, options.pendingMs ?? Math.min(MAX_PENDING_MS, restoreDurationMs / 4)),
    statusEndpoint: options.statusEndpoint ?? true,
    rateLimit: options.rateLimit ?? null,
  }
}
