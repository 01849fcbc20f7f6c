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
function units(seconds) {
  let rest = seconds;
  const parts = [];
  for (const [unit, size] of [
    ["d", 86400],
    ["h", 3600],
    ["m", 60],
    ["s", 1]
  ]) {
    if (rest >= size) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return parts;
}
function formatDuration(ms) {
  if (ms < 1e3) return `${Math.round(ms)}ms`;
  const seconds = Math.round(ms / 1e3);
  const parts = units(seconds);
  return parts.length > 0 ? parts.join("") : `${seconds}s`;
}
function formatElapsed(ms) {
  const tenths = Math.round(ms / 100);
  if (tenths < 10) return "under 1s";
  return units(Math.round(tenths / 10)).join(" ");
}

// src/inputs/glob.ts
var SLASH = "/".charCodeAt(0);
function parseGlob(pattern) {
  const glob = [];
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    const end = char === "[" ? classEnd(pattern, i) : -1;
    if (char === "*" && pattern[i + 1] === "*") {
      glob.push({ kind: "globstar", optional: pattern[i + 2] === "/" });
      i++;
    } else if (char === "*") glob.push({ kind: "star" });
    else if (char === "?") glob.push({ kind: "any" });
    else if (end !== -1) {
      const negated = pattern[i + 1] === "!";
      const parsed = parseClass(pattern.slice(i + (negated ? 2 : 1), end));
      if (typeof parsed === "string") return { problem: parsed };
      glob.push({ kind: "class", negated, ranges: parsed });
      i = end;
    } else glob.push({ kind: "char", code: pattern.charCodeAt(i) });
  }
  return { glob };
}
function matchGlob(glob, name, meter) {
  let active = new Uint8Array(glob.length + 1);
  let next = new Uint8Array(glob.length + 1);
  let entered = new Uint8Array(glob.length + 1);
  let enteredNext = new Uint8Array(glob.length + 1);
  active[0] = 1;
  entered[0] = 1;
  let steps = skipStars(glob, active, entered);
  for (let at = 0; at < name.length; at++) {
    const code = name.charCodeAt(at);
    next.fill(0);
    enteredNext.fill(0);
    let alive = false;
    for (let i = 0; i < glob.length; i++) {
      steps++;
      if (active[i] === 0) continue;
      const token = glob[i];
      const stays = token.kind === "globstar" || token.kind === "star" && code !== SLASH;
      const target = stays ? i : accepts(token, code) ? i + 1 : -1;
      if (target !== -1) {
        next[target] = 1;
        if (target !== i) enteredNext[target] = 1;
        alive = true;
      }
    }
    ;
    [active, next] = [next, active];
    [entered, enteredNext] = [enteredNext, entered];
    if (!alive) break;
    steps += skipStars(glob, active, entered);
  }
  if (meter) meter.steps += steps;
  return active[glob.length] === 1;
}
function skipStars(glob, active, entered) {
  for (let i = 0; i < glob.length; i++) {
    const token = glob[i];
    if (active[i] !== 1 || token.kind !== "star" && token.kind !== "globstar") continue;
    active[i + 1] = 1;
    entered[i + 1] = 1;
    if (token.kind === "globstar" && token.optional && entered[i] === 1) {
      active[i + 2] = 1;
      entered[i + 2] = 1;
    }
  }
  return glob.length;
}
function accepts(token, code) {
  if (token.kind === "char") return code === token.code;
  if (code === SLASH) return false;
  if (token.kind === "any") return true;
  if (token.kind !== "class") return false;
  let member = false;
  for (let i = 0; i < token.ranges.length && !member; i += 2)
    member = token.ranges[i] <= code && code <= token.ranges[i + 1];
  return member !== token.negated;
}
function classEnd(pattern, start) {
  const first = pattern[start + 1] === "!" ? start + 2 : start + 1;
  return pattern.indexOf("]", first + 1);
}
function parseClass(body) {
  const ranges = [];
  for (let i = 0; i < body.length; ) {
    const low = body.charCodeAt(i);
    if (body[i + 1] === "-" && i + 2 < body.length) {
      const high = body.charCodeAt(i + 2);
      if (low > high) {
        const written = JSON.stringify(body.slice(i, i + 3));
        const fixed = JSON.stringify(`${body[i + 2]}-${body[i]}`);
        return `its class range ${written} runs backwards (write ${fixed})`;
      }
      ranges.push(low, high);
      i += 3;
    } else {
      ranges.push(low, low);
      i++;
    }
  }
  return ranges;
}

export {
  DAY_MS,
  MAX_BACKUP_WINDOW_MS,
  parseDuration,
  formatDuration,
  formatElapsed,
  parseGlob,
  matchGlob
};
//# sourceMappingURL=chunk-RKSAIW2P.js.map
