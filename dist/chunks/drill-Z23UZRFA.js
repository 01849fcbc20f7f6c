import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  DEFAULT_HISTORY_SIZE,
  MAX_HISTORY_SIZE,
  inline,
  prose
} from "./chunk-JBOLT6KR.js";
import {
  formatElapsed
} from "./chunk-RKSAIW2P.js";
import {
  AlertCancelled,
  GitHubSilent,
  answeredStatus,
  guardRequests
} from "./chunk-3VSCJHLQ.js";
import {
  runUrl
} from "./chunk-MJATRFDO.js";
import {
  realSleep,
  systemClock
} from "./chunk-U74NIOEJ.js";
import "./chunk-XH7RMSY5.js";
import "./chunk-ZTXGGKOZ.js";
import "./chunk-CPMEAYED.js";
import {
  errorMessage,
  info
} from "./chunk-VIEEPT45.js";
import "./chunk-UBNUX3TW.js";
import {
  backupAgeSeconds,
  checkLimit,
  checkLimitText,
  durationSeconds,
  endedAt,
  makeRecord,
  readRecord,
  recordKey
} from "./chunk-IZ3IYCTI.js";
import "./chunk-23VKRORU.js";

// src/history/format.ts
var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
function utcMinute(ms) {
  return `${new Date(ms).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}
function utcDay(ms, withYear = false) {
  const date = new Date(ms);
  const day = `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}`;
  return withYear ? `${day} ${date.getUTCFullYear()}` : day;
}
function utcClock(ms) {
  return new Date(ms).toISOString().slice(11, 16);
}
function seconds(value) {
  return formatElapsed(value * 1e3);
}
function span(ms) {
  const value = Math.max(0, ms);
  for (const [unit, size] of [
    ["day", 864e5],
    ["hour", 36e5],
    ["minute", 6e4]
  ]) {
    if (value >= size) {
      const count2 = Math.floor(value / size);
      return `${count2} ${unit}${count2 === 1 ? "" : "s"}`;
    }
  }
  const count = Math.floor(value / 1e3);
  return `${count} second${count === 1 ? "" : "s"}`;
}
function percent(rate2) {
  if (rate2 === null) return "\u2013";
  const whole = rate2 >= 1 ? 100 : rate2 <= 0 ? 0 : Math.min(99, Math.max(1, Math.round(rate2 * 100)));
  return `${whole} %`;
}

// src/history/ledger.ts
import { createHash } from "node:crypto";
var MAX_SLUG_LENGTH = 64;
var HASH_LENGTH = 8;
function slug(target) {
  const plain = target.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  const hash = createHash("sha256").update(target).digest("hex").slice(0, HASH_LENGTH);
  if (plain === "") return `drill-${hash}`;
  if (plain.length <= MAX_SLUG_LENGTH) return plain;
  const cut = plain.slice(0, MAX_SLUG_LENGTH - HASH_LENGTH - 1).replace(/-+$/, "");
  return `${cut}-${hash}`;
}
var ledgerPath = (targetSlug) => `drills/${targetSlug}.jsonl`;
var chartPath = (targetSlug) => `charts/${targetSlug}.svg`;
function slugOfLedgerPath(path) {
  return /^drills\/([a-z0-9-]+)\.jsonl$/.exec(path)?.[1] ?? null;
}
function parseLedger(text2) {
  const lines = [];
  for (const raw of text2.split("\n")) {
    const line2 = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line2.trim() === "") continue;
    lines.push({ text: line2, record: readRecord(parseJson(line2)) });
  }
  const records = lines.flatMap((line2) => line2.record ? [line2.record] : []);
  return { lines, records, unreadable: lines.length - records.length };
}
function appendRecords(text2, records, historySize = DEFAULT_HISTORY_SIZE) {
  const size = Math.min(Math.max(1, Math.floor(historySize)), MAX_HISTORY_SIZE);
  const { lines } = parseLedger(text2);
  const seen = new Set(lines.flatMap((line2) => line2.record ? [recordKey(line2.record)] : []));
  const added = [];
  for (const record of records) {
    const key = recordKey(record);
    if (seen.has(key)) continue;
    seen.add(key);
    added.push(record);
  }
  const all = [...lines.map((line2) => line2.text), ...added.map((record) => JSON.stringify(record))];
  const dropped = Math.max(0, all.length - size);
  const kept = all.slice(dropped);
  return { text: kept.length === 0 ? "" : `${kept.join("\n")}
