import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)

// src/duration.ts
var UNIT_MS = {
  ms: 1,
  s: 1e3,
  m: 6e4,
  h: 36e5,
  d: 864e5
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

// src/download/timed-out.ts
var DownloadTimedOut = class extends Error {
  constructor(message) {
    super(message);
    this.name = "DownloadTimedOut";
  }
};

// src/drill/refusal.ts
var DrillRefusal = class extends Error {
  constructor(message) {
    super(message);
    this.name = "DrillRefusal";
  }
};

// src/drill/files.ts
function selectFiles(backupId, files, selectors) {
  if (selectors.length === 0) return [...files];
  const tests = selectors.map((selector) => ({ selector, test: fileTest(selector) }));
  const unmatched = tests.filter(({ test }) => !files.some(test)).map(({ selector }) => show(selector));
  if (unmatched.length > 0) {
    const names = files.map((file) => baseName(file.name));
    const shown = names.length > 10 ? [...names.slice(0, 10), `and ${names.length - 10} more`] : names;
    throw new DrillRefusal(
      `\`files\` ${unmatched.length === 1 ? "entry" : "entries"} ${unmatched.join(", ")} ${unmatched.length === 1 ? "matches" : "match"} no file of backup ${backupId}; its files are: ${shown.join(", ") || "none"}.`
    );
  }
  return files.filter((file) => tests.some(({ test }) => test(file)));
}
function baseName(name) {
  return name.slice(name.lastIndexOf("/") + 1);
}
function fileTest(selector) {
  if (selector.kind === "id") return (file) => file.id.toLowerCase() === selector.id;
  const regex = globToRegExp(selector.pattern);
  return selector.pattern.includes("/") ? (file) => regex.test(file.name) : (file) => regex.test(baseName(file.name));
}
function globToRegExp(pattern) {
  let source = "";
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === "*" && pattern[i + 1] === "*") {
      source += ".*";
      i++;
    } else if (char === "*") source += "[^/]*";
    else if (char === "?") source += "[^/]";
    else if (char === "[" && classEnd(pattern, i) !== -1) {
      const end = classEnd(pattern, i);
      const negated = pattern[i + 1] === "!";
      const body = pattern.slice(i + (negated ? 2 : 1), end).replace(/[\\\]^]/g, "\\$&");
      source += negated ? `[^/${body}]` : `(?!/)[${body}]`;
      i = end;
    } else source += char.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}
function classEnd(pattern, start) {
  const first = pattern[start + 1] === "!" ? start + 2 : start + 1;
  return pattern.indexOf("]", first + 1);
}
function show(selector) {
  return JSON.stringify(selector.kind === "id" ? selector.id : selector.pattern);
}

// src/urls.ts
var LOOPBACK_HOSTS = /* @__PURE__ */ new Set(["localhost", "[::1]"]);
function isSecureUrl(url) {
  const loopback = LOOPBACK_HOSTS.has(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname);
  return url.protocol === "https:" || url.protocol === "http:" && loopback;
}

export {
  parseDuration,
  formatDuration,
  DrillRefusal,
  selectFiles,
  baseName,
  isSecureUrl,
  DownloadTimedOut
};
//# sourceMappingURL=chunk-52L7FT2A.js.map
