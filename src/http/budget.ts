// The shared request budget of one token, read from the rate-limit headers of every answer, and
// how long a status check should be held back so that many drills sharing the token spend it
// deliberately (docs/architecture.md, Rate limits). Pure functions over plain values; the clock
// and the random source are the caller's. A drill cannot see the others: everything here is
// inferred from the headers alone.

import { parseRetryAfter } from './retry.js'

/** The window the limit is counted over when no answer says: Laravel's stock limit is per minute. */
export const ASSUMED_WINDOW_MS = 60_000
/** Part of the limit left to the requests that start restores: status checks wait below it. */
export const RESERVE_FRACTION = 0.2
/** How long after a window's close the drills it held back come back, and are counted doing so. */
const RETURN_MS = 15_000
/** A server's pause longer than this is read as this: the deadline cuts it anyway. */
export const MAX_HOLD_MS = 3_600_000

/** The raw header values, as the answer gave them. */
export interface LimitHeaders {
  limit?: string
  remaining?: string
  retryAfter?: string
  reset?: string
}

/** What the headers of one answer say about the budget; each part only when readable. */
export interface LimitReading {
  limit?: number
  remaining?: number
  /** When the window closes, in ms from now: only a 429 says. */
  resetInMs?: number
}

export interface BudgetState {
  limit: number | null
  remaining: number | null
  /** When `remaining` was read (epoch ms). */
  seenAt: number | null
  /** The first reading known to belong to the current window: it closes by this plus a window. */
  windowSeenAt: number | null
  /** When the window closes, as a 429 said (epoch ms). */
  resetAt: number | null
  /** The wait that 429 named (ms): its window lasted at least this long. */
  waitMs: number | null
  /** Requests the whole token made between this drill's last two readings, itself included. */
  sharers: number
  /** Requests per ms the others made between those two readings. */
  othersRate: number
}

export const EMPTY_BUDGET: BudgetState = {
  limit: null,
  remaining: null,
  seenAt: null,
  windowSeenAt: null,
  resetAt: null,
  waitMs: null,
  sharers: 1,
  othersRate: 0,
}

// A count of requests (or Unix seconds): a few digits. Anything longer or stranger is no count.
function count(value: string | undefined, digits = 9): number | undefined {
  const text = value?.trim() ?? ''
  return text.length <= digits && /^\d+$/.test(text) ? Number(text) : undefined
}

/**
 * Reads the headers of one answer. Retry-After wins over X-RateLimit-Reset, as it needs no clock
 * agreement; a Reset (the server's Unix time) is read only within one window of this clock, so a
 * server clock running ahead or behind cannot hold a drill for hours or not at all.
 */
export function readLimits(headers: LimitHeaders, nowMs: number): LimitReading {
  const reading: LimitReading = {}
  const limit = count(headers.limit)
  if (limit !== undefined && limit > 0) reading.limit = limit
  const remaining = count(headers.remaining)
  if (remaining !== undefined) reading.remaining = remaining
  const retryAfter =
    (headers.retryAfter?.length ?? 0) <= 64 ? parseRetryAfter(headers.retryAfter, nowMs) : undefined
  if (retryAfter !== undefined && Number.isFinite(retryAfter) && retryAfter >= 0) {
    reading.resetInMs = Math.min(retryAfter, MAX_HOLD_MS)
    return reading
  }
  const reset = count(headers.reset, 12)
  if (reset !== undefined) {
    const inMs = reset * 1000 - nowMs
    if (inMs >= 0 && inMs <= ASSUMED_WINDOW_MS) reading.resetInMs = inMs
  }
  return reading
}

/** The state after one more answer's reading. */
export function observe(state: BudgetState, reading: LimitReading, nowMs: number): BudgetState {
  const limit = reading.limit ?? state.limit
  const next: BudgetState = { ...state, limit }
  if (reading.resetInMs !== undefined) {
    next.resetAt = nowMs + reading.resetInMs
    next.waitMs = reading.resetInMs
    // The close of this window, known: the windows after it follow on from it.
    if (reading.resetInMs <= ASSUMED_WINDOW_MS) {
      next.windowSeenAt = next.resetAt - ASSUMED_WINDOW_MS
    }
  }
  if (reading.remaining === undefined) return next
  const before = state.remaining
  // The window of the first reading known in it closes by this.
  const lastClose = state.windowSeenAt === null ? null : state.windowSeenAt + ASSUMED_WINDOW_MS
  // More left than last time, or that close passed: a window closed in between, and this reading
  // opens the new one. (A new window may already be spent below the last reading of the old.)
  const surelyClosed = lastClose !== null && nowMs >= lastClose
  const rolled =
    before === null || reading.remaining > before || limit !== state.limit || surelyClosed
  if (rolled) {
    // Under steady use the next window opens as the last one closes: keep to the phase known
    // (within what this drill saw), rather than dating the new window from this late reading.
    const after = state.seenAt ?? nowMs
    next.windowSeenAt =
      lastClose === null || nowMs - lastClose >= ASSUMED_WINDOW_MS
        ? nowMs
        : Math.min(nowMs, Math.max(after, lastClose))
    // The others' pace was measured in a window now closed: a burst there says nothing here.
    next.othersRate = 0
    // Just after a close the drills held back by it come back, each with a request or two: what
    // the new window has counted so far says how many there are, when nothing before did.
    const sinceClose = lastClose === null ? null : nowMs - lastClose
    if (limit !== null && sinceClose !== null && sinceClose >= 0 && sinceClose < RETURN_MS) {
      next.sharers = Math.max(state.sharers, limit - reading.remaining)
    }
  }
  // A 429 is not counted, so an unchanged count tells nothing of the others: keep the estimate.
  else if (reading.remaining < before) {
    const counted = before - reading.remaining
    // A count cut at zero (what is refused is not counted) says at least this many, and a count
    // over a moment misses the drills between their turns: the estimate follows a rise at once
    // and falls by half at most, so that one short count cannot make a drill check as if alone.
    const floor = reading.remaining === 0 ? state.sharers : Math.ceil(state.sharers / 2)
    next.sharers = Math.max(counted, floor)
    // This drill's own request is one of them.
    const others = counted - 1
    const elapsed = nowMs - (state.seenAt ?? nowMs)
    next.othersRate = elapsed > 0 ? others / elapsed : others > 0 ? Infinity : 0
  }
  next.remaining = reading.remaining
  next.seenAt = nowMs
  return next
}