`, added, dropped };
}
function parseJson(line2) {
  try {
    return JSON.parse(line2);
  } catch {
    return void 0;
  }
}

// src/history/stats.ts
var RATE_WINDOWS = [30, 90, 365];
var RECENT_DRILLS = 20;
var RTO_WARNING_DRILLS = 3;
var RTO_WARNING_SHARE = 0.8;
var STALE_INTERVALS = 2;
var DAY_MS = 864e5;
var BLOCKS = ["\u2581", "\u2582", "\u2583", "\u2584", "\u2585", "\u2586", "\u2587", "\u2588"];
var NO_DURATION = "\xB7";
function byTime(records) {
  return records.map((record, index) => ({ record, index, at: endedAt(record) })).sort((a, b) => a.at - b.at || a.index - b.index).map(({ record }) => record);
}
function targetStats(target, records, now) {
  const drills = byTime(records);
  const newest = drills.at(-1);
  return {
    target,
    drills: drills.length,
    last: newest ? { at: endedAt(newest), outcome: newest.outcome } : null,
    rates: RATE_WINDOWS.map((days) => rate(drills, days, now)),
    duration: newestMeasure(drills, durationSeconds, "max_restore_duration"),
    backupAge: newestMeasure(drills, backupAgeSeconds, "max_backup_age"),
    recent: drills.slice(-RECENT_DRILLS).map((record) => ({
      at: endedAt(record),
      outcome: record.outcome,
      seconds: durationSeconds(record)
    }))
  };
}
function rate(drills, days, now) {
  const since = now - days * DAY_MS;
  const inWindow = drills.filter((record) => endedAt(record) > since);
  const succeeded = inWindow.filter((record) => record.outcome === "succeeded").length;
  return {
    days,
    drills: inWindow.length,
    succeeded,
    rate: inWindow.length === 0 ? null : succeeded / inWindow.length
  };
}
function newestMeasure(drills, measure, check) {
  for (let i = drills.length - 1; i >= 0; i--) {
    const record = drills[i];
    const seconds2 = measure(record);
    if (seconds2 === null) continue;
    const limitSeconds = checkLimit(record, check);
    return {
      at: endedAt(record),
      seconds: seconds2,
      limitSeconds,
      limitText: limitSeconds === null ? null : checkLimitText(record, check),
      passed: limitSeconds === null ? null : seconds2 <= limitSeconds
    };
  }
  return null;
}
function sparkline(values) {
  const longest = Math.max(0, ...values.map((value) => value ?? 0));
  return values.map((value) => {
    if (value === null) return NO_DURATION;
    if (longest === 0) return BLOCKS[0];
    const index = Math.ceil(value / longest * BLOCKS.length) - 1;
    return BLOCKS[Math.min(BLOCKS.length - 1, Math.max(0, index))];
  }).join("");
}
function rtoWarning(records, limitSeconds = null) {
  const last = byTime(records).slice(-RTO_WARNING_DRILLS);
  const limit = limitSeconds ?? (last.at(-1) ? checkLimit(last.at(-1), "max_restore_duration") : null);
  if (limit === null || limit <= 0 || last.length < RTO_WARNING_DRILLS) return null;
  const seconds2 = last.map(durationSeconds);
  if (!seconds2.every((value) => value !== null && value > RTO_WARNING_SHARE * limit)) return null;
  return { limitSeconds: limit, seconds: seconds2 };
}
function staleness(records, now) {
  const drills = byTime(records);
  const recent = drills.slice(-RECENT_DRILLS).map(endedAt);
  if (recent.length < 3) return null;
  const usualIntervalMs = median(recent.slice(1).map((at, i) => at - recent[i]));
  if (usualIntervalMs <= 0) return null;
  const success = drills.findLast((record) => record.outcome === "succeeded");
  const lastSuccessAt = success ? endedAt(success) : null;
  const since = lastSuccessAt ?? endedAt(drills[0]);
  if (now - since <= STALE_INTERVALS * usualIntervalMs) return null;
  return { lastSuccessAt, usualIntervalMs, sinceMs: now - since };
}
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

// src/history/summary.ts
var OUTCOME_MARK = {
  succeeded: "\u2705",
  failed: "\u274C",
  timed_out: "\u23F1\uFE0F",
  cancelled: "\u{1F6AB}"
};
function historyWarnings(target, records, now, limitSeconds = null) {
  const warnings = [];
  const rto = rtoWarning(records, limitSeconds);
  if (rto) {
    const share = Math.round(RTO_WARNING_SHARE * 100);
    warnings.push(
      `Restore drill ${oneLine(target)}: each of the last ${rto.seconds.length} restores took over ${share} % of \`max_restore_duration\` (${seconds(rto.limitSeconds)}): ${rto.seconds.map(seconds).join(", ")}. Make the restore faster or raise the limit before a drill fails on it.`
    );
  }
  const stale = staleness(records, now);
  if (stale) {
    const usual = span(stale.usualIntervalMs);
    warnings.push(
      stale.lastSuccessAt === null ? `Restore drill ${oneLine(target)}: no drill has succeeded in the ${span(stale.sinceMs)} of its history, where drills usually come ${usual} apart.` : `Restore drill ${oneLine(target)}: the last successful drill was ${span(stale.sinceMs)} ago (${utcMinute(stale.lastSuccessAt)}), more than twice the usual ${usual} between drills.`
    );
  }
  return warnings;
}
function recentDrills(target, records, { now, historyUrl: historyUrl2 = null, limitSeconds = null, rows = 10 }) {
  const stats = targetStats(target, records, now);
  const lines = [`### Drill history of ${inline(target)}`, ""];
  if (stats.drills === 0) return [...lines, "No drill recorded yet.", ""].join("\n");
  lines.push(`${rateLine(stats)}${historyUrl2 ? ` \xB7 [dashboard](${historyUrl2})` : ""}`, "");
  const durations = stats.recent.map((drill) => drill.seconds);
  lines.push(
    `Durations of the last ${durations.length} drills, oldest first: <code>${sparkline(durations)}</code>`,
    "",
    "| Drill ended | Outcome | Duration |",
    "| --- | --- | --- |"
  );
  for (const drill of stats.recent.slice(-rows).reverse()) {
    lines.push(
      `| ${utcMinute(drill.at)} | ${OUTCOME_MARK[drill.outcome]} ${drill.outcome} | ${drill.seconds === null ? "\u2013" : seconds(drill.seconds)} |`
    );
  }
  for (const warning of historyWarnings(target, records, now, limitSeconds))
    lines.push("", `> \u26A0\uFE0F ${prose(warning)}`);
  return [...lines, ""].join("\n");
}
function rateLine(stats) {
  return `Success: ${stats.rates.map(
    (rate2) => `${percent(rate2.rate)} (${rate2.succeeded} of ${rate2.drills}) in ${rate2.days} days`
  ).join(" \xB7 ")}`;
}
function oneLine(text2) {
  return text2.replace(/\s+/g, " ").trim();
}

