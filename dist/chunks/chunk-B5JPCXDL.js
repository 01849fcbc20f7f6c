import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)

// src/http/retry.ts
var RETRYABLE_STATUSES = /* @__PURE__ */ new Set([408, 429, 500, 502, 503, 504]);
var POST_RETRYABLE_STATUSES = /* @__PURE__ */ new Set([429]);
var POST_RETRYABLE_CODES = /* @__PURE__ */ new Set(["ECONNREFUSED"]);
var MAX_ATTEMPTS = 5;
var REQUEST_TIMEOUT_MS = 3e4;
var BACKOFF_BASE_MS = 1e3;
var BACKOFF_CAP_MS = 3e4;
var RETRY_AFTER_JITTER_MS = 1e3;
function parseRetryAfter(value, nowMs) {
  const text = value?.trim() ?? "";
  if (text === "") return void 0;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1e3);
  const at = /[a-z]/i.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(at) ? void 0 : Math.max(0, at - nowMs);
}
function retryDelayMs(attempt, retryAfter, nowMs, random) {
  const serverDelay = parseRetryAfter(retryAfter, nowMs);
  if (serverDelay !== void 0) return serverDelay + Math.floor(random() * RETRY_AFTER_JITTER_MS);
  const ceiling = Math.min(
    BACKOFF_CAP_MS,
    BACKOFF_BASE_MS * 2 ** Math.min(Math.max(attempt, 0), 30)
  );
  return Math.floor(random() * ceiling);
}
var CERTIFICATE_FAILURE = /CERT|UNABLE_TO_VERIFY|^ERR_TLS_|^ERR_SSL_/;
function isRetryableRead(err) {
  if (err.status !== void 0) return RETRYABLE_STATUSES.has(err.status);
  if (err.code !== void 0 && CERTIFICATE_FAILURE.test(err.code)) return false;
  return err.kind === "network" || err.kind === "timeout";
}
function isRetryablePost(err) {
  if (err.status !== void 0) return POST_RETRYABLE_STATUSES.has(err.status);
  return err.kind === "network" && err.code !== void 0 && POST_RETRYABLE_CODES.has(err.code);
}
var isRateLimited = (err) => err.status === 429;
var READ_POLICY = { retryable: isRetryableRead };
var POST_POLICY = { retryable: isRetryablePost, untilDeadline: isRateLimited };
var CHECK_POLICY = {
  retryable: (err) => isRetryableRead(err) && !isRateLimited(err)
};

// src/http/attempts.ts
async function withAttempts(attempt, policy, deps) {
  const { clock, signal, deadline } = deps;
  let last;
  for (let n = 1; ; n++) {
    if (aborted(signal)) return { ok: false, end: "cancelled", attempts: n - 1, last };
    const leftMs = deadline - clock.now();
    if (leftMs <= 0) return { ok: false, end: "deadline", attempts: n - 1, last };
    const result = await attempt(n, leftMs);
    if (result.ok) return { ok: true, value: result.value, attempts: n };
    const failure = last = result.failure;
    if (!policy.retryable(failure)) return { ok: false, end: "refused", attempts: n, last: failure };
    const bounded = policy.untilDeadline?.(failure) !== true;
    if (bounded && n >= MAX_ATTEMPTS) {
      return { ok: false, end: "exhausted", attempts: n, last: failure };
    }
    const delayMs = retryDelayMs(n - 1, result.retryAfter, clock.now(), deps.random);
    if (clock.now() + delayMs >= deadline) return { ok: false, end: "deadline", attempts: n, last };
    deps.onRetry?.({ attempt: n, delayMs, failure });
    try {
      await deps.sleep(delayMs, signal);
    } catch (error) {
      if (aborted(signal)) return { ok: false, end: "cancelled", attempts: n, last };
      throw error;
    }
  }
}
function aborted(signal) {
  return signal?.aborted === true;
}

export {
  REQUEST_TIMEOUT_MS,
  parseRetryAfter,
  READ_POLICY,
  POST_POLICY,
  CHECK_POLICY,
  withAttempts
};
//# sourceMappingURL=chunk-B5JPCXDL.js.map
