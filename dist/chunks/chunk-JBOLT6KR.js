import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  formatDuration,
  parseDuration,
  parseGlob
} from "./chunk-RKSAIW2P.js";
import {
  Input
} from "./chunk-VIEEPT45.js";
import {
  isSecureUrl
} from "./chunk-UBNUX3TW.js";

// src/markdown.ts
function escapeHtml(value) {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
function prose(value) {
  return inline(value).replace(/&#96;([\w .:-]{1,40})&#96;/g, "<code>$1</code>");
}
function inline(value) {
  return escapeHtml(value).replace(/[\\`*[\]|~]/g, (char) => `&#${char.charCodeAt(0)};`).replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, "&#95;").replace(/:\/\//g, "&#58;//").replace(/\b(www)\./gi, "$1&#46;").replace(/\s*\r?\n\s*/g, " ");
}

// src/inputs/values.ts
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var MAX_LABEL_LENGTH = 50;
var MAX_TIMEOUT_MS = 6 * 36e5;
var MIN_POLL_INTERVAL_MS = 100;
var DURATION_BOUNDS = {
  timeout: { min: 1e3, max: MAX_TIMEOUT_MS },
  pollInterval: { min: MIN_POLL_INTERVAL_MS, max: MAX_TIMEOUT_MS },
  /** `max_backup_age` and `max_restore_duration`: no upper bound but a number's. */
  limit: { min: 1e3, max: Number.MAX_SAFE_INTEGER }
};
var ok = (value) => ({ ok: true, value });
var refused = (...problems) => ({ ok: false, problems });
function problem(name, rule, { got } = {}) {
  return got === void 0 ? `\`${name}\` ${rule}` : `\`${name}\` ${rule} (got ${quote(got)})`;
}
function collect(fields) {
  const problems = Object.values(fields).flatMap((field) => field.ok ? [] : field.problems);
  if (problems.length > 0) return { ok: false, problems };
  const values = Object.fromEntries(
    Object.entries(fields).map(([key, field]) => [key, field.ok ? field.value : void 0])
  );
  return ok(values);
}
function oneOf(name, text, choices) {
  const found = choices.find((choice) => choice === text);
  if (found !== void 0) return ok(found);
  const listed = choices.map((choice) => `\`${choice}\``);
  const words = `${listed.slice(0, -1).join(", ")} or ${listed.at(-1) ?? ""}`;
  return refused(problem(name, `must be ${words}`, { got: text }));
}
function parseBoolean(name, text) {
  if (["true", "True", "TRUE"].includes(text)) return ok(true);
  if (["false", "False", "FALSE"].includes(text)) return ok(false);
  return refused(problem(name, "must be `true` or `false`", { got: text }));
}
function requiredDuration(name, text, bounds) {
  const ms = parseDuration(text);
  if (ms === null) {
    const rule = "must be a duration such as `90s`, `30m`, `1h30m`, `30d`, `500ms` or a number of seconds";
    return refused(problem(name, rule, { got: text }));
  }
  if (ms < bounds.min)
    return refused(problem(name, `must be at least ${formatDuration(bounds.min)}`, { got: text }));
  if (ms > bounds.max)
    return refused(problem(name, `must be at most ${formatDuration(bounds.max)}`, { got: text }));
  return ok(ms);
}
function optionalDuration(name, text, bounds) {
  return text === "" ? ok(null) : requiredDuration(name, text, bounds);
}
function optionalText(text) {
  return text === "" ? null : text;
}
function parseCompute(type, serverId) {
  if (type === "" && serverId === "") return ok(null);
  const problems = [];
  const validType = type === "server" || type === "ss_agent";
  if (type === "") {
    const rule = "is required with `server_id`: `server` or `ss_agent`";
    problems.push(problem(Input.computeType, rule, { got: type }));
  } else if (!validType)
    problems.push(problem(Input.computeType, "must be `server` or `ss_agent`", { got: type }));
  const id = /^\d+$/.test(serverId) ? Number(serverId) : NaN;
  if (serverId === "") {
    const rule = "is required with `compute_type`: a positive integer";
    problems.push(problem(Input.serverId, rule, { got: serverId }));
  } else if (!(Number.isSafeInteger(id) && id > 0))
    problems.push(problem(Input.serverId, "must be a positive integer", { got: serverId }));
  if (!validType || problems.length > 0) return refused(...problems);
  return ok(Object.freeze({ type, serverId: id }));
}
function parseFiles(text) {
  const entries = [...new Set(text.split(/[,\n]/).map((entry) => entry.trim()))];
  return entries.filter((entry) => entry !== "").map(
    (entry) => UUID.test(entry) ? { kind: "id", id: entry.toLowerCase() } : { kind: "pattern", pattern: entry }
  );
}
function parseFileList(text) {
  const files = parseFiles(text);
  const problems = files.flatMap((selector) => {
    if (selector.kind !== "pattern") return [];
    const parsed = parseGlob(selector.pattern);
    if (!("problem" in parsed)) return [];
    const rule = `entry ${quote(selector.pattern)} is not a pattern: ${parsed.problem}`;
    return [problem(Input.files, rule)];
  });
  return problems.length > 0 ? refused(...problems) : ok(Object.freeze(files));
}
function labelRule(label) {
  if (label === "" || label.length > MAX_LABEL_LENGTH)
    return `must be a label name of 1 to ${MAX_LABEL_LENGTH} characters`;
  if (label.includes(","))
    return "must be one label name, without a comma: GitHub reads a comma as a list of labels";
  return null;
}
function parseApiUrlInput(text) {
  const url = parseApiUrl(text);
  if (url !== null) return ok(url);
  const rule = "must be an https:// URL without user:password, query or fragment (http:// only for loopback hosts)";
  return refused(problem(Input.apiUrl, rule, { got: text }));
}
function parseApiUrl(text) {
  if (/[?#]/.test(text)) return null;
  let url;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.username !== "" || url.password !== "") return null;
  if (!isSecureUrl(url)) return null;
  return url.href.replace(/\/+$/, "");
}
function quote(value) {
  const cut = value.length > 60 ? `${value.slice(0, 60)}\u2026` : value;
  return JSON.stringify(cut);
}

// src/inputs/history.ts
var DEFAULT_HISTORY_SIZE = 500;
var MAX_HISTORY_SIZE = 1e4;
function parseHistorySize(text) {
  const value = text.trim();
  if (value === "") return DEFAULT_HISTORY_SIZE;
  if (!/^\d{1,5}$/.test(value)) return null;
  const size = Number(value);
  return size >= 1 && size <= MAX_HISTORY_SIZE ? size : null;
}
function branchNameProblem(name) {
  if (/[\u0000-\u0020\u007f~^:?*[\\]/.test(name))
    return "it has a space, a control character or one of ~ ^ : ? * [ \\";
  if (name === "") return "it is empty";
  if (name === "@") return "git keeps @ for HEAD";
  if (name.startsWith("-")) return "it starts with -";
  if (/\.\.|@\{|\/\//.test(name)) return "it has .., @{ or //";
  if (/^\/|\/$|\.$/.test(name)) return "it starts or ends with / or ends with .";
  if (name.split("/").some((part) => part.startsWith(".") || part.endsWith(".lock")))
    return "a part of it starts with . or ends with .lock";
  return null;
}
function parseHistory(raw, target, { tokenReported = false } = {}) {
  const branch = raw(Input.historyBranch);
  const sizeText = raw(Input.historySize);
  const size = parseHistorySize(sizeText);
  const problems = [];
  if (size === null) {
    const rule = `must be a whole number from 1 to ${MAX_HISTORY_SIZE}`;
    problems.push(problem(Input.historySize, rule, { got: sizeText }));
  }
  const branchProblem = branch === "" ? null : branchNameProblem(branch);
  if (branchProblem !== null)
    problems.push(
      problem(Input.historyBranch, `is no branch name: ${branchProblem}`, { got: branch })
    );
  const githubToken = branch === "" ? "" : raw(Input.githubToken);
  if (branch !== "" && githubToken === "" && !tokenReported) {
    const rule = "is required with `history_branch`: leave it out to use the workflow token";
    problems.push(problem(Input.githubToken, rule));
  }
  if (problems.length > 0) return refused(...problems);
  if (branch === "" || size === null) return ok(null);
  return ok(Object.freeze({ branch, size, githubToken, target }));
}

export {
  escapeHtml,
  prose,
  inline,
  UUID,
  DURATION_BOUNDS,
  ok,
  refused,
  problem,
  collect,
  oneOf,
  parseBoolean,
  requiredDuration,
  optionalDuration,
  optionalText,
  parseCompute,
  parseFileList,
  labelRule,
  parseApiUrlInput,
  quote,
  DEFAULT_HISTORY_SIZE,
  MAX_HISTORY_SIZE,
  parseHistory
};
//# sourceMappingURL=chunk-JBOLT6KR.js.map
