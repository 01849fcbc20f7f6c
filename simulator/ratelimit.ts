// Per-token fixed-window limit, like Laravel's throttle middleware keyed by user.
import type { RateLimitOptions } from './types.js'

export interface LimitResult {
  limited: boolean
  headers: Record<string, string>
}

export class RateLimiter {
  private windows = new Map<string, { start: number; count: number }>()
  private config: RateLimitOptions | null = null

  /** A new configuration starts every token with a fresh window. */
  reset(config: RateLimitOptions | null): void {
    this.config = config
    this.windows = new Map()
  }

  hit(token: string, now: number): LimitResult {
    const config = this.config
    if (config === null) return { limited: false, headers: {} }
    let window = this.windows.get(token)
    if (window === undefined || now - window.start >= config.windowMs) {
      window = { start: now, count: 0 }
      this.windows.set(token, window)
    }
    window.count += 1
    const limited = window.count > config.limit
    const headers: Record<string, string> = {
      'X-RateLimit-Limit': String(config.limit),
      'X-RateLimit-Remaining': String(Math.max(0, config.limit - window.count)),
    }
    if (limited) headers['Retry-After'] = String(config.retryAfterSeconds ?? 1)
    return { limited, headers }
  }
}
