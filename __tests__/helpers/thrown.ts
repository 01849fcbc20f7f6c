// The error a piece of code ends with, for tests that go on to read its message and fields. The
// test fails when the code ends otherwise: without an error, or with one of another class.
import { expect } from '@jest/globals'
import { ApiError } from '../../src/snapshooter/errors.js'

type ErrorClass<E> = abstract new (...args: never[]) => E

export function thrown<E>(type: ErrorClass<E>, run: () => unknown): E {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(type)
    return error as E
  }
  throw new Error(`expected a ${type.name}, and nothing was thrown`)
}

export async function rejected<E>(type: ErrorClass<E>, promise: Promise<unknown>): Promise<E> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(type)
    return error as E
  }
  throw new Error(`expected a ${type.name}, and the promise was fulfilled`)
}

/** The ApiError of an answer that was not the JSON expected of it. */
export function malformed(run: () => unknown): ApiError {
  const error = thrown(ApiError, run)
  expect(error.kind).toBe('malformed')
  return error
}