// src/history/dashboard.ts
var DASHBOARD_TITLE = "# Restore drill history";
function dashboard(targets, options) {
  const { now, historySize, runUrl: runUrl2 = null } = options;
  const sorted = [...targets].sort((a, b) => a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0);
  const updated = `Updated ${utcMinute(now)}${runUrl2 ? ` by [this run](${runUrl2})` : ""}.`;
  const lines = [
    DASHBOARD_TITLE,
    "",
    `${updated} Each drill target keeps its newest ${historySize} drills in \`drills/<target>.jsonl\`, one result JSON per line, oldest first. Success rates count the drills that ended in the last 30, 90 and 365 days. Times are UTC.`,
    ""
  ];
  if (sorted.length === 0) return [...lines, "No drill recorded yet.", ""].join("\n");
  lines.push(
    "| Target | Last drill | 30 days | 90 days | 365 days | Newest duration vs RTO | Backup age vs RPO | Evidence |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |"
  );
  for (const entry of sorted) lines.push(row(entry, now));
  for (const entry of sorted) lines.push(...section(entry, now));
  return lines.join("\n");
}
function row(entry, now) {
  const stats = targetStats(entry.target, entry.records, now);
  const last = stats.last ? `${OUTCOME_MARK[stats.last.outcome]} ${stats.last.outcome.replace("_", " ")}, ${utcMinute(stats.last.at)}` : "\u2013";
  const cells = [
    `**${inline(entry.target)}**`,
    last,
    ...stats.rates.map(rateCell),
    measureCell(stats.duration),
    measureCell(stats.backupAge),
    `[chart](${chartPath(entry.slug)}) \xB7 [ledger](${ledgerPath(entry.slug)})`
  ];
  return `| ${cells.join(" | ")} |`;
}
function section(entry, now) {
  const name = inline(entry.target);
  const lines = ["", `## ${name}`, "", `![Restore duration of ${name}](${chartPath(entry.slug)})`];
  for (const warning of historyWarnings(entry.target, entry.records, now))
    lines.push("", `> \u26A0\uFE0F ${prose(warning)}`);
  if (entry.unreadable)
    lines.push(
      "",
      `${entry.unreadable} line${entry.unreadable === 1 ? "" : "s"} of [its ledger](${ledgerPath(entry.slug)}) hold no record this version can read; they are kept as they are and not counted.`
    );
  lines.push("");
  return lines;
}
function rateCell(rate2) {
  return rate2.drills === 0 ? "\u2013" : `${percent(rate2.rate)} (${rate2.succeeded}/${rate2.drills})`;
}
function measureCell(measure) {
  if (measure === null) return "\u2013";
  if (measure.limitSeconds === null) return `${seconds(measure.seconds)} (no limit)`;
  const verdict2 = measure.passed ? "\u2705" : "\u274C";
  return `${verdict2} ${seconds(measure.seconds)} of ${measure.limitText ?? seconds(measure.limitSeconds)}`;
}

