// Per-token fixed-window limit, like Laravel's ThrottleRequests middleware keyed by user: the
// window opens at the first request after the last one closed, a request refused with 429 is not
// counted (the middleware checks tooManyAttempts before it hits the limiter), every answer carries
// X-RateLimit-Limit and X-RateLimit-Remaining, and a 429 adds Retry-After (seconds until the
// window closes) and X-RateLimit-Reset (that moment, in Unix seconds), with Remaining 0.
import type { RateLimitOptions } from './types.js'

export interface LimitResult {
  limited: boolean
  headers: Record<string, string>
}

export class RateLimiter {
  private windows = new Map<string, { end: number; count: number }>()
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
    if (window === undefined || now >= window.end) {
      window = { end: now + config.windowMs, count: 0 }
      this.windows.set(token, window)
    }
    const limit = String(config.limit)
    if (window.count >= config.limit) {
      const retryAfter = config.retryAfterSeconds ?? Math.ceil((window.end - now) / 1000)
      return {
        limited: true,
        headers: {
          'X-RateLimit-Limit': limit,
          'X-RateLimit-Remaining': '0',
          'Retry-After': String(retryAfter),
          'X-RateLimit-Reset': String(Math.ceil(now / 1000) + retryAfter),
        },
      }
    }
    window.count += 1
    const remaining = String(config.limit - window.count)
    return {
      limited: false,
      headers: { 'X-RateLimit-Limit': limit, 'X-RateLimit-Remaining': remaining },
    }
  }
}
