// One request to SnapShooter as the client sees it: the http layer's attempt, named for messages,
// with whatever went wrong turned into an ApiError, and the answer's text made safe on the way.

import {
  attemptOnce,
  type Answer,
  type AttemptOptions,
  type Exchange,
  type ExchangeFailure,
  type Http,
} from '../http/api-transport.js'
import type { Attempt } from '../http/attempts.js'
import { TEXT_LIMITS } from './api.js'
import { parseErrorBody } from './body.js'
import { ApiError, type Subject } from './errors.js'
import { cleanText, type Secrets } from './text.js'

export interface Call<T> extends Exchange {
  /** Human name of the request, for messages. */
  request: string
  /** What the request is about; none for a listing of the account. */
  subject?: Subject
  /** The restore POST: a failure after it may have reached the server must say so. */
  startsRestore?: boolean
  parse: (json: unknown, request: string) => T
}

/** Attempt `attempt` of `call`; never rejects. */
export async function attemptCall(
  http: Http,
  call: Call<unknown>,
  attempt: number,
  options: AttemptOptions & { secrets: Secrets },
): Promise<Attempt<Answer, ApiError>> {
  const result = await attemptOnce(http, call, options)
  if (result.ok) return result
  const failure = apiError(result.failure, call, attempt, options.secrets)
  return { ok: false, failure, retryAfter: result.retryAfter }
}

function apiError(
  failure: ExchangeFailure,
  call: Call<unknown>,
  attempts: number,
  secrets: Secrets,
): ApiError {
  const { answer } = failure
  return new ApiError({
    // Taken out of an error answer's text before it is cut.
    ...(answer !== undefined ? parseErrorBody(answer.body, secrets) : {}),
    kind: failure.kind,
    request: call.request,
    subject: call.subject,
    attempts,
    status: failure.status,
    requestId: answer?.requestId,
    code: failure.code,
    timeoutMs: failure.timeoutMs,
    detail: failure.detail === undefined ? undefined : cleanText(failure.detail),
    proxy: failure.proxy,
    proxyRefusal: failure.proxyRefusal,
    mayHaveStarted: call.startsRestore === true && failure.mayHaveActed,
  })
}

/**
 * The error with every piece of API text in it scrubbed of the run's secrets, a key learnt after
 * the text was first read included, and the request id (a header) made safe like any API text.
 */
export function scrubbed(error: ApiError, secrets: Secrets): ApiError {
  const scrub = (text: string | undefined): string | undefined =>
    text === undefined ? undefined : secrets.scrub(text)
  const fieldErrors =
    error.fieldErrors === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(error.fieldErrors).map(([field, list]) => [
            secrets.scrub(field),
            list.map((message) => secrets.scrub(message)),
          ]),
        )
  const requestId =
    error.requestId === undefined
      ? undefined
      : cleanText(error.requestId, TEXT_LIMITS.requestId, secrets)
  return error.with({
    apiMessage: scrub(error.apiMessage),
    fieldErrors,
    requestId,
    detail: scrub(error.detail),
  })
}