// src/history/failure.ts
var HistoryStopped = class extends Error {
  constructor(reason, message) {
    super(message);
    this.reason = reason;
    this.name = "HistoryStopped";
  }
  reason;
};
function verdict(error) {
  if (error instanceof HistoryStopped || error instanceof AlertCancelled) return "final";
  if (error instanceof GitHubSilent) return "transient";
  const status = answeredStatus(error);
  const message = githubMessage(error);
  if (status === null) return "transient";
  if (status === 409) return /empty/i.test(message) ? "final" : "conflict";
  if (status === 422)
    return /fast.forward|already exists|does not exist/i.test(message) ? "conflict" : "final";
  if (status === 429 || status >= 500) return "transient";
  if (status === 403 && /rate limit/i.test(message)) return "transient";
  return "final";
}
function historyFailure(error, repository, branch, attempts) {
  const lead = `The drill history was not written to branch ${branch} of ${repository}`;
  const stands = "The drill's outcome stands.";
  if (error instanceof HistoryStopped) return `${lead}: ${error.message}. ${stands}`;
  if (error instanceof AlertCancelled) return `${lead}: ${error.message}.`;
  if (error instanceof GitHubSilent)
    return `${lead}: ${error.message}. ${stands} Check that GITHUB_API_URL is reachable from the runner.`;
  const status = answeredStatus(error);
  const message = githubMessage(error);
  const said = message ? ` (${message})` : "";
  if (status === 401)
    return `${lead}: GitHub rejected the token (401). Pass a valid \`github_token\`, or leave it out to use the workflow token. ${stands}`;
  if (status === 403 || status === 404 || /not accessible by integration/i.test(message))
    return `${lead}: GitHub answered ${status ?? "no"}${said}. Give the job \`permissions: contents: write\`, and check that the token can see the repository. ${stands}`;
  if (status === 409 && /empty/i.test(message))
    return `${lead}: the repository has no commit yet${said}; push a first commit to any branch. ${stands}`;
  if (verdict(error) === "conflict")
    return `${lead}: the branch moved under each of ${attempts} tries. It is worth re-running later. ${stands}`;
  if (status !== null)
    return `${lead}: GitHub answered ${status}${said} after ${attempts} ${attempts === 1 ? "try" : "tries"}. It is worth re-running later. ${stands}`;
  return `${lead}: ${oneLine2(errorMessage(error))}. ${stands} Check that GITHUB_API_URL is reachable from the runner.`;
}
function githubMessage(error) {
  if (typeof error !== "object" || error === null || !("response" in error)) return "";
  const data = error.response?.data;
  const message = typeof data === "object" && data !== null && "message" in data ? data.message : "";
  return typeof message === "string" ? oneLine2(message).slice(0, 200) : "";
}
function oneLine2(text2) {
  return text2.replace(/\s+/g, " ").trim();
}

// src/history/branch.ts
var READS_AT_ONCE = 8;
async function readBranch(branch) {
  const { octokit, owner, repo } = branch;
  const head = await readHead(branch);
  const ledgers = /* @__PURE__ */ new Map();
  if (head === null) return { head, tree: null, ledgers };
  const { data: commit } = await octokit.rest.git.getCommit({ owner, repo, commit_sha: head });
  const { data: tree } = await octokit.rest.git.getTree({
    owner,
    repo,
    tree_sha: commit.tree.sha,
    recursive: "1"
  });
  if (tree.truncated)
    throw new HistoryStopped("too-many-files", "the branch holds more files than GitHub lists");
  const readme = tree.tree.find((entry) => entry.type === "blob" && entry.path === "README.md");
  if (readme?.sha && !(await readBlob(branch, readme.sha)).startsWith(DASHBOARD_TITLE))
    throw new HistoryStopped(
      "not-history",
      "its README.md is not a drill history dashboard, so it is most likely a branch of code (give `history_branch` a branch of its own, such as drill-history)"
    );
  const found = tree.tree.flatMap((entry) => {
    const key = entry.type === "blob" && entry.path ? slugOfLedgerPath(entry.path) : null;
    return key !== null && entry.sha ? [{ key, sha: entry.sha }] : [];
  });
  for (let i = 0; i < found.length; i += READS_AT_ONCE) {
    const batch = found.slice(i, i + READS_AT_ONCE);
    const texts = await Promise.all(batch.map(({ sha }) => readBlob(branch, sha)));
    batch.forEach(({ key }, j) => ledgers.set(key, texts[j]));
  }
  return { head, tree: commit.tree.sha, ledgers };
}
async function commitFiles(branch, state, files, message) {
  const { octokit, owner, repo, name } = branch;
  const tree = await Promise.all(
    [...files].map(async ([path, text2]) => {
      const { data } = await octokit.rest.git.createBlob({
        owner,
        repo,
        content: Buffer.from(text2, "utf8").toString("base64"),
        encoding: "base64"
      });
      return { path, mode: "100644", type: "blob", sha: data.sha };
    })
  );
  const { data: made } = await octokit.rest.git.createTree({
    owner,
    repo,
    tree,
    ...state.tree ? { base_tree: state.tree } : {}
  });
  const { data: commit } = await octokit.rest.git.createCommit({
    owner,
    repo,
    message,
    tree: made.sha,
    parents: state.head === null ? [] : [state.head]
  });
  if (state.head === null) {
    await octokit.rest.git.createRef({ owner, repo, ref: `refs/heads/${name}`, sha: commit.sha });
  } else {
    await octokit.rest.git.updateRef({
      owner,
      repo,
      ref: `heads/${name}`,
      sha: commit.sha,
      force: false
    });
  }
  return commit.sha;
}
async function readHead({ octokit, owner, repo, name }) {
  try {
    const { data } = await octokit.rest.git.getRef({ owner, repo, ref: `heads/${name}` });
    return data.object.sha;
  } catch (error) {
    const status = answeredStatus(error);
    if (status === 404 || status === 422) return null;
    throw error;
  }
}
async function readBlob(branch, sha) {
  const known = branch.blobs.get(sha);
  if (known !== void 0) return known;
  const { data } = await branch.octokit.rest.git.getBlob({
    owner: branch.owner,
    repo: branch.repo,
    file_sha: sha
  });
  const bytes = Buffer.from(data.content, data.encoding === "base64" ? "base64" : "utf8");
  const text2 = bytes.toString("utf8");
  branch.blobs.set(sha, text2);
  return text2;
}

