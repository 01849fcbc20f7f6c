import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)

// src/duration.ts
var DAY_MS = 864e5;
var MAX_BACKUP_WINDOW_MS = 365 * DAY_MS;
var UNIT_MS = {
  ms: 1,
  s: 1e3,
  m: 6e4,
  h: 36e5,
  d: DAY_MS
};
var UNIT_ORDER = ["d", "h", "m", "s", "ms"];
var PART = /(\d+(?:\.\d+)?)(ms|d|h|m|s)/gy;
function parseDuration(text) {
  const value = text.trim().toLowerCase();
  if (value === "") return null;
  if (/^\d+(\.\d+)?$/.test(value)) return finite(Number(value) * 1e3);
  PART.lastIndex = 0;
  let total = 0;
  let lastUnit = -1;
  let match;
  while ((match = PART.exec(value)) !== null) {
    const [, amount = "", unit = ""] = match;
    const order = UNIT_ORDER.indexOf(unit);
    if (order <= lastUnit) return null;
    lastUnit = order;
    total += Number(amount) * (UNIT_MS[unit] ?? NaN);
    if (PART.lastIndex === value.length) return finite(total);
  }
  return null;
}
function finite(ms) {
  return Number.isFinite(ms) ? Math.round(ms) : null;
}
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)}ms`;
  let rest = Math.round(ms / 1e3);
  const parts = [];
  for (const [unit, size] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60]
  ]) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  if (rest > 0 || parts.length === 0) parts.push(`${rest}s`);
  return parts.join("");
}

export {
  DAY_MS,
  MAX_BACKUP_WINDOW_MS,
  parseDuration,
  formatDuration
};
//# sourceMappingURL=chunk-U6HNZVOX.js.map
