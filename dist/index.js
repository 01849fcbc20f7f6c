import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  mayAlert
} from "./chunks/chunk-RDJK4VDN.js";
import {
  parseTimestamp,
  realSleep,
  systemClock
} from "./chunks/chunk-WGXIBHFN.js";
import {
  DAY_MS,
  DownloadTimedOut,
  DrillRefusal,
  formatDuration,
  isSecureUrl,
  parseDuration,
  parseGlob,
  selectFiles
} from "./chunks/chunk-UALR4VME.js";
import {
  ApiError,
  Input,
  Output,
  USER_AGENT,
  errorMessage,
  getInput,
  group,
  info,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunks/chunk-QZT34S4M.js";
import "./chunks/chunk-23VKRORU.js";

// src/main.ts
import { tmpdir } from "node:os";

// src/alert/index.ts
function drillAlert(settings, env, options = {}) {
  if (settings === null) return void 0;
  return async (outcome, summary2) => {
    if (!mayAlert(outcome)) return null;
    const { alertOnGitHub } = await import("./chunks/github-KIG46UTZ.js");
    return alertOnGitHub(settings, outcome, summary2, env, options);
  };
}

// src/connect.ts
async function connect(settings, { signal, clock, sleep, requestTimeoutMs }) {
  const { createClient, proxySecrets } = await import("./chunks/client-GU6MJ4SK.js");
  for (const secret of proxySecrets(process.env)) setSecret(secret);
  return (deadline) => createClient({
    baseUrl: settings.apiUrl,
    token: settings.apiToken,
    userAgent: USER_AGENT,
    deadline,
    signal,
    clock,
    sleep,
    requestTimeoutMs,
    onRetry: ({ request, attempt, delayMs, reason }) => info(
      `${request}: attempt ${attempt} failed (${reason}); retrying in ${Math.round(delayMs)} ms`
    )
  });
}

// src/drill/checks.ts
var MAX_CLOCK_SKEW_MS = 5 * 6e4;
function parseTime(text2) {
  return text2 === null ? null : parseTimestamp(text2);
}
function aheadOfClockMs(time, now) {
  const at = parseTime(time);
  return at !== null && at - now > MAX_CLOCK_SKEW_MS ? at - now : 0;
}
function backupAgeMs(completedAt, now) {
  const completed = parseTime(completedAt);
  if (completed === null) return null;
  const age3 = now - completed;
  return -age3 > MAX_CLOCK_SKEW_MS ? age3 : Math.max(0, age3);
}
function restoreDurationMs(restore, measuredMs) {
  const started = parseTime(restore?.startedAt ?? null);
  const completed = parseTime(restore?.completedAt ?? null);
  if (started !== null && completed !== null && completed >= started) return completed - started;
  return measuredMs;
}
function limitCheck(name, limitMs, actualMs) {
  return {
    name,
    limitSeconds: seconds(limitMs),
    actualSeconds: actualMs === null ? null : seconds(actualMs),
    // A negative measure (a time ahead of the clock) is unreadable evidence, not a pass.
    passed: actualMs === null ? null : actualMs >= 0 && actualMs <= limitMs
  };
}
function seconds(ms) {
  return Math.round(ms / 100) / 10;
}

// src/drill/choose.ts
var MAX_BACKUP_WINDOW_MS = 365 * DAY_MS;
function selectionOf(criteria, candidates) {
  const { rule, tag, windowMs, completedBefore } = criteria;
  return {
    rule,
    tag,
    window_seconds: windowMs === null ? null : seconds(windowMs),
    completed_before: completedBefore === null ? null : new Date(completedBefore).toISOString(),
    candidates
  };
}
function isCompleted(backup) {
  return backup.status.toLowerCase() === "completed";
}
function isAhead(backup, now) {
  return aheadOfClockMs(backup.completedAt, now) > 0;
}
function timeOf(backup) {
  return parseTime(backup.completedAt);
}
function classify(backup, criteria, now) {
  const { tag, windowMs, completedBefore } = criteria;
  if (!isCompleted(backup)) return "unfinished";
  if (tag !== null && backup.tags?.[tag] !== true) return "untagged";
  if (isAhead(backup, now)) return "ahead";
  const at = timeOf(backup);
  if (at === null) return windowMs === null && completedBefore === null ? "candidate" : "undated";
  if (completedBefore !== null && at >= completedBefore) return "tooNew";
  if (windowMs !== null && at < now - windowMs) return "tooOld";
  return "candidate";
}
function nothingSeen() {
  return {
    pages: 0,
    listed: 0,
    candidates: [],
    ahead: 0,
    untagged: 0,
    reached: null,
    nearest: null,
    earliestTooNew: null,
    exhausted: false,
    disorder: null
  };
}
var newer = (a, b) => b === null || (timeOf(a) ?? -Infinity) > (timeOf(b) ?? -Infinity);
function see(seen, asked, page, criteria, now) {
  const next = { ...seen, pages: seen.pages + 1, listed: seen.listed + page.backups.length };
  const candidates = [...seen.candidates];
  for (const backup of page.backups) {
    const at = timeOf(backup);
    if (at !== null) {
      if (seen.reached !== null && at > seen.reached && next.disorder === null)
        next.disorder = { page: asked, at, reached: seen.reached };
      next.reached = next.reached === null ? at : Math.min(next.reached, at);
    }
    const verdict = classify(backup, criteria, now);
    if (verdict === "candidate") candidates.push(backup);
    else if (verdict === "ahead") next.ahead++;
    else if (verdict === "untagged") next.untagged++;
    else if (verdict === "tooOld" && newer(backup, next.nearest)) next.nearest = backup;
    else if (verdict === "tooNew" && (next.earliestTooNew === null || newer(next.earliestTooNew, backup)))
      next.earliestTooNew = backup;
  }
  return { ...next, candidates, exhausted: page.nextPage === null };
}
function windowStart(criteria, now) {
  return criteria.windowMs === null ? null : now - criteria.windowMs;
}
function mayStop(seen, criteria, now) {
  if (seen.exhausted) return true;
  const found = seen.candidates.length > 0;
  if (criteria.rule === "latest" && found) return true;
  const start = windowStart(criteria, now);
  const past = start !== null && seen.reached !== null && seen.reached < start;
  return past && (found || seen.nearest !== null);
}
function pick(rule, candidates, random) {
  if (candidates.length === 0) return null;
  if (rule === "random") {
    const drawn = Math.floor(random() * candidates.length);
    const index = Number.isFinite(drawn) ? Math.min(candidates.length - 1, Math.max(0, drawn)) : 0;
    return candidates[index] ?? null;
  }
  let best = null;
  for (const backup of candidates) if (newer(backup, best)) best = backup;
  return best;
}

// src/drill/choose-text.ts
var HOUR_MS = 36e5;
var MINUTE_MS = 6e4;
var count = (n) => n.toLocaleString("en-US");
var iso = (ms) => new Date(ms).toISOString();
function age(ms) {
  const unit = ms >= DAY_MS ? HOUR_MS : ms >= HOUR_MS ? MINUTE_MS : 1e3;
  return formatDuration(Math.max(0, Math.round(ms / unit) * unit));
}
function wanted(criteria) {
  const { tag, windowMs, completedBefore } = criteria;
  const window = windowMs === null ? "" : ` in the last ${formatDuration(windowMs)}`;
  const before = completedBefore === null ? "" : ` from before ${iso(completedBefore)}`;
  return `completed ${tag === null ? "" : `${tag} `}backup${window}${before}`;
}
function filtered(criteria) {
  return criteria.tag !== null || criteria.windowMs !== null || criteria.completedBefore !== null;
}
function nearMiss(criteria, seen, now) {
  const { tag, completedBefore } = criteria;
  const one = `${tag === null ? "" : `${tag} `}one`;
  const nearestAt = seen.nearest === null ? null : timeOf(seen.nearest);
  if (nearestAt !== null) {
    const before = completedBefore === null ? "" : ` from before ${iso(completedBefore)}`;
    return `; the newest ${one}${before} completed ${age(now - nearestAt)} ago, at ${iso(nearestAt)}`;
  }
  const earliestAt = seen.earliestTooNew === null ? null : timeOf(seen.earliestTooNew);
  if (earliestAt !== null) {
    const oldest = seen.exhausted ? "the oldest" : "the oldest seen";
    return `; ${oldest} ${one} completed at ${iso(earliestAt)}, not before \`completed_before\``;
  }
  if (tag !== null && seen.untagged > 0)
    return `; none of the ${count(seen.untagged)} completed one(s) it saw is tagged ${tag}`;
  return "";
}
function advice(criteria) {
  if (!filtered(criteria)) return "check the job in SnapShooter, or give a backup id as `backup_id`";
  const ways = [
    criteria.windowMs === null ? null : "widen `backup_window`",
    criteria.tag === null ? null : "choose another `backup_tag`",
    criteria.completedBefore === null ? null : "move `completed_before` later"
  ].filter((way) => way !== null);
  return `${ways.join(", ")}, or check the job's backups and retention in SnapShooter`;
}
function noCandidate(jobId, criteria, seen, now, bounded) {
  const scope = seen.exhausted ? `looked at all ${count(seen.listed)} of its backups` : `looked at its newest ${count(seen.listed)} backups`;
  const skipped = seen.ahead === 0 ? "" : `; ${count(seen.ahead)} completed backup(s) skipped, their completed_at ahead of the runner's clock`;
  const hint = filtered(criteria) ? nearMiss(criteria, seen, now) : "";
  const stopped = bounded ? bound(seen) : "";
  return `Job ${jobId} has no ${wanted(criteria)} (${scope}${skipped})${hint}${stopped}: ${advice(criteria)}.`;
}
function bound(seen) {
  const back = seen.reached === null ? "" : `, back to ${iso(seen.reached)}`;
  return `; the walk stops after ${count(seen.pages)} pages${back}`;
}
function tooMany(jobId, criteria, seen) {
  const back = seen.reached === null ? "" : `, back to ${iso(seen.reached)}`;
  const reach = criteria.windowMs === null ? "no `backup_window` bounds the walk: give one, such as `30d`" : `\`backup_window\` (${formatDuration(criteria.windowMs)}) reaches further back: narrow it`;
  return `Job ${jobId} has too many backups to choose one at random: looked at ${count(seen.listed)} backups over ${count(seen.pages)} pages${back}, and ${reach}, so that every candidate can be seen.`;
}
function outOfOrder(jobId, disorder) {
  return `SnapShooter listed the backups of job ${jobId} out of order: page ${disorder.page} holds one completed at ${iso(disorder.at)}, after ${iso(disorder.reached)} on an earlier page, though they were asked newest first; no backup can be chosen from such a list: give a backup id as \`backup_id\`.`;
}

// src/drill/walk.ts
var MAX_PAGES = 50;
var SelectionRefusal = class extends DrillRefusal {
  constructor(message, selection) {
    super(message);
    this.selection = selection;
    this.name = "SelectionRefusal";
  }
  selection;
};
async function walkCandidates(listPage, criteria, context) {
  const { jobId, now, random } = context;
  let seen = nothingSeen();
  let page = 1;
  let bounded = false;
  for (; ; ) {
    const listed = await listPage(page);
    seen = see(seen, page, listed, criteria, now);
    if (seen.disorder !== null) {
      const selection2 = selectionOf(criteria, seen.candidates.length);
      throw new SelectionRefusal(outOfOrder(jobId, seen.disorder), selection2);
    }
    if (listed.nextPage === null || mayStop(seen, criteria, now)) break;
    if (seen.pages >= MAX_PAGES) {
      bounded = true;
      break;
    }
    page = listed.nextPage;
  }
  const selection = selectionOf(criteria, seen.candidates.length);
  if (bounded && criteria.rule === "random" && seen.candidates.length > 0)
    throw new SelectionRefusal(tooMany(jobId, criteria, seen), selection);
  const backup = pick(criteria.rule, seen.candidates, random);
  if (backup === null)
    throw new SelectionRefusal(noCandidate(jobId, criteria, seen, now, bounded), selection);
  return { backup, selection };
}

// src/drill/select.ts
var LATEST = { rule: "latest", tag: null, windowMs: null, completedBefore: null };
async function findLatestCompleted(jobId, listPage, now) {
  const chosen = await walkCandidates(listPage, LATEST, { jobId, now, random: Math.random });
  return chosen.backup;
}
function checkBackup(backup, jobId) {
  if (jobId !== null && backup.jobId.toLowerCase() !== jobId) {
    throw new DrillRefusal(
      `Backup ${backup.id} belongs to job ${backup.jobId}, not to job ${jobId}: check \`backup_id\` and \`job_id\`.`
    );
  }
  if (backup.status.toLowerCase() !== "completed") {
    throw new DrillRefusal(
      `Backup ${backup.id} is ${backup.status}, not completed: only a completed backup can be restored. Pick another \`backup_id\`, or use \`latest\`.`
    );
  }
}

// src/drill/preflight.ts
async function resolveBackup(settings, client, now) {
  const { backupId, jobId } = settings;
  if (backupId === "latest" && jobId !== null) {
    return findLatestCompleted(jobId, (page) => client.listJobBackups(jobId, page), now);
  }
  return client.getBackup(backupId);
}
function preflight(settings, backup, now) {
  checkBackup(backup, settings.jobId);
  const files = selectFiles(backup.id, backup.files, settings.files);
  const ageMs = backupAgeMs(backup.completedAt, now);
  const checks = settings.maxBackupAgeMs === null ? [] : [limitCheck("max_backup_age", settings.maxBackupAgeMs, ageMs)];
  const request = {};
  if (settings.files.length > 0) request.files = files.map((file) => file.id);
  if (settings.compute)
    request.compute = { type: settings.compute.type, server_id: settings.compute.serverId };
  return { files, request, backupAgeMs: ageMs, checks };
}
function checkFailure(check, subject) {
  if (check.passed !== false || check.actualSeconds === null) return null;
  if (check.actualSeconds < 0) {
    const ahead = formatDuration(-check.actualSeconds * 1e3);
    return `${subject}: the backup's completed_at is ${ahead} ahead of the runner's clock, so its age cannot be measured and \`max_backup_age\` cannot pass: check the runner's clock and the job in SnapShooter. Nothing was restored.`;
  }
  let actual = formatDuration(check.actualSeconds * 1e3);
  let limit = formatDuration(check.limitSeconds * 1e3);
  if (actual === limit) [actual, limit] = [`${check.actualSeconds}s`, `${check.limitSeconds}s`];
  return check.name === "max_backup_age" ? `${subject} completed ${actual} ago, older than \`max_backup_age\` (${limit}): the job may have stopped backing up; check it in SnapShooter. Nothing was restored.` : `${subject} completed but took ${actual}, longer than \`max_restore_duration\` (${limit}): the recovery time objective was missed.`;
}
function refuseOnFailedChecks(checks, subject) {
  for (const check of checks) {
    const reason = checkFailure(check, subject);
    if (reason !== null) throw new DrillRefusal(reason);
  }
}

// src/input-values.ts
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var MAX_LABEL_LENGTH = 50;
function parseCompute(type, serverId, bad) {
  if (type === "" && serverId === "") return null;
  const validType = type === "server" || type === "ss_agent";
  if (type === "") bad(Input.computeType, "is required with `server_id`: `server` or `ss_agent`");
  else if (!validType) bad(Input.computeType, "must be `server` or `ss_agent`");
  const id = /^\d+$/.test(serverId) ? Number(serverId) : NaN;
  const validId = Number.isSafeInteger(id) && id > 0;
  if (serverId === "") bad(Input.serverId, "is required with `compute_type`: a positive integer");
  else if (!validId) bad(Input.serverId, "must be a positive integer");
  return validType && validId ? Object.freeze({ type, serverId: id }) : null;
}
function parseFiles(text2) {
  const entries = [...new Set(text2.split(/[,\n]/).map((entry) => entry.trim()))];
  return entries.filter((entry) => entry !== "").map(
    (entry) => UUID.test(entry) ? { kind: "id", id: entry.toLowerCase() } : { kind: "pattern", pattern: entry }
  );
}
function checkPatterns(files, bad) {
  for (const selector of files) {
    if (selector.kind !== "pattern") continue;
    const parsed = parseGlob(selector.pattern);
    if ("problem" in parsed)
      bad(
        Input.files,
        `entry ${quote(selector.pattern)} is not a pattern: ${parsed.problem}`,
        false
      );
  }
}
function labelRule(label) {
  if (label === "" || label.length > MAX_LABEL_LENGTH)
    return `must be a label name of 1 to ${MAX_LABEL_LENGTH} characters`;
  if (label.includes(","))
    return "must be one label name, without a comma: GitHub reads a comma as a list of labels";
  return null;
}
function parseBoolean(text2, onBad) {
  if (["true", "True", "TRUE"].includes(text2)) return true;
  if (!["false", "False", "FALSE"].includes(text2)) onBad();
  return false;
}
function parseApiUrl(text2) {
  if (/[?#]/.test(text2)) return null;
  let url;
  try {
    url = new URL(text2);
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

// src/mode.ts
function parseMode(raw, bad) {
  const mode = raw(Input.mode);
  if (mode !== "restore" && mode !== "download") {
    bad(Input.mode, "must be `restore` or `download`");
    return "restore";
  }
  if (mode === "restore") {
    if (raw(Input.downloadTo) !== "") bad(Input.downloadTo, "applies only with `mode: download`");
    return mode;
  }
  const restoreOnly = [
    [Input.computeType, raw(Input.computeType) !== ""],
    [Input.serverId, raw(Input.serverId) !== ""],
    [Input.wait, /^false$/i.test(raw(Input.wait))],
    [Input.maxRestoreDuration, raw(Input.maxRestoreDuration) !== ""]
  ];
  for (const [name, given] of restoreOnly)
    if (given) bad(name, "does not apply with `mode: download`: remove it, or use `mode: restore`");
  return mode;
}

// src/inputs.ts
var MAX_TIMEOUT_MS = 6 * 36e5;
var MIN_POLL_INTERVAL_MS = 100;
var InputError = class extends Error {
  constructor(problems) {
    super(`Invalid inputs: ${problems.join("; ")}.`);
    this.problems = problems;
    this.name = "InputError";
  }
  problems;
};
function maskSecrets() {
  for (const name of [Input.apiToken, Input.githubToken]) {
    const token = getInput(name);
    if (token !== "") setSecret(token);
  }
}
function readSettings() {
  return parseSettings((name) => getInput(name));
}
function readAlertSettings() {
  return parseAlertSettings((name) => getInput(name));
}
function parseSettings(get) {
  const problems = [];
  const raw = (name) => get(name).trim();
  const bad = (name, rule, shown = true) => {
    problems.push(shown ? `\`${name}\` ${rule} (got ${quote(raw(name))})` : `\`${name}\` ${rule}`);
  };
  const apiToken = raw(Input.apiToken);
  if (apiToken === "")
    bad(Input.apiToken, "is required: pass your SnapShooter API token from a secret", false);
  const backupId = raw(Input.backupId).toLowerCase();
  const jobId = raw(Input.jobId).toLowerCase();
  if (backupId === "")
    bad(Input.backupId, "is required: a backup UUID, or `latest` with `job_id`", false);
  else if (backupId !== "latest" && !UUID.test(backupId))
    bad(Input.backupId, "must be a backup UUID or `latest`");
  if (jobId !== "" && !UUID.test(jobId)) bad(Input.jobId, "must be a job UUID");
  else if (backupId === "latest" && jobId === "")
    bad(Input.jobId, "is required when `backup_id` is `latest`", false);
  const mode = parseMode(raw, bad);
  const compute = mode === "download" ? null : parseCompute(raw(Input.computeType), raw(Input.serverId), bad);
  const files = parseFiles(raw(Input.files));
  checkPatterns(files, bad);
  const wait = parseBoolean(raw(Input.wait), () => bad(Input.wait, "must be `true` or `false`"));
  const dryRun = parseBoolean(
    raw(Input.dryRun),
    () => bad(Input.dryRun, "must be `true` or `false`")
  );
  const duration2 = (name, required, min, max) => {
    const text2 = raw(name);
    if (text2 === "" && !required) return null;
    const ms = parseDuration(text2);
    if (ms === null)
      bad(name, "must be a duration such as `90s`, `30m`, `1h30m`, `500ms` or a number of seconds");
    else if (ms < min) bad(name, `must be at least ${formatDuration(min)}`);
    else if (ms > max) bad(name, `must be at most ${formatDuration(max)}`);
    else return ms;
    return null;
  };
  const timeoutMs = duration2(Input.timeout, true, 1e3, MAX_TIMEOUT_MS);
  const pollIntervalMs = duration2(Input.pollInterval, true, MIN_POLL_INTERVAL_MS, MAX_TIMEOUT_MS);
  const maxBackupAgeMs = duration2(Input.maxBackupAge, false, 1e3, Number.MAX_SAFE_INTEGER);
  const maxRestoreDurationMs = duration2(
    Input.maxRestoreDuration,
    false,
    1e3,
    Number.MAX_SAFE_INTEGER
  );
  const onTimeout = raw(Input.onTimeout);
  if (onTimeout !== "fail" && onTimeout !== "warn") bad(Input.onTimeout, "must be `fail` or `warn`");
  const apiUrl = parseApiUrl(raw(Input.apiUrl));
  if (apiUrl === null) {
    bad(
      Input.apiUrl,
      "must be an https:// URL without user:password, query or fragment (http:// only for loopback hosts)"
    );
  }
  const resultFile = raw(Input.resultFile);
  const downloadTo = raw(Input.downloadTo);
  const alerting = parseBoolean(
    raw(Input.issueOnFailure),
    () => bad(Input.issueOnFailure, "must be `true` or `false`")
  );
  const label = raw(Input.issueLabel);
  const githubToken = raw(Input.githubToken);
  if (alerting && githubToken === "") {
    bad(
      Input.githubToken,
      "is required with `issue_on_failure`: leave it out to use the workflow token",
      false
    );
  }
  const labelProblem = alerting ? labelRule(label) : null;
  if (labelProblem !== null) bad(Input.issueLabel, labelProblem);
  if (problems.length > 0) throw new InputError(problems);
  return Object.freeze({
    apiToken,
    backupId,
    jobId: jobId === "" ? null : jobId,
    files: Object.freeze(files),
    compute,
    wait,
    timeoutMs,
    pollIntervalMs,
    onTimeout,
    maxBackupAgeMs,
    maxRestoreDurationMs,
    dryRun,
    resultFile: resultFile === "" ? null : resultFile,
    apiUrl,
    alert: parseAlertSettings(get),
    mode,
    downloadTo: downloadTo === "" ? null : downloadTo
  });
}
function parseAlertSettings(get) {
  const raw = (name) => get(name).trim();
  const githubToken = raw(Input.githubToken);
  const label = raw(Input.issueLabel);
  const enabled = parseBoolean(raw(Input.issueOnFailure), () => {
  });
  if (!enabled || githubToken === "" || labelRule(label) !== null) return null;
  const backupId = raw(Input.backupId);
  const target = backupId.toLowerCase() === "latest" ? `job ${raw(Input.jobId) || "(no job_id)"}` : `backup ${backupId || "(no backup_id)"}`;
  return Object.freeze({ githubToken, label, target });
}

// src/report/evidence.ts
function newEvidence() {
  return {
    outcome: null,
    settings: null,
    backup: null,
    backupAgeMs: null,
    files: null,
    request: null,
    requestInFlight: false,
    restore: null,
    measuredDurationMs: null,
    checks: [],
    download: null,
    error: null
  };
}

// src/report/publish.ts
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";

// src/restore/status.ts
var STATUS_WORDS = {
  pending: "running",
  queued: "running",
  scheduled: "running",
  starting: "running",
  started: "running",
  running: "running",
  in_progress: "running",
  processing: "running",
  restoring: "running",
  completed: "succeeded",
  complete: "succeeded",
  succeeded: "succeeded",
  success: "succeeded",
  successful: "succeeded",
  done: "succeeded",
  finished: "succeeded",
  failed: "failed",
  failure: "failed",
  error: "failed",
  errored: "failed",
  cancelled: "failed",
  canceled: "failed",
  aborted: "failed",
  timeout: "failed",
  timed_out: "failed"
};
function classifyStatus(word) {
  const key = word.trim().toLowerCase().replace(/[\s-]+/g, "_");
  const found = STATUS_WORDS[key];
  return found === void 0 ? { class: "running", known: false } : { class: found, known: true };
}

// src/report/result.ts
var MAX_OUTPUT_FILES = 100;
var MAX_RESULT_OUTPUT_BYTES = 1e6;
function buildResult(evidence, env) {
  const { backup, restore, settings, download } = evidence;
  const durationMs = restoreDurationMs(restore, evidence.measuredDurationMs);
  const requested = settings?.compute;
  const compute = restore?.compute ? { type: restore.compute.type, server_id: restore.compute.serverId } : requested ? { type: requested.type, server_id: requested.serverId } : null;
  return {
    version: 1,
    outcome: evidence.outcome ?? "failed",
    mode: settings?.mode ?? "restore",
    status: restore?.status ?? statusOfDownload(evidence),
    backup: {
      id: backup?.id ?? null,
      job_id: backup?.jobId ?? null,
      completed_at: backup?.completedAt ?? null,
      age_seconds: evidence.backupAgeMs === null ? null : seconds(evidence.backupAgeMs)
    },
    restore: {
      id: restore?.id ?? null,
      status: restore?.status ?? null,
      created_at: restore?.createdAt ?? null,
      started_at: restore?.startedAt ?? null,
      completed_at: restore?.completedAt ?? null,
      duration_seconds: durationMs === null ? null : seconds(durationMs),
      compute
    },
    files: (evidence.files ?? []).map(({ id, name, size }) => ({ id, name, size })),
    files_omitted: 0,
    download: download === null ? null : {
      dir: download.dir,
      status: download.status,
      started_at: download.startedAt,
      duration_seconds: download.durationMs === null ? null : seconds(download.durationMs),
      files: download.files.map(({ name, path, bytes, sha256 }) => ({
        name,
        path,
        bytes,
        sha256
      })),
      files_omitted: 0
    },
    checks: evidence.checks.map((check) => ({
      name: check.name,
      limit_seconds: check.limitSeconds,
      actual_seconds: check.actualSeconds,
      passed: check.passed
    })),
    error: evidence.error === null ? null : { message: evidence.error },
    run: {
      repository: env.GITHUB_REPOSITORY ?? null,
      workflow: env.GITHUB_WORKFLOW ?? null,
      run_id: env.GITHUB_RUN_ID ?? null,
      run_attempt: env.GITHUB_RUN_ATTEMPT ?? null,
      event: env.GITHUB_EVENT_NAME ?? null,
      actor: env.GITHUB_ACTOR ?? null
    }
  };
}
function statusOfDownload({ settings, download, outcome }) {
  if (download?.status) return download.status;
  const ended = outcome === "failed" || outcome === "timed_out" || outcome === "cancelled";
  return settings?.mode === "download" && ended ? "failed" : null;
}
function resultForOutput(result, maxBytes = MAX_RESULT_OUTPUT_BYTES) {
  for (let keep = MAX_OUTPUT_FILES; ; keep = Math.floor(keep / 2)) {
    const listed = listFirst(result, keep);
    if (keep === 0 || Buffer.byteLength(JSON.stringify(listed)) < maxBytes) return listed;
  }
}
function listFirst(result, keep) {
  const files = result.files.slice(0, keep);
  const { download } = result;
  return {
    ...result,
    files,
    files_omitted: result.files_omitted + result.files.length - files.length,
    download: download === null ? null : {
      ...download,
      files: download.files.slice(0, keep),
      files_omitted: download.files_omitted + download.files.length - Math.min(keep, download.files.length)
    }
  };
}

// src/report/outputs.ts
function outputsOf(result) {
  const text2 = (value) => value === null ? "" : String(value);
  const fileIds = result.files.map((file) => file.id);
  const listed = resultForOutput(result);
  return {
    [Output.outcome]: result.outcome,
    [Output.status]: text2(result.status),
    [Output.restoreId]: text2(result.restore.id),
    [Output.backupId]: text2(result.backup.id),
    [Output.jobId]: text2(result.backup.job_id),
    [Output.fileIds]: JSON.stringify(fileIds),
    [Output.fileCount]: String(fileIds.length),
    [Output.startedAt]: text2(result.restore.started_at),
    [Output.completedAt]: text2(result.restore.completed_at),
    [Output.durationSeconds]: text2(result.restore.duration_seconds),
    [Output.backupCompletedAt]: text2(result.backup.completed_at),
    [Output.backupAgeSeconds]: text2(result.backup.age_seconds),
    [Output.downloadDir]: text2(result.download?.dir ?? null),
    [Output.downloadedFiles]: JSON.stringify(listed.download?.files ?? []),
    [Output.result]: JSON.stringify(listed)
  };
}
var OutputWriter = class {
  #written = /* @__PURE__ */ new Map();
  #failure = null;
  /** Why the outputs could not be delivered, once they could not; one line. */
  get failure() {
    return this.#failure;
  }
  set(values) {
    for (const [name, value] of Object.entries(values)) {
      if (this.#failure !== null) return;
      if (this.#written.get(name) === value) continue;
      try {
        setOutput2(name, value);
        this.#written.set(name, value);
      } catch (error) {
        this.#failure = outputsFailure(error);
      }
    }
  }
};
function setOutput2(name, value) {
  setOutput(name, value);
}
function outputsFailure(error) {
  const reason = errorMessage(error).replace(/\s+/g, " ").trim();
  return `The step outputs could not be written to GITHUB_OUTPUT (${reason}), so later steps could not read the outcome: GITHUB_OUTPUT must name a file this step can write (on a self-hosted runner, check the permissions of its work folder).`;
}

// src/report/summary.ts
var HEADLINES = {
  succeeded: "\u2705 Restore drill succeeded",
  failed: "\u274C Restore drill failed",
  timed_out: "\u23F1\uFE0F Restore drill timed out",
  cancelled: "\u{1F6AB} Restore drill cancelled",
  not_waited: "\u23E9 Restore started (not waited for)",
  dry_run: "\u{1F9EA} Dry run: nothing was restored"
};
var DOWNLOAD_HEADLINES = {
  succeeded: "\u2705 Download drill succeeded: every file arrived and was verified",
  failed: "\u274C Download drill failed",
  timed_out: "\u23F1\uFE0F Download drill timed out",
  cancelled: "\u{1F6AB} Download drill cancelled",
  dry_run: "\u{1F9EA} Dry run: nothing was downloaded"
};
var MAX_FILE_ROWS = 50;
var CHECK_LABELS = {
  max_backup_age: "RPO: backup age (`max_backup_age`)",
  max_restore_duration: "RTO: restore duration (`max_restore_duration`)"
};
function renderSummary(result, extras = {}) {
  const { backup } = result;
  const downloading = result.mode === "download";
  const headline = (downloading ? DOWNLOAD_HEADLINES[result.outcome] : void 0) ?? HEADLINES[result.outcome];
  const lines = [`## ${headline}`, ""];
  if (result.error) lines.push(`> **Error:** ${prose(result.error.message)}`, "");
  if (extras.leftBehind) lines.push(`> **Left behind:** ${prose(extras.leftBehind)}`, "");
  lines.push(
    ...table("Backup", [
      ["id", code(backup.id)],
      ["job", code(backup.job_id)],
      ["completed at", text(backup.completed_at)],
      ["age", age2(backup.age_seconds)]
    ]),
    ...downloading ? downloadTables(result) : restoreTables(result)
  );
  if (result.checks.length > 0) {
    lines.push(
      "### Checks",
      "",
      "| check | limit | actual | verdict |",
      "| --- | --- | --- | --- |"
    );
    for (const check of result.checks) {
      const verdict = check.passed === null ? "\u2796 not measured" : check.passed ? "\u2705 passed" : "\u274C failed";
      lines.push(
        `| ${CHECK_LABELS[check.name] ?? check.name} | ${duration(check.limit_seconds)} | ${age2(check.actual_seconds)} | ${verdict} |`
      );
    }
    lines.push("");
  }
  if (extras.request && !downloading) {
    const { files } = extras.request;
    const omitted = Math.max(0, (files?.length ?? 0) - MAX_FILE_ROWS);
    const shown = omitted > 0 ? { ...extras.request, files: files?.slice(0, MAX_FILE_ROWS) } : extras.request;
    const body = escapeHtml(JSON.stringify(shown, null, 2));
    lines.push("### Request", "", "The request a run without `dry_run` would send:", "");
    lines.push(
      `<pre><code>POST /v1/backups/${inline(backup.id ?? "")}/restore
${body}</code></pre>`,
      ""
    );
    if (omitted > 0) lines.push(`Its \`files\` holds ${omitted} more file ids, left out here.`, "");
  }
  const run2 = result.run;
  if (run2.repository && run2.run_id) {
    lines.push(
      `<sub>${inline(run2.workflow ?? "workflow")} \xB7 run ${inline(run2.run_id)} \xB7 ${inline(run2.event ?? "")}</sub>`,
      ""
    );
  }
  return lines.join("\n");
}
function restoreTables({ restore, files }) {
  return [
    ...table("Restore", [
      ["id", code(restore.id)],
      ["status", code(restore.status)],
      [
        "compute",
        restore.compute ? `${text(restore.compute.type)} ${code(String(restore.compute.server_id ?? ""))}` : "where the backup was made"
      ],
      ["files", `${files.length}${fileList(files.map((file) => file.name))}`]
    ]),
    ...table("Timing", [
      ["created", text(restore.created_at)],
      ["started", text(restore.started_at)],
      ["completed", text(restore.completed_at)],
      ["duration", duration(restore.duration_seconds)]
    ])
  ];
}
function downloadTables({ download, files }) {
  const done = download?.files ?? [];
  const bytes = done.reduce((sum, file) => sum + file.bytes, 0);
  const lines = table("Download", [
    ["folder", code(download?.dir ?? null)],
    ["status", code(download?.status ?? null)],
    ["files", `${done.length} of ${files.length} verified, ${bytes} bytes`],
    ["duration", duration(download?.duration_seconds ?? null)]
  ]);
  if (done.length === 0) return lines;
  lines.push("### Files", "", "| file | bytes | sha256 |", "| --- | --- | --- |");
  for (const file of done.slice(0, MAX_FILE_ROWS))
    lines.push(`| ${code(file.name)} | ${file.bytes} | <code>${file.sha256}</code> |`);
  if (done.length > MAX_FILE_ROWS)
    lines.push(`| and ${done.length - MAX_FILE_ROWS} more: see the result JSON | | |`);
  return [...lines, ""];
}
function table(title, rows) {
  return [
    `### ${title}`,
    "",
    "| | |",
    "| --- | --- |",
    ...rows.map(([key, value]) => `| ${key} | ${value} |`),
    ""
  ];
}
function fileList(names) {
  if (names.length === 0) return "";
  const shown = names.slice(0, 5).map((name) => code(name.slice(name.lastIndexOf("/") + 1)));
  return `: ${shown.join(", ")}${names.length > 5 ? ` and ${names.length - 5} more` : ""}`;
}
function code(value) {
  return value === null || value === "" ? "\u2013" : `<code>${inline(value)}</code>`;
}
function text(value) {
  return value === null || value === "" ? "\u2013" : inline(value);
}
function duration(secondsValue) {
  return secondsValue === null ? "\u2013" : formatDuration(secondsValue * 1e3);
}
function age2(secondsValue) {
  if (secondsValue === null || secondsValue >= 0) return duration(secondsValue);
  return `${formatDuration(-secondsValue * 1e3)} ahead of the runner's clock`;
}
function escapeHtml(value) {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
function prose(value) {
  return inline(value).replace(/&#96;([\w .:-]{1,40})&#96;/g, "<code>$1</code>");
}
function inline(value) {
  return escapeHtml(value).replace(/[\\`*[\]|~]/g, (char) => `&#${char.charCodeAt(0)};`).replace(/(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, "&#95;").replace(/:\/\//g, "&#58;//").replace(/\b(www)\./gi, "$1&#46;").replace(/\s*\r?\n\s*/g, " ");
}

// src/report/publish.ts
var EARLY = [
  Output.backupId,
  Output.jobId,
  Output.backupCompletedAt,
  Output.backupAgeSeconds,
  Output.fileIds,
  Output.fileCount,
  Output.restoreId,
  Output.status,
  Output.downloadDir
];
var ISSUE_ACTIONS = {
  open: "opened",
  comment: "commented on",
  resolve: "commented on and closed"
};
var Publisher = class {
  constructor(env) {
    this.env = env;
  }
  env;
  #outputs = new OutputWriter();
  /**
   * Sets the outputs that are known so far. Throws when they cannot be written, so that no
   * restore is started whose outcome could not be handed to later steps.
   */
  announce(evidence) {
    const known = outputsOf(buildResult(evidence, this.env));
    if (evidence.files === null) {
      delete known[Output.fileIds];
      delete known[Output.fileCount];
    }
    this.#outputs.set(
      Object.fromEntries(EARLY.filter((name) => known[name]).map((name) => [name, known[name]]))
    );
    if (this.#outputs.failure !== null) throw new Error(this.#outputs.failure);
  }
  /**
   * Writes every piece of evidence and states the verdict, and only then raises the alert (when
   * alerting is on, `alert` gets the summary to post as the drill's GitHub issue): GitHub may be
   * slow or the run cancelled meanwhile, and the evidence must already be on disk by then.
   * Never throws.
   */
  async finish(evidence, alert) {
    this.#outputs.set({
      ...outputsOf(buildResult(evidence, this.env)),
      [Output.issueNumber]: "",
      [Output.issueUrl]: ""
    });
    refuseUndeliveredOutputs(evidence, this.#outputs.failure);
    const result = buildResult(evidence, this.env);
    const resultFile = await this.#writeResultFile(evidence, result);
    this.#outputs.set({ [Output.resultFile]: resultFile ?? "" });
    const markdown = renderSummary(result, {
      request: result.outcome === "dry_run" ? evidence.request : null,
      leftBehind: leftBehind(evidence)
    });
    const summarised = await this.#writeSummary(markdown);
    stateVerdict(evidence, result.outcome);
    const issue = alert ? await alert(result.outcome, markdown) : null;
    if (issue === null) return;
    this.#outputs.set({ [Output.issueNumber]: String(issue.number), [Output.issueUrl]: issue.url });
    if (summarised)
      await this.#writeSummary(
        `
> Drill issue [#${issue.number}](${issue.url}): ${ISSUE_ACTIONS[issue.action]}.
`
      );
  }
  /**
   * Appends to the job summary, saying whether it could. A runner without a summary file (or
   * with a broken one) only loses the summary.
   */
  async #writeSummary(markdown) {
    if (!this.env.GITHUB_STEP_SUMMARY) return false;
    try {
      await summary.addRaw(markdown).write();
      return true;
    } catch (error) {
      warning(`The job summary could not be written: ${errorMessage(error)}`);
      return false;
    }
  }
  async #writeResultFile(evidence, result) {
    const wanted2 = evidence.settings?.resultFile;
    if (!wanted2) return null;
    const path = resolve(wanted2);
    try {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, `${JSON.stringify(result, null, 2)}
`);
      info(`Result written to ${path}`);
      return path;
    } catch (error) {
      warning(`The result file ${path} could not be written: ${errorMessage(error)}`);
      return null;
    }
  }
};
function failsTheStep(evidence, outcome) {
  if (outcome === "timed_out") return evidence.settings?.onTimeout !== "warn";
  return outcome === "failed" || outcome === "cancelled";
}
function refuseUndeliveredOutputs(evidence, failure) {
  if (failure === null || evidence.error === failure) return;
  if (failsTheStep(evidence, evidence.outcome ?? "failed")) {
    warning(failure);
    return;
  }
  evidence.outcome = "failed";
  evidence.error = failure;
}
function stateVerdict(evidence, outcome) {
  info(`Outcome: ${outcome}`);
  const message = evidence.error ?? `The restore drill ended ${outcome}.`;
  if (failsTheStep(evidence, outcome)) setFailed(message);
  else if (outcome === "timed_out") warning(message);
}
function leftBehind(evidence) {
  const { restore } = evidence;
  if (!["failed", "cancelled", "timed_out"].includes(evidence.outcome ?? "failed")) return null;
  if (restore !== null && classifyStatus(restore.status).class === "running") {
    return `Restore ${restore.id} (last status ${restore.status}) goes on at SnapShooter; check it there before starting another.`;
  }
  if (evidence.requestInFlight) {
    return "The restore request was in flight when the run stopped: a restore may have started. Check SnapShooter before running again.";
  }
  return null;
}

// src/restore/conclude.ts
function concludeWait(evidence, end, settings) {
  const restore = end.restore ?? evidence.restore;
  evidence.restore = restore;
  const id = restore?.id ?? "unknown";
  const status = restore?.status ?? "unknown";
  const durationMs = end.kind === "succeeded" ? restoreDurationMs(restore, end.elapsedMs) : null;
  if (end.kind === "succeeded") evidence.measuredDurationMs = end.elapsedMs;
  if (settings.maxRestoreDurationMs !== null) {
    evidence.checks.push(
      limitCheck("max_restore_duration", settings.maxRestoreDurationMs, durationMs)
    );
  }
  switch (end.kind) {
    case "succeeded": {
      const failures = evidence.checks.map((check) => checkFailure(check, `Restore ${id}`));
      const failure = failures.find((reason) => reason !== null) ?? null;
      evidence.outcome = failure === null ? "succeeded" : "failed";
      evidence.error = failure;
      return;
    }
    case "failed":
      evidence.outcome = "failed";
      evidence.error = `Restore ${id} ended with status "${status}" after ${formatDuration(end.elapsedMs)}: SnapShooter could not restore the backup; see the restore's log in SnapShooter.`;
      return;
    case "timed_out":
      evidence.outcome = "timed_out";
      evidence.error = `Restore ${id} was still ${status} when \`timeout\` (${formatDuration(settings.timeoutMs)}) ran out; it goes on at SnapShooter. ` + (settings.onTimeout === "fail" ? "Raise `timeout`, or set `on_timeout: warn`." : "Raise `timeout` to wait for it.");
      return;
    case "cancelled":
      evidence.outcome = "cancelled";
      evidence.error = `The run was cancelled while waiting for restore ${id} (last status ${status}); the restore goes on at SnapShooter.`;
      return;
    case "error":
      evidence.outcome = "failed";
      evidence.error = end.error.message;
      return;
  }
}
function cancelledReason(evidence) {
  const { download, backup } = evidence;
  if (download !== null) {
    return `The run was cancelled while downloading backup ${backup?.id ?? ""}: ${download.files.length} file(s) verified in ${download.dir}, and no partial file was left.`;
  }
  if (evidence.restore !== null) {
    return `The run was cancelled; restore ${evidence.restore.id} goes on at SnapShooter.`;
  }
  if (evidence.requestInFlight) {
    return "The run was cancelled while the restore request was in flight: a restore may have started. Check SnapShooter before running again.";
  }
  return "The run was cancelled before a restore was requested: nothing was restored.";
}
function concludeFailure(evidence, error, cancelled) {
  if (cancelled) {
    evidence.outcome = "cancelled";
    evidence.error = cancelledReason(evidence);
    return;
  }
  evidence.outcome = error instanceof DownloadTimedOut ? "timed_out" : "failed";
  evidence.error = errorMessage(error);
}

// src/restore/log.ts
function describeWaitEvent(event) {
  switch (event.type) {
    case "status":
      return {
        level: "info",
        text: `[${formatDuration(event.elapsedMs)}] status ${event.from === null ? "" : `${event.from} \u2192 `}${event.to}`
      };
    case "progress":
      return {
        level: "info",
        text: `[${formatDuration(event.elapsedMs)}] still waiting (status ${event.status ?? "unknown"})`
      };
    case "unknown_status":
      return {
        level: "warning",
        text: `SnapShooter answered the restore status ${JSON.stringify(event.word.slice(0, 60))}, which this action does not know: it counts as still running. Please report it.`
      };
    case "check_failed":
      return {
        level: "info",
        text: `status check failed (${event.inARow} in a row): ${event.message}`
      };
  }
}
function logWaitEvent(event) {
  const line = describeWaitEvent(event);
  if (line.level === "warning") warning(line.text);
  else info(line.text);
}

// src/restore/start.ts
async function startRestore(client, backupId, request, evidence) {
  info(`POST /v1/backups/${backupId}/restore ${JSON.stringify(request)}`);
  evidence.requestInFlight = true;
  try {
    const restore = await client.createRestore(backupId, request);
    evidence.restore = restore;
    evidence.requestInFlight = false;
    info(`Restore ${restore.id} created (status ${restore.status}).`);
    if (classifyStatus(restore.status).class === "failed") throw new FailedAtStart(restore);
    return restore;
  } catch (error) {
    if (error instanceof FailedAtStart) throw error;
    evidence.requestInFlight = !(error instanceof ApiError) || error.kind === "cancelled" || error.mayHaveStarted;
    throw error;
  }
}
function dryRunRestore(backupId, request) {
  info(`Dry run: would send POST /v1/backups/${backupId}/restore ${JSON.stringify(request)}`);
}
var FailedAtStart = class extends Error {
  constructor(restore) {
    super(
      `Restore ${restore.id} ended with status "${restore.status}" as soon as it was created: SnapShooter could not restore the backup; see the restore's log in SnapShooter.`
    );
    this.name = "FailedAtStart";
  }
};

// src/restore/schedule.ts
var FIRST_CHECK_MS = 1e3;
var GROWTH = 1.5;
function nextPause(previousPause, pollIntervalMs) {
  if (previousPause === null) return Math.min(FIRST_CHECK_MS, pollIntervalMs);
  return Math.min(previousPause * GROWTH, pollIntervalMs);
}
function pauseUntilDeadline(pause, now, deadline) {
  return Math.max(0, Math.min(pause, deadline - now));
}

// src/restore/wait.ts
var MAX_FAILED_CHECKS = 10;
var PROGRESS_EVERY_MS = 6e4;
var LAST_CHECK_GRACE_MS = 1e4;
var TRANSIENT = /* @__PURE__ */ new Set([
  "network",
  "timeout",
  "rate_limited",
  "server",
  "malformed",
  "deadline"
]);
async function waitForRestore(plan, deps) {
  const { clock, signal } = deps;
  const deadline = plan.createdAt + plan.timeoutMs;
  const elapsed = () => clock.now() - plan.createdAt;
  const warned = /* @__PURE__ */ new Set();
  let last = null;
  let pause = null;
  let checks = 0;
  let failedInARow = 0;
  let nextProgress = PROGRESS_EVERY_MS;
  const end = (kind, extra = {}) => ({ kind, restore: last, elapsedMs: elapsed(), checks, ...extra });
  for (; ; ) {
    pause = nextPause(pause, plan.pollIntervalMs);
    const wait = pauseUntilDeadline(pause, clock.now(), deadline);
    const onDeadline = clock.now() + wait >= deadline;
    try {
      await deps.sleep(wait, signal);
    } catch (error) {
      if (signal.aborted) return end("cancelled");
      throw error;
    }
    checks++;
    try {
      const lastCheck = onDeadline || clock.now() >= deadline;
      const until = lastCheck ? deadline + LAST_CHECK_GRACE_MS : deadline;
      const restore = await deps.getRestore(plan.restoreId, until);
      failedInARow = 0;
      if (restore.status !== last?.status) {
        deps.notify({
          type: "status",
          from: last?.status ?? null,
          to: restore.status,
          elapsedMs: elapsed()
        });
      }
      last = restore;
      const reading = classifyStatus(restore.status);
      if (!reading.known && !warned.has(restore.status)) {
        warned.add(restore.status);
        deps.notify({ type: "unknown_status", word: restore.status });
      }
      if (reading.class !== "running") return end(reading.class);
    } catch (error) {
      if (signal.aborted) return end("cancelled");
      if (!(error instanceof ApiError)) throw error;
      if (error.kind === "not_found" && checks === 1) {
        return end("error", { error: new StatusEndpointMissing(plan.restoreId, error) });
      }
      if (!TRANSIENT.has(error.kind)) return end("error", { error });
      if (error.kind === "deadline" || clock.now() >= deadline) return end("timed_out");
      failedInARow++;
      deps.notify({ type: "check_failed", message: error.message, inARow: failedInARow });
      if (failedInARow >= MAX_FAILED_CHECKS) {
        return end("error", { error: new TooManyFailedChecks(plan.restoreId, failedInARow, error) });
      }
    }
    if (clock.now() >= deadline) return end("timed_out");
    if (elapsed() >= nextProgress) {
      deps.notify({ type: "progress", status: last?.status ?? null, elapsedMs: elapsed() });
      nextProgress += PROGRESS_EVERY_MS;
    }
  }
}
var StatusEndpointMissing = class extends Error {
  constructor(restoreId, cause) {
    const requestId = cause.requestId === void 0 ? "" : ` (request id ${cause.requestId})`;
    super(
      `Restore ${restoreId} was created, but its status cannot be read: the status endpoint answered 404${requestId}. The restore goes on at SnapShooter: check it there, or set \`wait: false\` to skip the status check.`,
      { cause }
    );
    this.name = "StatusEndpointMissing";
  }
};
var TooManyFailedChecks = class extends Error {
  constructor(restoreId, count2, cause) {
    super(
      `Restore ${restoreId}: ${count2} status checks in a row failed, the last with: ${cause.message} The restore goes on at SnapShooter: check it there.`,
      { cause }
    );
    this.name = "TooManyFailedChecks";
  }
};

// src/main.ts
async function run(deps = {}) {
  maskSecrets();
  const {
    signal = new AbortController().signal,
    clock = systemClock,
    sleep = realSleep,
    requestTimeoutMs
  } = deps;
  const startedAt = clock.now();
  const evidence = newEvidence();
  const env = deps.env ?? process.env;
  const publisher = new Publisher(env);
  const alerting = readAlertSettings();
  try {
    const settings = evidence.settings = readSettings();
    const clientUntil = await connect(settings, { signal, clock, sleep, requestTimeoutMs });
    const client = clientUntil(startedAt + settings.timeoutMs);
    const backup = await group("Resolve the backup", async () => {
      const found = await resolveBackup(settings, client, clock.now());
      info(
        `Backup ${found.id} of job ${found.jobId}, completed ${found.completedAt ?? "(unknown)"}.`
      );
      return found;
    });
    evidence.backup = backup;
    publisher.announce(evidence);
    const plan = await group("Pre-flight checks", async () => {
      const checked = preflight(settings, backup, clock.now());
      Object.assign(evidence, checked);
      publisher.announce(evidence);
      refuseOnFailedChecks(checked.checks, `Backup ${backup.id}`);
      info(`${checked.files.length} file(s) selected; every check passed.`);
      return checked;
    });
    if (settings.mode === "download") {
      const { downloadBackup, dryRunDownload } = await import("./chunks/backup-JXZBRB7M.js");
      const runnerTemp = env.RUNNER_TEMP || tmpdir();
      if (settings.dryRun) {
        dryRunDownload(settings, backup, plan.files, evidence, runnerTemp);
        evidence.outcome = "dry_run";
        return;
      }
      await group(
        `Download backup ${backup.id}`,
        () => downloadBackup(settings, backup, plan.files, evidence, {
          client,
          deadline: startedAt + settings.timeoutMs,
          signal,
          clock,
          sleep,
          runnerTemp
        })
      );
      evidence.outcome = "succeeded";
      return;
    }
    if (settings.dryRun) {
      dryRunRestore(backup.id, plan.request);
      evidence.outcome = "dry_run";
      return;
    }
    const restore = await group(
      "Start the restore",
      () => startRestore(client, backup.id, plan.request, evidence)
    );
    const createdAt = clock.now();
    publisher.announce(evidence);
    if (!settings.wait) {
      evidence.outcome = "not_waited";
      return;
    }
    const end = await group(
      `Wait for restore ${restore.id}`,
      () => waitForRestore(
        {
          restoreId: restore.id,
          createdAt,
          timeoutMs: settings.timeoutMs,
          pollIntervalMs: settings.pollIntervalMs
        },
        {
          // While waiting, the deadline runs from the restore's creation; the wait sets each
          // check's own limit from it.
          getRestore: (id, until) => client.withDeadline(until).getRestore(id),
          clock,
          sleep,
          signal,
          notify: logWaitEvent
        }
      )
    );
    concludeWait(evidence, end, settings);
  } catch (error) {
    concludeFailure(evidence, error, signal.aborted);
  } finally {
    await publisher.finish(evidence, drillAlert(alerting, env, { signal, requestTimeoutMs }));
  }
}

// src/index.ts
var controller = new AbortController();
var cancel = () => controller.abort();
process.on("SIGINT", cancel);
process.on("SIGTERM", cancel);
await run({ signal: controller.signal });
process.off("SIGINT", cancel);
process.off("SIGTERM", cancel);
//# sourceMappingURL=index.js.map