// src/history/scale.ts
var HOUR_MS = 36e5;
var DAY_MS2 = 24 * HOUR_MS;
var YEAR_MS = 365 * DAY_MS2;
var DURATION_STEPS = [
  1,
  2,
  5,
  10,
  15,
  30,
  60,
  120,
  300,
  600,
  900,
  1800,
  3600,
  7200,
  10800,
  21600,
  43200,
  86400
];
var TIME_STEPS = [
  HOUR_MS,
  3 * HOUR_MS,
  6 * HOUR_MS,
  12 * HOUR_MS,
  DAY_MS2,
  2 * DAY_MS2,
  7 * DAY_MS2,
  14 * DAY_MS2,
  30 * DAY_MS2,
  91 * DAY_MS2,
  182 * DAY_MS2,
  YEAR_MS
];
function durationTicks(maxSeconds, count = 5) {
  const top = Math.max(1, maxSeconds);
  const step = DURATION_STEPS.find((candidate) => top / candidate <= count) ?? Math.ceil(top / count / 86400) * 86400;
  const ticks = [];
  for (let value = 0; value < top + step; value += step) {
    ticks.push({ value, label: value === 0 ? "0" : seconds(value) });
    if (value >= top) break;
  }
  return ticks;
}
function timeTicks(start, end, count = 6) {
  const range = Math.max(0, end - start);
  const step = TIME_STEPS.find((candidate) => range / candidate <= count - 1) ?? Math.ceil(range / (count - 1) / YEAR_MS) * YEAR_MS;
  const first = Math.ceil(start / step) * step;
  const withYear = new Date(start).getUTCFullYear() !== new Date(end).getUTCFullYear();
  const ticks = [];
  for (let value = first; value <= end; value += step) {
    ticks.push({ value, label: timeLabel(value, step, withYear) });
  }
  if (ticks.length === 0) ticks.push({ value: start, label: `${utcDay(start)} ${utcClock(start)}` });
  return ticks;
}
function timeLabel(ms, step, withYear) {
  if (step < DAY_MS2) {
    return new Date(ms).getUTCHours() === 0 ? utcDay(ms) : utcClock(ms);
  }
  return utcDay(ms, withYear);
}

