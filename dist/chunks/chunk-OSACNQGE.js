import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)

// src/http/codes.ts
function kindOfStatus(status) {
  if (status === 401) return "auth";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 408) return "timeout";
  if (status === 429) return "rate_limited";
  if (status >= 400 && status < 500) return "validation";
  return "server";
}
var NETWORK_WORDS = {
  ECONNREFUSED: "connection refused",
  ECONNRESET: "connection reset",
  EPIPE: "connection closed while sending",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  // axios' codes: a body cut short, and a failure it could not name.
  ERR_BAD_RESPONSE: "the answer broke off",
  ERR_NETWORK: "network error"
};
function networkReason(code) {
  if (code === void 0 || code === "") return void 0;
  const words = NETWORK_WORDS[code];
  return words !== void 0 ? `${words} (${code})` : code;
}
var NEVER_CONNECTED_CODES = /* @__PURE__ */ new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN"
]);

export {
  kindOfStatus,
  networkReason,
  NEVER_CONNECTED_CODES
};
//# sourceMappingURL=chunk-OSACNQGE.js.map
