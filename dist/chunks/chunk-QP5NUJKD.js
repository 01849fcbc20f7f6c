import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)

// src/snapshooter/timestamps.ts
var ISO_8601 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;
function parseTimestamp(text) {
  const match = ISO_8601.exec(text);
  if (match === null) return null;
  const part = (index) => Number(match[index] ?? 0);
  const [year, month, day, hour, minute, second] = [1, 2, 3, 4, 5, 6].map(part);
  const [offsetHours, offsetMinutes] = [part(10), part(11)];
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 23 || offsetMinutes > 59) return null;
  const date = /* @__PURE__ */ new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, Math.floor(Number(`0.${match[7] ?? "0"}`) * 1e3));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const sign = match[9] === "-" ? -1 : 1;
  return date.getTime() - sign * (offsetHours * 60 + offsetMinutes) * 6e4;
}

export {
  parseTimestamp
};
//# sourceMappingURL=chunk-QP5NUJKD.js.map