// src/history/xml.ts
var NOT_XML = (
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
);
function xmlText(value) {
  return value.replace(NOT_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
}
function shorten(value, max) {
  const points = [...value.replace(/\s+/g, " ").trim()];
  return points.length <= max ? points.join("") : `${points.slice(0, max - 1).join("")}\u2026`;
}

// src/history/chart.ts
var CHART_DRILLS = 100;
var WIDTH = 720;
var HEIGHT = 300;
var PLOT = { left: 72, right: 636, top: 56, bottom: 222 };
var INSET = 14;
var FONT = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";
var INK = "#1f2328";
var MUTED = "#59636e";
var GRID = "#d8dee4";
var LINE = "#8c959f";
var RTO = "#cf222e";
var DASHED = ' stroke-width="1.5" stroke-dasharray="6 4"';
var OUTCOME_COLOUR = {
  succeeded: "#1a7f37",
  failed: "#cf222e",
  timed_out: "#9a6700",
  cancelled: "#6e7781"
};
var OUTCOME_LABEL = {
  succeeded: "succeeded",
  failed: "failed",
  timed_out: "timed out",
  cancelled: "cancelled"
};
function durationChart(target, records, options = {}) {
  const drills = byTime(records).slice(-CHART_DRILLS);
  const newest = drills.at(-1);
  const rto = options.rtoSeconds !== void 0 ? options.rtoSeconds : newest ? checkLimit(newest, "max_restore_duration") : null;
  const name = shorten(target, 48);
  const label = `Restore duration of ${name}`;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${xmlText(label)}" font-family="${FONT}" font-size="12">`,
    `<title>${xmlText(label)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" rx="8" fill="#ffffff" stroke="${GRID}"/>`
  ];
  if (drills.length === 0) {
    parts.push(...heading(name, ""));
    parts.push(
      text(WIDTH / 2, HEIGHT / 2, "No drills recorded yet.", { anchor: "middle", fill: MUTED })
    );
    return `${[...parts, "</svg>"].join("\n")}
`;
  }
  const first = endedAt(drills[0]);
  const last = endedAt(newest);
  const range = `${drills.length} drill${drills.length === 1 ? "" : "s"}, ${span2(first, last)}`;
  parts.push(...heading(name, range));
  const durations = drills.map(durationSeconds);
  const yTicks = durationTicks(Math.max(rto ?? 0, ...durations.map((value) => value ?? 0)) * 1.05);
  const top = yTicks.at(-1).value;
  const y = (value) => PLOT.bottom - value / top * (PLOT.bottom - PLOT.top);
  const x = (at) => last === first ? (PLOT.left + PLOT.right) / 2 : PLOT.left + INSET + (at - first) / (last - first) * (PLOT.right - PLOT.left - 2 * INSET);
  parts.push('<g class="axis-y">');
  for (const tick of yTicks) {
    parts.push(line(PLOT.left, y(tick.value), PLOT.right, y(tick.value), GRID));
    parts.push(text(PLOT.left - 8, y(tick.value) + 4, tick.label, { anchor: "end", fill: MUTED }));
  }
  parts.push("</g>");
  parts.push('<g class="axis-x">', line(PLOT.left, PLOT.bottom, PLOT.right, PLOT.bottom, MUTED));
  for (const tick of timeTicks(first, last)) {
    const at = x(tick.value);
    parts.push(line(at, PLOT.bottom, at, PLOT.bottom + 5, MUTED));
    parts.push(text(at, PLOT.bottom + 20, tick.label, { anchor: "middle", fill: MUTED }));
  }
  parts.push(
    text(PLOT.right, PLOT.bottom + 38, "drill ended (UTC)", {
      anchor: "end",
      fill: MUTED,
      size: 11
    })
  );
  parts.push("</g>");
  if (rto !== null) {
    parts.push(
      `<g class="rto-limit">`,
      line(PLOT.left, y(rto), PLOT.right, y(rto), RTO, DASHED),
      text(PLOT.right + 6, y(rto) + 4, `RTO ${seconds(rto)}`, { fill: RTO, weight: 600 }),
      "</g>"
    );
  }
  const points = drills.map((record, i) => {
    const value = durations[i] ?? null;
    return {
      x: x(endedAt(record)),
      y: value === null ? PLOT.bottom - 6 : y(value),
      record,
      seconds: value
    };
  });
  const measured = points.filter((point) => point.seconds !== null);
  if (measured.length > 1) {
    const path = measured.map((point) => `${num(point.x)},${num(point.y)}`).join(" ");
    parts.push(
      `<polyline class="trend" points="${path}" fill="none" stroke="${LINE}" stroke-width="1.5"/>`
    );
  }
  parts.push('<g class="drills">', ...points.map(marker), "</g>");
  parts.push(legend(rto));
  return `${[...parts, "</svg>"].join("\n")}
`;
}
function marker(point) {
  const colour = OUTCOME_COLOUR[point.record.outcome];
  const took = point.seconds === null ? "no duration" : seconds(point.seconds);
  const tip = `<title>${xmlText(`${utcMinute(endedAt(point.record))}: ${OUTCOME_LABEL[point.record.outcome]}, ${took}`)}</title>`;
  const { x, y } = point;
  if (point.seconds !== null) {
    return `<circle class="drill ${point.record.outcome}" cx="${num(x)}" cy="${num(y)}" r="4.5" fill="${colour}" stroke="#ffffff" stroke-width="1.5">${tip}</circle>`;
  }
  return cross(x, y, colour, `drill ${point.record.outcome} no-duration`, tip);
}
function legend(rto) {
  const y = HEIGHT - 20;
  const items = ['<g class="legend">'];
  let x = PLOT.left;
  const label = (value, offset) => {
    items.push(text(x + offset, y, value, { fill: INK }));
    x += offset + 20 + value.length * 6.2;
  };
  for (const outcome of ["succeeded", "failed", "timed_out", "cancelled"]) {
    items.push(`<circle cx="${x + 5}" cy="${y - 4}" r="4.5" fill="${OUTCOME_COLOUR[outcome]}"/>`);
    label(OUTCOME_LABEL[outcome], 14);
  }
  items.push(cross(x + 5, y - 4, MUTED, "no-duration"));
  label("no duration", 14);
  if (rto === null) label("no RTO limit set", 0);
  else {
    items.push(line(x, y - 4, x + 24, y - 4, RTO, DASHED));
    label("RTO limit", 30);
  }
  items.push("</g>");
  return items.join("\n");
}
function cross(x, y, colour, kind, tip = "") {
  const d = `M${num(x - 4)},${num(y - 4)} L${num(x + 4)},${num(y + 4)} M${num(x - 4)},${num(y + 4)} L${num(x + 4)},${num(y - 4)}`;
  return `<path class="${kind}" d="${d}" stroke="${colour}" stroke-width="2.5" stroke-linecap="round">${tip}</path>`;
}
function span2(first, last) {
  const withYear = new Date(first).getUTCFullYear() !== new Date(last).getUTCFullYear();
  const from = utcDay(first, withYear);
  const to = utcDay(last, true);
  return from === to || utcDay(first, true) === to ? to : `${from} \u2013 ${to}`;
}
function heading(name, range) {
  const title = `Restore duration \xB7 ${name}`;
  const shown = text(20, 30, title, { size: 15, weight: 600 });
  if (range === "") return [shown];
  const fits = 20 + title.length * 9.2 + 16 + range.length * 7 <= WIDTH - 20;
  return [shown, text(WIDTH - 20, fits ? 30 : 48, range, { anchor: "end", fill: MUTED })];
}
function text(x, y, value, style = {}) {
  const attributes = [
    `x="${num(x)}"`,
    `y="${num(y)}"`,
    style.anchor && style.anchor !== "start" ? `text-anchor="${style.anchor}"` : "",
    `fill="${style.fill ?? INK}"`,
    style.size ? `font-size="${style.size}"` : "",
    style.weight ? `font-weight="${style.weight}"` : ""
  ];
  return `<text ${attributes.filter(Boolean).join(" ")}>${xmlText(value)}</text>`;
}
function line(x1, y1, x2, y2, stroke, extra = "") {
  return `<line x1="${num(x1)}" y1="${num(y1)}" x2="${num(x2)}" y2="${num(y2)}" stroke="${stroke}"${extra}/>`;
}
function num(value) {
  return String(Math.round(value * 10) / 10);
}

