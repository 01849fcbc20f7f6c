import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  parseTimestamp
} from "./chunk-QP5NUJKD.js";

// src/drill/checks.ts
var MAX_CLOCK_SKEW_MS = 5 * 6e4;
function parseTime(text) {
  return text === null ? null : parseTimestamp(text);
}
function aheadOfClockMs(time, now) {
  const at = parseTime(time);
  return at !== null && at - now > MAX_CLOCK_SKEW_MS ? at - now : 0;
}
function backupAgeMs(completedAt, now) {
  const completed = parseTime(completedAt);
  if (completed === null) return null;
  const age = now - completed;
  return -age > MAX_CLOCK_SKEW_MS ? age : Math.max(0, age);
}
function restoreDurationMs(restore, measuredMs) {
  const started = parseTime(restore?.startedAt ?? null);
  const completed = parseTime(restore?.completedAt ?? null);
  if (started !== null && completed !== null && completed >= started) return completed - started;
  return measuredMs;
}
function limitCheck(name, limitMs, actualMs, written) {
  return {
    name,
    limitSeconds: seconds(limitMs),
    ...written === void 0 ? {} : { limit: written },
    actualSeconds: actualMs === null ? null : seconds(actualMs),
    // A negative measure (a time ahead of the clock) is unreadable evidence, not a pass.
    passed: actualMs === null ? null : actualMs >= 0 && actualMs <= limitMs
  };
}
function seconds(ms) {
  return Math.round(ms / 100) / 10;
}

export {
  parseTime,
  aheadOfClockMs,
  backupAgeMs,
  restoreDurationMs,
  limitCheck,
  seconds
};
//# sourceMappingURL=chunk-I6DHMJ55.js.map
