import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  cleanText,
  networkReason
} from "./chunk-ZTXGGKOZ.js";
import {
  TEXT_LIMITS
} from "./chunk-CPMEAYED.js";
import {
  Failure,
  Input
} from "./chunk-VIEEPT45.js";

// src/snapshooter/errors.ts
var ApiError = class _ApiError extends Failure {
  kind;
  request;
  status;
  apiMessage;
  fieldErrors;
  requestId;
  attempts;
  mayHaveStarted;
  code;
  detail;
  subject;
  timeoutMs;
  #init;
  constructor(init) {
    super(describeApiError(init));
    this.#init = init;
    this.name = "ApiError";
    this.kind = init.kind;
    this.request = init.request;
    this.status = init.status;
    this.apiMessage = init.apiMessage;
    this.fieldErrors = init.fieldErrors;
    this.requestId = init.requestId;
    this.attempts = init.attempts ?? 1;
    this.mayHaveStarted = init.mayHaveStarted ?? false;
    this.code = init.code;
    this.detail = init.detail;
    this.subject = init.subject;
    this.timeoutMs = init.timeoutMs;
  }
  /** A copy with some fields changed; the message is rebuilt to match. */
  with(changes) {
    return new _ApiError({ ...this.#init, ...changes });
  }
};
var RERUN = "worth re-running later";
var MAY_HAVE_STARTED = "a restore may have started: check SnapShooter before running again";
function formatMs(ms) {
  return ms < 1e3 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`;
}
function said(apiMessage) {
  return apiMessage !== void 0 && apiMessage !== "" ? `: "${cleanText(apiMessage)}"` : "";
}
function fieldList(fieldErrors) {
  return Object.entries(fieldErrors ?? {}).map(
    ([field, messages]) => `; ${cleanText(field, TEXT_LIMITS.field)}: ${cleanText(messages.join(" "))}`
  ).join("");
}
function notFound({ subject, request }) {
  if (subject === void 0) return [`${request} failed: not found (HTTP 404)`, ""];
  const check = subject.input !== void 0 ? `check \`${subject.input}\`` : "";
  return [`${subject.noun} ${subject.id} was not found (HTTP 404)`, check];
}
function networkLine(init, after) {
  const code = init.code ?? "";
  const reason = networkReason(code) ?? init.detail ?? "network error";
  const badUrl = code === "ECONNREFUSED" || code === "ENOTFOUND";
  const check = init.proxy !== void 0 ? `the proxy settings and \`${Input.apiUrl}\`` : `\`${Input.apiUrl}\``;
  const via = init.proxy !== void 0 ? ` (through proxy ${init.proxy})` : "";
  return [
    `${init.request} failed${after}: ${reason}${via}`,
    badUrl ? `check ${check}, or ${RERUN}` : RERUN
  ];
}
function statusLine(init, after) {
  const status = init.status ?? 0;
  if (status >= 300 && status < 400) {
    const what2 = `${init.request} failed: SnapShooter answered HTTP ${status}, a redirect, which is not followed`;
    return [what2, `check \`${Input.apiUrl}\``];
  }
  const reason = status === 429 ? " (too many requests)" : "";
  const what = `${init.request} failed${after}: SnapShooter answered HTTP ${status}${reason}`;
  return [`${what}${said(init.apiMessage)}`, RERUN];
}
function timeoutLine(init, after) {
  if (init.status !== void 0) return statusLine(init, after);
  const within = init.timeoutMs !== void 0 ? ` within ${formatMs(init.timeoutMs)}` : "";
  return [`${init.request} failed${after}: no answer${within}`, RERUN];
}
function line(init) {
  const attempts = init.attempts ?? 1;
  const after = attempts > 1 ? ` after ${attempts} attempts` : "";
  const status = init.status;
  if (init.proxyRefusal !== void 0)
    return [`${init.request} failed${after}: ${init.proxyRefusal.said}`, init.proxyRefusal.todo];
  switch (init.kind) {
    case "auth":
      return [
        `${init.request} failed: the API token was rejected (HTTP ${status ?? 401})`,
        `check the secret given as \`${Input.apiToken}\``
      ];
    case "forbidden":
      return [
        `${init.request} failed: the API token may not do this (HTTP ${status ?? 403})${said(init.apiMessage)}`,
        "use a token with the rights to do it"
      ];
    case "not_found":
      return notFound(init);
    case "validation": {
      if (status === 407) {
        const what2 = `${init.request} failed: the proxy${init.proxy !== void 0 ? ` ${init.proxy}` : ""} asked for credentials (HTTP 407)`;
        return [what2, "give them in the proxy URL, as http://user:password@host:port"];
      }
      const what = `${init.request} was refused (HTTP ${status ?? 422})${said(init.apiMessage)}`;
      return [`${what}${fieldList(init.fieldErrors)}`, ""];
    }
    case "rate_limited":
    case "server":
      return statusLine(init, after);
    case "network":
      return networkLine(init, after);
    case "timeout":
      return timeoutLine(init, after);
    case "malformed":
      return [
        `${init.request} failed: the answer was not the expected JSON (${init.detail ?? "unreadable"})`,
        ""
      ];
    case "cancelled":
      return [`${init.request} was cancelled`, ""];
    case "deadline": {
      const limit = `the time limit (\`${Input.timeout}\`) ran out`;
      return attempts === 0 ? [`${init.request} was not sent: ${limit}`, ""] : [`${init.request} got no answer before ${limit}`, ""];
    }
  }
}
function describeApiError(init) {
  const [what, todo] = line(init);
  const action = init.mayHaveStarted === true ? MAY_HAVE_STARTED : todo;
  const id = init.requestId !== void 0 ? ` (request id ${cleanText(init.requestId, TEXT_LIMITS.requestId)})` : "";
  return `${what}${action !== "" ? `: ${action}` : ""}${id}`;
}

export {
  ApiError,
  formatMs
};
//# sourceMappingURL=chunk-XH7RMSY5.js.map