// src/history/plan.ts
function planWrite(ledgers, records, { historySize, now, runUrl: runUrl2 = null }) {
  const bySlug = /* @__PURE__ */ new Map();
  for (const record of records) {
    const key = slug(record.history.target);
    bySlug.set(key, [...bySlug.get(key) ?? [], record]);
  }
  const texts = new Map(ledgers);
  const files = /* @__PURE__ */ new Map();
  const targets = {};
  const fresh = [];
  for (const [key, written] of bySlug) {
    const { text: text2, added } = appendRecords(texts.get(key) ?? "", written, historySize);
    const after = parseLedger(text2).records;
    const target = written.at(-1).history.target;
    targets[key] = {
      target,
      ledger: ledgerPath(key),
      chart: chartPath(key),
      added: added.length,
      records: after
    };
    if (added.length === 0) continue;
    fresh.push(...added);
    texts.set(key, text2);
    files.set(ledgerPath(key), text2);
    files.set(chartPath(key), durationChart(target, after));
  }
  if (files.size > 0) {
    const board = [...texts].map(([key, text2]) => {
      const ledger = parseLedger(text2);
      return {
        slug: key,
        target: ledger.records.at(-1)?.history.target ?? key,
        records: ledger.records,
        unreadable: ledger.unreadable
      };
    });
    files.set("README.md", dashboard(board, { now, historySize, runUrl: runUrl2 }));
  }
  return { files, targets, message: commitMessage(fresh, runUrl2) };
}
function commitMessage(added, runUrl2) {
  const only = added.length === 1 ? added[0] : void 0;
  const subject = only ? `${oneLine3(only.history.target)} ${only.outcome.replace("_", " ")}` : `${added.length} drills (${counts(added)})`;
  return `Drill history: ${subject} [skip ci]${runUrl2 ? `

Written by ${runUrl2}` : ""}
`;
}
function counts(records) {
  const tally = /* @__PURE__ */ new Map();
  for (const record of records) tally.set(record.outcome, (tally.get(record.outcome) ?? 0) + 1);
  return [...tally].map(([outcome, count]) => `${count} ${outcome.replace("_", " ")}`).join(", ");
}
function oneLine3(text2) {
  return text2.replace(/\s+/g, " ").trim().slice(0, 100);
}

