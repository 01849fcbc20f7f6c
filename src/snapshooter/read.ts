// The field readers the parsers of answers are made of. Each checks one value's shape and, for
// text, makes it safe where it is read: neutralised, without secrets, cut to its field's limit.
// Ids must be UUIDs and times strict ISO 8601, so neither can carry anything else.

import { TEXT_LIMITS, UUID_PATTERN } from './api.js'
import { ApiError } from './errors.js'
import { cleanName, cleanText, type Secrets } from './text.js'
import { parseTimestamp } from './timestamps.js'

/** Thrown deep inside a parser and turned into one ApiError that names the request. */
export class ShapeError extends Error {}

export type Json = Record<string, unknown>

export type TextKind = 'word' | 'name'

function typeOf(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`
}

export function fail(path: string, problem: string): never {
  throw new ShapeError(`\`${path}\` ${problem}`)
}

export function wrong(path: string, value: unknown, expected: string): never {
  fail(path, value === undefined ? 'is missing' : `is ${typeOf(value)}, not ${expected}`)
}

export function object(value: unknown, path: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    wrong(path, value, 'an object')
  }
  return value as Json
}

export function optionalObject(value: unknown, path: string): Json | null {
  return value === undefined || value === null ? null : object(value, path)
}

export function array(value: unknown, path: string): unknown[] {
  return Array.isArray(value) ? value : wrong(path, value, 'an array')
}

export function optionalInteger(value: unknown, path: string): number | null {
  if (value === undefined || value === null) return null
  return Number.isSafeInteger(value) ? (value as number) : wrong(path, value, 'an integer')
}

/** A string that is only read, never shown (a paging link), and so kept as it came. */
export function optionalRawText(value: unknown, path: string): string | null {
  if (value === undefined || value === null) return null
  if (typeof value !== 'string' || value === '') wrong(path, value, 'a non-empty string')
  return value
}

/** Runs a parser, turning its ShapeError into the malformed ApiError of `request`. */
export function guarded<T>(request: string, parse: () => T): T {
  try {
    return parse()
  } catch (e) {
    if (e instanceof ShapeError)
      throw new ApiError({ kind: 'malformed', request, detail: e.message })
    throw e
  }
}

/** Reads the strings of one answer, with the secrets the run knows of at hand. */
export class Reader {
  constructor(readonly secrets: Secrets) {}

  /** A non-empty string, kept as safe text of its kind's length. */
  text(value: unknown, path: string, kind: TextKind): string {
    if (typeof value !== 'string' || value === '') wrong(path, value, 'a non-empty string')
    return kind === 'name'
      ? cleanName(value, TEXT_LIMITS.name, this.secrets)
      : cleanText(value, TEXT_LIMITS.word, this.secrets)
  }

  optionalText(value: unknown, path: string, kind: TextKind): string | null {
    return value === undefined || value === null ? null : this.text(value, path, kind)
  }

  /** A UUID, as given; anything else is quoted (made safe and short) in the complaint. */
  uuid(value: unknown, path: string): string {
    if (typeof value !== 'string' || value === '') wrong(path, value, 'a non-empty string')
    if (!UUID_PATTERN.test(value)) fail(path, `is ${this.quote(value)}, not a UUID`)
    return value
  }

  optionalUuid(value: unknown, path: string): string | null {
    return value === undefined || value === null ? null : this.uuid(value, path)
  }

  /** An ISO 8601 time with a zone, as SnapShooter wrote it (it can hold nothing else). */
  optionalTime(value: unknown, path: string): string | null {
    if (value === undefined || value === null) return null
    if (typeof value !== 'string') wrong(path, value, 'a timestamp')
    if (parseTimestamp(value) === null) fail(path, 'is not a timestamp')
    return value
  }

  quote(value: string): string {
    return JSON.stringify(cleanText(value, 40, this.secrets))
  }
}

/** A UUID the answer gave where the one asked for was expected: a reply about something else. */
export function same(found: string, asked: string | undefined, path: string, noun: string): void {
  if (asked !== undefined && found.toLowerCase() !== asked.toLowerCase())
    fail(path, `is ${found}, another ${noun} than the one asked for`)
}