/** The pause between two checks that keeps every drill seen on the token within the limit. */
export function fairIntervalMs(state: BudgetState): number {
  if (state.limit === null) return 0
  const spendable = Math.max(1, state.limit - reserveOf(state.limit))
  return (state.sharers * ASSUMED_WINDOW_MS) / spendable
}

function reserveOf(limit: number): number {
  return Math.max(2, Math.ceil(limit * RESERVE_FRACTION))
}

/**
 * How long to hold the next status check back, from now; 0 to send it when the schedule says.
 * After a 429, until the window closes plus a spread over the fair interval, so that drills do not
 * return all at once. With little left, or when the others spend at a rate that empties the budget
 * before this drill's next fair turn, until the window surely closed: the restore POSTs of other drills
 * need what remains. A restore started (`createdAt`) in the window after one that ran out waits for
 * the next window too. Otherwise the fair interval, or longer when what is left of the window
 * cannot give every drill its fair turns, jittered by half either way.
 */
export function checkHoldMs(
  state: BudgetState,
  nowMs: number,
  random: () => number,
  createdAt?: number,
): number {
  const fair = fairIntervalMs(state)
  // Back right after a close, but not all at once: over the fair interval, within the first
  // seconds of the new window, when the restores that may be ending are the likeliest done.
  const spread = random() * Math.min(fair, RETURN_MS)
  if (state.resetAt !== null && state.resetAt > nowMs) return state.resetAt - nowMs + spread
  const { limit, remaining, windowSeenAt, resetAt, seenAt } = state
  if (limit === null || remaining === null) return 0
  // The window a 429 named has closed since the last reading: the budget is whole again.
  const renewed = resetAt !== null && seenAt !== null && seenAt < resetAt
  const closes = windowSeenAt === null ? null : windowSeenAt + ASSUMED_WINDOW_MS
  // The last window ran out (a 429 named its close), and this restore was started in the window
  // after it: restores take minutes, so it is the one least likely to be done. Its checks wait
  // for the next window, spread over the whole of it: the older restores, which may be ending,
  // have this one and the start of the next.
  // A window lasts at least the wait its 429 named, which is only what was left of it: a wait of
  // over half a minute is read as Laravel's minute, lest the drills come back a moment before the
  // close; a shorter one as it is, so that a limiter counting per second, whose 429s say 1 s, is
  // not waited on for a minute.
  const contended = resetAt !== null && resetAt <= nowMs && nowMs - resetAt < ASSUMED_WINDOW_MS
  const fresh = createdAt !== undefined && windowSeenAt !== null && createdAt >= windowSeenAt
  if (contended && fresh && closes !== null) {
    const wait = state.waitMs ?? ASSUMED_WINDOW_MS
    const span = wait > ASSUMED_WINDOW_MS / 2 ? ASSUMED_WINDOW_MS : wait
    const until = Math.min(closes, resetAt + span)
    if (until > nowMs) return until - nowMs + random() * span
  }
  if (!renewed && closes !== null && closes > nowMs) {
    // The reserve is for restores starting, which come early in a window (a 429 sends them back
    // at its close): it is given up as the window runs out, rather than left unspent.
    const reserve = reserveOf(limit) * Math.min(1, (closes - nowMs) / ASSUMED_WINDOW_MS)
    const spendable = remaining - reserve
    // At the others' pace, what is left would be gone before this drill's next fair turn: a burst
    // of restores starting. Fair pacing itself spends about one request per drill per turn.
    const spentByNextTurn = state.othersRate * Math.min(fair, closes - nowMs)
    if (spendable <= 0 || spentByNextTurn > spendable) return closes - nowMs + spread
    // What is left, shared by the drills seen, over what is left of the window: when restores
    // starting took more of it than the reserve, the fair turn alone would overspend the window
    // and end it in 429s. Such a turn is cut at the close, where the next window renews the budget.
    const rationed = (state.sharers * (closes - nowMs)) / spendable
    if (rationed > fair) return Math.min(rationed * (0.5 + random()), closes - nowMs + spread)
  }
  return fair * (0.5 + random())
}

/** A budget fed by every answer of one client, asked by the wait loop before each check. */
export class Budget {
  private state: BudgetState = EMPTY_BUDGET

  constructor(private readonly random: () => number) {}

  observe(headers: LimitHeaders, nowMs: number): void {
    this.state = observe(this.state, readLimits(headers, nowMs), nowMs)
  }

  holdMs(nowMs: number, createdAt?: number): number {
    return checkHoldMs(this.state, nowMs, this.random, createdAt)
  }

  get current(): BudgetState {
    return this.state
  }
}
