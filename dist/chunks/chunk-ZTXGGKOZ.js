import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  MAX_API_TEXT
} from "./chunk-CPMEAYED.js";
import {
  cut,
  neutralise
} from "./chunk-VIEEPT45.js";

// src/snapshooter/text.ts
var SCRUBBED = "***";
function cleanText(text, max = MAX_API_TEXT, secrets) {
  const scrubbed = secrets === void 0 ? scrubLinks(text) : secrets.scrub(text);
  return cut(neutralise(scrubbed).replace(/\s+/g, " ").trim(), max);
}
function cleanName(text, max, secrets) {
  return cut(neutralise(secrets.scrub(text)), max);
}
function isSecretWord(word) {
  return /x-amz-(signature|credential|security-token)|LS0tLS1CRUdJTi/i.test(word) || /[a-z]:\/\//i.test(word) && word.includes("?");
}
function scrubLinks(text) {
  return text.replace(/[^\s"'<>`]+/g, (word) => isSecretWord(word) ? SCRUBBED : word);
}
var MIN_SECRET_LENGTH = 8;
var Secrets = class {
  constructor(mask = () => void 0) {
    this.mask = mask;
  }
  mask;
  #values = /* @__PURE__ */ new Set();
  /** Remembers `value` when it is a string long enough to be a secret; masks it unless told not to. */
  add(value, { mask = true } = {}) {
    if (typeof value !== "string" || value.trim().length < MIN_SECRET_LENGTH) return;
    if (this.#values.has(value)) return;
    this.#values.add(value);
    if (mask) this.mask(value);
  }
  /** `text` without any known secret or signed link. */
  scrub(text) {
    let clean = text;
    for (const secret of [...this.#values].sort((a, b) => b.length - a.length)) {
      if (clean.includes(secret)) clean = clean.split(secret).join(SCRUBBED);
    }
    return scrubLinks(clean);
  }
};

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
  NEVER_CONNECTED_CODES,
  cleanText,
  cleanName,
  scrubLinks,
  Secrets
};
//# sourceMappingURL=chunk-ZTXGGKOZ.js.map