// src/history/github.ts
var HISTORY_TIME_LIMIT_MS = 3e4;
var HISTORY_GRACE_MS = 5e3;
var MAX_ATTEMPTS = 12;
var REQUEST_TIMEOUT_MS = 3e4;
var BACKOFF_BASE_MS = 200;
var BACKOFF_CAP_MS = 3e3;
function historyDeadline(now, runDeadline) {
  const limit = now + HISTORY_TIME_LIMIT_MS;
  if (runDeadline === null) return limit;
  return Math.min(limit, Math.max(runDeadline, now + HISTORY_GRACE_MS));
}
function historyUrl(env, branch) {
  const server = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
  return `${server}/${env.GITHUB_REPOSITORY ?? ""}/tree/${encodeURI(branch)}`;
}
async function writeHistory(options) {
  const { env, records, clock = systemClock, sleep = realSleep, random = Math.random } = options;
  const { signal = new AbortController().signal, maxAttempts = MAX_ATTEMPTS } = options;
  const repository = env.GITHUB_REPOSITORY ?? "";
  const [owner, repo] = repository.split("/");
  if (!owner || !repo)
    return { warning: "The drill history was not written: GITHUB_REPOSITORY is not set." };
  if (records.length === 0)
    return { warning: "The drill history was not written: this run has no drill to record." };
  const outOfTime = AbortSignal.timeout(Math.max(1, options.deadline - clock.now()));
  const bound = AbortSignal.any([signal, outOfTime]);
  const stopped = () => signal.aborted ? new AlertCancelled() : new HistoryStopped("out-of-time", "the time it may take ran out");
  const { getOctokit } = await import("./github-C3L33I7H.js");
  const octokit = getOctokit(
    options.token,
    env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}
  );
  guardRequests(octokit, bound, options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS);
  const branch = { octokit, owner, repo, name: options.branch, blobs: /* @__PURE__ */ new Map() };
  for (let attempt = 1; ; attempt++) {
    try {
      if (bound.aborted || clock.now() >= options.deadline) throw stopped();
      const state = await readBranch(branch);
      const plan = planWrite(state.ledgers, records, {
        historySize: options.historySize,
        now: clock.now(),
        runUrl: runUrl(env)
      });
      const commit = plan.files.size === 0 && state.head !== null ? state.head : await commitFiles(branch, state, plan.files, plan.message);
      const url = historyUrl(env, options.branch);
      const added = Object.values(plan.targets).reduce((sum, target) => sum + target.added, 0);
      info(
        `Drill history: ${added} record${added === 1 ? "" : "s"} added to ${options.branch} (commit ${commit.slice(0, 7)}): ${url}`
      );
      return { url, commit, records: plan.targets };
    } catch (caught) {
      const error = bound.aborted && !(caught instanceof HistoryStopped) ? stopped() : caught;
      const kind = verdict(error);
      if (kind === "final" || attempt >= maxAttempts)
        return { warning: historyFailure(error, repository, options.branch, attempt) };
      info(
        kind === "conflict" ? `Drill history: ${options.branch} moved under this write; reading it again (try ${attempt + 1} of ${maxAttempts}).` : `Drill history: GitHub gave ${answeredStatus(error) ?? "no answer"}; trying again (try ${attempt + 1} of ${maxAttempts}).`
      );
      const pause = random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (attempt - 1));
      try {
        await sleep(Math.min(pause, Math.max(0, options.deadline - clock.now())), bound);
      } catch {
        return { warning: historyFailure(stopped(), repository, options.branch, attempt) };
      }
    }
  }
}

// src/history/drill.ts
async function recordDrill(settings, result, options) {
  const { clock, limitSeconds } = options;
  const { target } = settings;
  const now = clock.now();
  const record = makeRecord(result, target, now);
  if (record === null) return null;
  const written = await writeRecords(settings, [record], now, options);
  if ("warning" in written)
    return {
      url: null,
      markdown: `
> \u26A0\uFE0F ${prose(written.warning)}
`,
      warnings: [written.warning]
    };
  const drills = written.records[slug(target)]?.records ?? [record];
  const shown = { now: clock.now(), historyUrl: written.url, limitSeconds };
  return {
    url: written.url,
    markdown: `
${recentDrills(target, drills, shown)}`,
    warnings: historyWarnings(target, drills, shown.now, limitSeconds)
  };
}
async function writeRecords(settings, records, now, options) {
  const cancel = graceAfterCancel(options.signal, HISTORY_GRACE_MS);
  try {
    return await writeHistory({
      token: settings.githubToken,
      branch: settings.branch,
      historySize: settings.size,
      records,
      env: options.env,
      deadline: historyDeadline(now, options.runDeadline),
      signal: cancel.signal,
      clock: options.clock,
      sleep: options.sleep,
      requestTimeoutMs: options.requestTimeoutMs
    });
  } finally {
    cancel.done();
  }
}
function graceAfterCancel(signal, graceMs) {
  const controller = new AbortController();
  let timer;
  const start = () => {
    timer = setTimeout(() => controller.abort(), graceMs);
  };
  if (signal.aborted) start();
  else signal.addEventListener("abort", start, { once: true });
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", start);
    }
  };
}
export {
  graceAfterCancel,
  recordDrill,
  writeRecords
};
//# sourceMappingURL=drill-Z23UZRFA.js.map
