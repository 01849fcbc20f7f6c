import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  DURATION_BOUNDS,
  UUID,
  collect,
  escapeHtml,
  inline,
  isRecorded,
  labelRule,
  ok,
  oneOf,
  optionalDuration,
  optionalText,
  parseApiUrlInput,
  parseBoolean,
  parseCompute,
  parseFileList,
  parseHistory,
  problem,
  prose,
  refused,
  requiredDuration
} from "./chunks/chunk-KPVSMXCA.js";
import {
  mayAlert
} from "./chunks/chunk-MJATRFDO.js";
import {
  realSleep,
  systemClock
} from "./chunks/chunk-U74NIOEJ.js";
import {
  classifyStatus
} from "./chunks/chunk-3R3XKYNG.js";
import "./chunks/chunk-UBNUX3TW.js";
import {
  SelectionRefusal,
  askedSelection,
  checkFailure,
  describeSelection,
  limitCheck,
  parseTime,
  restoreDurationMs,
  seconds
} from "./chunks/chunk-S44UB6PJ.js";
import "./chunks/chunk-QP5NUJKD.js";
import {
  MAX_BACKUP_WINDOW_MS,
  formatDuration,
  formatElapsed
} from "./chunks/chunk-XD5QJNCJ.js";
import {
  BACKUP_TAGS,
  Failure,
  Input,
  Output,
  USER_AGENT,
  errorMessage,
  getInput,
  info,
  oneLine,
  setFailed,
  setOutput,
  setSecret,
  summary,
  warning
} from "./chunks/chunk-YBT7PXVK.js";
import "./chunks/chunk-23VKRORU.js";

// src/main.ts
import { tmpdir } from "node:os";

// src/alert/index.ts
function drillAlert(settings, env, options = {}) {
  if (settings === null) return void 0;
  return async (outcome, summary2) => {
    if (!mayAlert(outcome)) return null;
    const { alertOnGitHub } = await import("./chunks/github-FNBTMPZG.js");
    return alertOnGitHub(settings, outcome, summary2, env, options);
  };
}

// src/connect.ts
async function connect(settings, { signal, clock, sleep, requestTimeoutMs }) {
  const [{ createClient }, { proxySecrets }] = await Promise.all([
    import("./chunks/client-JZ7GN6IC.js"),
    import("./chunks/proxy-XKJTATW6.js")
  ]);
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

// src/history/index.ts
function drillHistory(settings, deps) {
  const history = settings?.history;
  if (!settings || !history) return void 0;
  const limit = settings.maxRestoreDurationMs ?? null;
  return async (result) => {
    if (!isRecorded(result.outcome)) return null;
    try {
      const { recordDrill } = await import("./chunks/drill-QZ4R34EP.js");
      return await recordDrill(history, result, {
        ...deps,
        runDeadline: runDeadline(deps.startedAt, settings.timeoutMs, result),
        limitSeconds: limit === null ? null : limit / 1e3
      });
    } catch (error) {
      const warning2 = `The drill history was not written: ${errorMessage(error)}. The drill's outcome stands.`;
      return { url: null, markdown: "", warnings: [warning2.replace(/\s+/g, " ")] };
    }
  };
}
function runDeadline(startedAt, timeoutMs, result) {
  const created = Date.parse(result.restore.created_at ?? "");
  const fromStart = startedAt + timeoutMs;
  return Number.isFinite(created) ? Math.max(fromStart, created + timeoutMs) : fromStart;
}

// src/inputs/settings.ts
var COMMANDS = ["restore", "download"];

// src/inputs/target.ts
var FILTERS = [Input.backupTag, Input.backupWindow, Input.completedBefore];
var NOT_WITH_RESTORE_ID = [
  [Input.backupId, (text2) => text2 !== ""],
  [Input.jobId, (text2) => text2 !== ""],
  [Input.files, (text2) => text2 !== ""],
  [Input.computeType, (text2) => text2 !== ""],
  [Input.serverId, (text2) => text2 !== ""],
  [Input.dryRun, (text2) => /^true$/i.test(text2)],
  [Input.mode, (text2) => text2 === "download"],
  [Input.maxBackupAge, (text2) => text2 !== ""],
  ...FILTERS.map((name) => [name, (text2) => text2 !== ""])
];
var ISO_WITH_ZONE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/i;
function parseCompletedBefore(text2) {
  if (text2 === "") return ok(null);
  const ms = ISO_WITH_ZONE.test(text2) ? Date.parse(text2.toUpperCase()) : NaN;
  if (Number.isFinite(ms)) return ok(ms);
  const rule = "must be an ISO 8601 time with a zone, such as `2026-11-20T04:00:00Z`";
  return refused(problem(Input.completedBefore, rule, { got: text2 }));
}
function parseTarget(raw) {
  const restoreText = raw(Input.restoreId);
  if (restoreText !== "") return parseRestoreTarget(restoreText, raw);
  const backupText = raw(Input.backupId);
  const backupId = backupText.toLowerCase();
  const jobText = raw(Input.jobId);
  const jobId = jobText.toLowerCase();
  const chooses = backupId === "latest" || backupId === "random";
  const problems = [];
  if (backupId === "") {
    const rule = "is required: a backup UUID, or `latest` or `random` with `job_id`; or give `restore_id`";
    problems.push(problem(Input.backupId, rule));
  } else if (!chooses && !UUID.test(backupId)) {
    const rule = "must be a backup UUID, `latest` or `random`";
    problems.push(problem(Input.backupId, rule, { got: backupText }));
  }
  if (jobId !== "" && !UUID.test(jobId))
    problems.push(problem(Input.jobId, "must be a job UUID", { got: jobText }));
  else if (chooses && jobId === "")
    problems.push(problem(Input.jobId, `is required when \`backup_id\` is \`${backupId}\``));
  const tagText = raw(Input.backupTag);
  const tag = tagText === "" ? ok(null) : oneOf(Input.backupTag, tagText, BACKUP_TAGS);
  const bounds = { min: 1e3, max: MAX_BACKUP_WINDOW_MS };
  const windowMs = optionalDuration(Input.backupWindow, raw(Input.backupWindow), bounds);
  const before = parseCompletedBefore(raw(Input.completedBefore));
  for (const parsed of [tag, windowMs, before]) if (!parsed.ok) problems.push(...parsed.problems);
  if (!chooses && backupId !== "") {
    const rule = "applies only when `backup_id` is `latest` or `random`";
    for (const name of FILTERS)
      if (raw(name) !== "") problems.push(problem(name, rule, { got: raw(name) }));
  }
  if (problems.length > 0 || !tag.ok || !windowMs.ok || !before.ok) return refused(...problems);
  const choice = chooses ? Object.freeze({
    rule: backupId,
    tag: tag.value,
    windowMs: windowMs.value,
    completedBefore: before.value
  }) : null;
  return ok({ kind: "backup", backupId, jobId: optionalText(jobId), choice });
}
function parseRestoreTarget(text2, raw) {
  const problems = [];
  if (!UUID.test(text2))
    problems.push(problem(Input.restoreId, "must be a restore UUID", { got: text2 }));
  const rule = "does not apply with `restore_id`, which follows a restore made before: remove it";
  for (const [name, given] of NOT_WITH_RESTORE_ID)
    if (given(raw(name))) problems.push(problem(name, rule, { got: raw(name) }));
  if (/^false$/i.test(raw(Input.wait))) {
    const waitRule = "cannot be `false` with `restore_id`: following a restore is waiting for it";
    problems.push(problem(Input.wait, waitRule));
  }
  return problems.length > 0 ? refused(...problems) : ok({ kind: "restore", restoreId: text2.toLowerCase() });
}
function drillTarget(raw, drillName = "") {
  if (drillName.trim() !== "") return drillName.trim();
  const backupId = raw(Input.backupId).trim();
  const restoreId = raw(Input.restoreId).trim();
  if (["latest", "random"].includes(backupId.toLowerCase()))
    return `job ${raw(Input.jobId).trim() || "(no job_id)"}`;
  if (backupId === "" && restoreId !== "") return `restore ${restoreId}`;
  return `backup ${backupId || "(no backup_id)"}`;
}

// src/inputs/parse.ts
var InputError = class extends Failure {
  constructor(problems) {
    super(`Invalid inputs: ${problems.join("; ")}.`);
    this.problems = problems;
    this.name = "InputError";
  }
  problems;
};
var trimmed = (get) => (name) => get(name).trim();
function parseAlertSettings(get) {
  const raw = trimmed(get);
  const enabled = parseBoolean(Input.issueOnFailure, raw(Input.issueOnFailure));
  const on = enabled.ok && enabled.value;
  const githubToken = raw(Input.githubToken);
  const label = raw(Input.issueLabel);
  const problems = enabled.ok ? [] : [...enabled.problems];
  if (on && githubToken === "") {
    const rule = "is required with `issue_on_failure`: leave it out to use the workflow token";
    problems.push(problem(Input.githubToken, rule));
  }
  const labelProblem = on ? labelRule(label) : null;
  if (labelProblem !== null) problems.push(problem(Input.issueLabel, labelProblem, { got: label }));
  if (!on || problems.length > 0) return { settings: null, problems };
  return { settings: Object.freeze({ githubToken, label, target: drillTarget(raw) }), problems };
}
function parseSettings(get, alert = parseAlertSettings(get)) {
  const raw = trimmed(get);
  const mode = oneOf(Input.mode, raw(Input.mode), COMMANDS);
  const command = mode.ok ? mode.value : "restore";
  const fields = collect({
    apiToken: raw(Input.apiToken) === "" ? refused(
      problem(Input.apiToken, "is required: pass your SnapShooter API token from a secret")
    ) : ok(raw(Input.apiToken)),
    target: parseTarget(raw),
    command: mode.ok ? commandRules(command, raw) : mode,
    // Refused in download mode by commandRules; their own rules would only add noise.
    compute: command === "download" ? ok(null) : parseCompute(raw(Input.computeType), raw(Input.serverId)),
    files: parseFileList(raw(Input.files)),
    wait: parseBoolean(Input.wait, raw(Input.wait)),
    dryRun: parseBoolean(Input.dryRun, raw(Input.dryRun)),
    timeoutMs: requiredDuration(Input.timeout, raw(Input.timeout), DURATION_BOUNDS.timeout),
    pollIntervalMs: requiredDuration(
      Input.pollInterval,
      raw(Input.pollInterval),
      DURATION_BOUNDS.pollInterval
    ),
    maxBackupAgeMs: optionalDuration(
      Input.maxBackupAge,
      raw(Input.maxBackupAge),
      DURATION_BOUNDS.limit
    ),
    maxRestoreDurationMs: optionalDuration(
      Input.maxRestoreDuration,
      raw(Input.maxRestoreDuration),
      DURATION_BOUNDS.limit
    ),
    onTimeout: oneOf(Input.onTimeout, raw(Input.onTimeout), ["fail", "warn"]),
    apiUrl: parseApiUrlInput(raw(Input.apiUrl)),
    resultFile: ok(optionalText(raw(Input.resultFile))),
    downloadTo: ok(optionalText(raw(Input.downloadTo))),
    alert: alert.problems.length === 0 ? ok(alert.settings) : refused(...alert.problems),
    history: parseHistory(raw, drillTarget(raw), {
      tokenReported: alert.problems.some((text2) => text2.startsWith(`\`${Input.githubToken}\``))
    })
  });
  if (!fields.ok) throw new InputError(fields.problems);
  const { value } = fields;
  const base = {
    apiToken: value.apiToken,
    timeoutMs: value.timeoutMs,
    onTimeout: value.onTimeout,
    dryRun: value.dryRun,
    resultFile: value.resultFile,
    apiUrl: value.apiUrl,
    alert: value.alert,
    history: value.history,
    written: writtenDurations(raw)
  };
  const { target } = value;
  if (target.kind === "restore") {
    return Object.freeze({
      command: "watch",
      ...base,
      restoreId: target.restoreId,
      pollIntervalMs: value.pollIntervalMs,
      maxRestoreDurationMs: value.maxRestoreDurationMs
    });
  }
  const common = {
    ...base,
    backupId: target.backupId,
    jobId: target.jobId,
    choice: target.choice,
    files: value.files,
    maxBackupAgeMs: value.maxBackupAgeMs
  };
  return Object.freeze(
    value.command === "download" ? { command: value.command, ...common, downloadTo: value.downloadTo } : {
      command: value.command,
      ...common,
      compute: value.compute,
      wait: value.wait,
      pollIntervalMs: value.pollIntervalMs,
      maxRestoreDurationMs: value.maxRestoreDurationMs
    }
  );
}
var RESTORE_ONLY = [
  [Input.computeType, (text2) => text2 !== ""],
  [Input.serverId, (text2) => text2 !== ""],
  [Input.wait, (text2) => /^false$/i.test(text2)],
  [Input.maxRestoreDuration, (text2) => text2 !== ""]
];
function commandRules(command, raw) {
  if (command === "restore" || raw(Input.restoreId) !== "") {
    const downloadTo = raw(Input.downloadTo);
    if (downloadTo === "") return ok(command);
    return refused(
      problem(Input.downloadTo, "applies only with `mode: download`", { got: downloadTo })
    );
  }
  const rule = "does not apply with `mode: download`: remove it, or use `mode: restore`";
  const problems = RESTORE_ONLY.filter(([name, given]) => given(raw(name))).map(
    ([name]) => problem(name, rule, { got: raw(name) })
  );
  return problems.length > 0 ? refused(...problems) : ok(command);
}
function writtenDurations(raw) {
  const written = {};
  for (const name of [Input.timeout, Input.maxBackupAge, Input.maxRestoreDuration]) {
    const text2 = raw(name).trim();
    if (text2 !== "") written[name] = text2;
  }
  return written;
}

// src/inputs/read.ts
var fromRunner = (name) => getInput(name);
function maskSecrets() {
  for (const name of [Input.apiToken, Input.githubToken]) {
    const token = fromRunner(name);
    if (token !== "") setSecret(token);
  }
}
function readAlertSettings() {
  return parseAlertSettings(fromRunner);
}
function readSettings(alert) {
  return parseSettings(fromRunner, alert);
}

// src/report/publish.ts
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";

// src/report/result.ts
var MAX_OUTPUT_FILES = 100;
var MAX_RESULT_OUTPUT_BYTES = 1e6;
function buildResult(evidence, env) {
  const { backup, restore, settings, download } = evidence;
  const durationMs = restoreDurationMs(restore, evidence.measuredDurationMs);
  const requested = settings?.command === "restore" ? settings.compute : null;
  const compute = restore?.compute ? { type: restore.compute.type, server_id: restore.compute.serverId } : requested ? { type: requested.type, server_id: requested.serverId } : null;
  return {
    version: 1,
    outcome: evidence.outcome ?? "failed",
    mode: settings?.command ?? "restore",
    status: restore?.status ?? statusOfDownload(evidence),
    backup: {
      // Following a restore, its own answer names the backup.
      id: backup?.id ?? restore?.backupId ?? null,
      job_id: backup?.jobId ?? restore?.jobId ?? null,
      completed_at: backup?.completedAt ?? null,
      age_seconds: evidence.backupAgeMs === null ? null : seconds(evidence.backupAgeMs)
    },
    selection: evidence.selection,
    restore: {
      id: restore?.id ?? (settings?.command === "watch" ? settings.restoreId : null),
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
      limit: check.limit ?? formatDuration(check.limitSeconds * 1e3),
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
  return settings?.command === "download" && ended ? "failed" : null;
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
    [Output.selection]: result.selection === null ? "" : JSON.stringify(result.selection),
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

// src/report/summary-parts.ts
var MAX_FILE_ROWS = 50;
var MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");
function facts(title, rows) {
  return [`### ${title}`, "", ...rows.map(([key, value]) => `- **${key}:** ${value}`), ""];
}
function folded(title, body) {
  return [`<details><summary>${title}</summary>`, "", ...body, "", "</details>", ""];
}
function backupFacts({ backup, selection }) {
  return facts("Backup", [
    ["id", code(backup.id)],
    ["job", code(backup.job_id)],
    [
      "completed",
      backup.age_seconds === null ? time(backup.completed_at) : `${time(backup.completed_at)}, ${age(backup.age_seconds)}${backup.age_seconds < 0 ? "" : " old"}`
    ],
    // How `latest`, `random` or `restore_id` found it; a backup given by id needs no line.
    ...selection === null || selection.rule === "id" ? [] : [["chosen", prose(describeSelection(selection))]]
  ]);
}
function restoreFacts({ restore, files }) {
  return facts("Restore", [
    ["id", code(restore.id)],
    ["status", code(restore.status)],
    [
      "compute",
      restore.compute ? `${text(restore.compute.type)} ${code(String(restore.compute.server_id ?? ""))}` : "where the backup was made"
    ],
    ["files", String(files.length)],
    ["created", time(restore.created_at)],
    ["ran", span(restore.started_at, restore.completed_at)],
    ["duration", duration(restore.duration_seconds)]
  ]);
}
function restoredFiles({ files, outcome }) {
  if (files.length === 0) return [];
  const rows = files.slice(0, MAX_FILE_ROWS).map((file) => `- ${code(file.name)}`);
  if (files.length > MAX_FILE_ROWS)
    rows.push(`- and ${files.length - MAX_FILE_ROWS} more: see the result JSON`);
  const title = outcome === "dry_run" ? "Files to restore" : "Files";
  return folded(`${title} (${files.length})`, rows);
}
function downloadFacts({ download, files }) {
  const done = download?.files ?? [];
  const bytes = done.reduce((sum, file) => sum + file.bytes, 0);
  return facts("Download", [
    ["folder", code(download?.dir ?? null)],
    ["status", code(download?.status ?? null)],
    ["files", `${done.length} of ${files.length} verified, ${bytes} bytes`],
    ["started", time(download?.started_at ?? null)],
    ["duration", duration(download?.duration_seconds ?? null)]
  ]);
}
function downloadedFiles({ download }) {
  const done = download?.files ?? [];
  if (done.length === 0) return [];
  const rows = ["| file | bytes | sha256 |", "| --- | --- | --- |"];
  for (const file of done.slice(0, MAX_FILE_ROWS))
    rows.push(`| ${code(file.name)} | ${file.bytes} | <code>${file.sha256}</code> |`);
  if (done.length > MAX_FILE_ROWS)
    rows.push(`| and ${done.length - MAX_FILE_ROWS} more: see the result JSON | | |`);
  return folded(`Files downloaded and verified (${done.length})`, rows);
}
function requestBlock(request, backupId) {
  const { files } = request;
  const omitted = Math.max(0, (files?.length ?? 0) - MAX_FILE_ROWS);
  const shown = omitted > 0 ? { ...request, files: files?.slice(0, MAX_FILE_ROWS) } : request;
  const body = escapeHtml(JSON.stringify(shown, null, 2));
  return folded("The request a run without <code>dry_run</code> would send", [
    `<pre><code>POST /v1/backups/${inline(backupId ?? "")}/restore
${body}</code></pre>`,
    ...omitted > 0 ? ["", `Its \`files\` holds ${omitted} more file ids, left out here.`] : []
  ]);
}
function code(value) {
  return value === null || value === "" ? "\u2013" : `<code>${inline(value)}</code>`;
}
function text(value) {
  return value === null || value === "" ? "\u2013" : inline(value);
}
function time(value) {
  const at = parseTime(value);
  if (at === null) return text(value);
  const date = new Date(at);
  const two = (n) => String(n).padStart(2, "0");
  const day = `${two(date.getUTCDate())} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
  return `${day}, ${two(date.getUTCHours())}:${two(date.getUTCMinutes())} UTC`;
}
function span(started, completed) {
  if (started === null) return "\u2013";
  const [from, to] = [time(started), time(completed)];
  if (completed === null) return `from ${from}, not completed`;
  const day = from.slice(0, from.indexOf(", ") + 2);
  const sameDay = day.length > 2 && to.startsWith(day);
  return sameDay ? `${from.replace(" UTC", "")} \u2192 ${to.slice(day.length)}` : `${from} \u2192 ${to}`;
}
function duration(secondsValue) {
  return secondsValue === null ? "\u2013" : formatElapsed(secondsValue * 1e3);
}
function age(secondsValue) {
  if (secondsValue === null || secondsValue >= 0) return duration(secondsValue);
  return `${formatElapsed(-secondsValue * 1e3)} ahead of the runner's clock`;
}

// src/report/summary.ts
var HEADLINES = {
  succeeded: "\u2705 Restore drill{name} succeeded",
  failed: "\u274C Restore drill{name} failed",
  timed_out: "\u23F1\uFE0F Restore drill{name} timed out",
  cancelled: "\u{1F6AB} Restore drill{name} cancelled",
  not_waited: "\u23E9 Restore{name} started (not waited for)",
  dry_run: "\u{1F9EA} Dry run{name}: nothing was restored"
};
var DOWNLOAD_HEADLINES = {
  succeeded: "\u2705 Download drill{name} succeeded",
  failed: "\u274C Download drill{name} failed",
  timed_out: "\u23F1\uFE0F Download drill{name} timed out",
  cancelled: "\u{1F6AB} Download drill{name} cancelled",
  dry_run: "\u{1F9EA} Dry run{name}: nothing was downloaded"
};
var CHECK_LABELS = {
  max_backup_age: "RPO: backup age, `max_backup_age`",
  max_restore_duration: "RTO: restore duration, `max_restore_duration`"
};
var SHORT_LABELS = { max_backup_age: "RPO", max_restore_duration: "RTO" };
function renderSummary(result, extras = {}) {
  const downloading = result.mode === "download";
  const lines = [`## ${headline(result)}`, ""];
  if (result.error) lines.push(`> **Error:** ${prose(result.error.message)}`, "");
  if (extras.leftBehind) lines.push(`> **Left behind:** ${prose(extras.leftBehind)}`, "");
  lines.push(...checksTable(result), ...backupFacts(result));
  if (downloading) lines.push(...downloadFacts(result), ...downloadedFiles(result));
  else lines.push(...restoreFacts(result), ...restoredFiles(result));
  if (extras.request && !downloading) lines.push(...requestBlock(extras.request, result.backup.id));
  return lines.join("\n");
}
function summaryFooter({ run: run2 }) {
  if (!run2.repository || !run2.run_id) return "";
  return `
<sub>${inline(run2.workflow ?? "workflow")} \xB7 run ${inline(run2.run_id)} \xB7 ${inline(run2.event ?? "")}</sub>
`;
}
function headline(result) {
  const name = result.drill?.name ? ` \u201C${inline(result.drill.name)}\u201D` : "";
  const title = (result.mode === "download" ? DOWNLOAD_HEADLINES[result.outcome] : void 0) ?? HEADLINES[result.outcome];
  const numbers = [...backupNumbers(result), ...progressNumbers(result)];
  return `${title.replace("{name}", name)}${numbers.length > 0 ? ` \u2014 ${numbers.join(", ")}` : ""}`;
}
function backupNumbers({ backup, checks }) {
  if (backup.age_seconds === null) return [];
  const old = backup.age_seconds < 0 ? age(backup.age_seconds) : `${age(backup.age_seconds)} old`;
  return [`backup ${old}${limitOf(checks, "max_backup_age")}`];
}
function progressNumbers(result) {
  const { outcome, restore, files, download } = result;
  const plural = (n) => `${n} file${n === 1 ? "" : "s"}`;
  if (result.mode === "download") {
    if (outcome === "dry_run")
      return files.length > 0 ? [`${plural(files.length)} to download`] : [];
    if (download === null || download.status === null) return [];
    const took2 = download.duration_seconds === null ? "" : ` in ${duration(download.duration_seconds)}`;
    return [`${download.files.length} of ${plural(files.length)} verified${took2}`];
  }
  if (outcome === "dry_run") return files.length > 0 ? [`${plural(files.length)} to restore`] : [];
  if (restore.id === null) return [];
  const rto = limitOf(result.checks, "max_restore_duration");
  const restored = restore.status !== null && classifyStatus(restore.status).class === "succeeded";
  if (restored && restore.duration_seconds !== null)
    return [`restored in ${duration(restore.duration_seconds)}${rto}`];
  const took = restore.duration_seconds === null ? "" : ` after ${duration(restore.duration_seconds)}`;
  return [`restore ${text(restore.status)}${took}`];
}
function limitOf(checks, name) {
  const check = checks.find((each) => each.name === name);
  return check ? ` (${SHORT_LABELS[name]} ${inline(check.limit)})` : "";
}
function checksTable({ checks }) {
  if (checks.length === 0) return [];
  const lines = [
    "### Checks",
    "",
    "| check | limit | actual | verdict |",
    "| --- | --- | --- | --- |"
  ];
  for (const check of checks) {
    const verdict = check.passed === null ? "\u2796 not measured" : check.passed ? "\u2705 passed" : "\u274C failed";
    lines.push(
      `| ${CHECK_LABELS[check.name] ?? check.name} | ${inline(check.limit)} | ${age(check.actual_seconds)} | ${verdict} |`
    );
  }
  return [...lines, ""];
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
    if (this.#outputs.failure !== null) throw new Failure(this.#outputs.failure);
  }
  /**
   * Writes every piece of evidence and states the verdict, and only then records the drill in
   * its history and raises the alert (when alerting is on, `alert` gets the summary to post as
   * the drill's GitHub issue), side by side: GitHub may be slow or the run cancelled meanwhile,
   * and the evidence must already be on disk by then. Never throws.
   */
  async finish(recorded, alert, history) {
    this.#outputs.set({
      ...outputsOf(buildResult(recorded, this.env)),
      [Output.issueNumber]: "",
      [Output.issueUrl]: "",
      [Output.historyUrl]: ""
    });
    const evidence = withUndeliveredOutputs(recorded, this.#outputs.failure);
    const result = buildResult(evidence, this.env);
    const resultFile = await this.#writeResultFile(evidence, result);
    this.#outputs.set({ [Output.resultFile]: resultFile ?? "" });
    const markdown = renderSummary(result, {
      request: result.outcome === "dry_run" ? evidence.request : null,
      leftBehind: leftBehind(evidence)
    });
    const footer = summaryFooter(result);
    const summarised = await this.#writeSummary(markdown);
    stateVerdict(evidence, result.outcome);
    const [noted, issue] = await Promise.all([
      history ? history(result) : null,
      alert ? alert(result.outcome, `${markdown}${footer}`) : null
    ]);
    if (noted !== null) {
      this.#outputs.set({ [Output.historyUrl]: noted.url ?? "" });
      for (const warning2 of noted.warnings) warning(warning2);
    }
    if (issue !== null)
      this.#outputs.set({
        [Output.issueNumber]: String(issue.number),
        [Output.issueUrl]: issue.url
      });
    if (!summarised) return;
    const issueLine = issue === null ? "" : `
> Drill issue [#${issue.number}](${issue.url}): ${ISSUE_ACTIONS[issue.action]}.
`;
    const rest = `${issueLine}${footer}${noted?.markdown ?? ""}`;
    if (rest !== "") await this.#writeSummary(rest);
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
    const wanted = evidence.settings?.resultFile;
    if (!wanted) return null;
    const path = resolve(wanted);
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
function withUndeliveredOutputs(evidence, failure) {
  if (failure === null || evidence.error === failure) return evidence;
  if (failsTheStep(evidence, evidence.outcome ?? "failed")) {
    warning(failure);
    return evidence;
  }
  return { ...evidence, outcome: "failed", error: failure };
}
function stateVerdict(evidence, outcome) {
  info(`Outcome: ${outcome}`);
  const message = evidence.error ?? `The restore drill ended ${outcome}.`;
  if (failsTheStep(evidence, outcome)) setFailed(message);
  else if (outcome === "timed_out") warning(message);
}
function leftBehind(evidence) {
  const { restore } = evidence;
  if ((evidence.outcome ?? "failed") !== "failed") return null;
  if (restore !== null && classifyStatus(restore.status).class === "running") {
    return `Restore ${restore.id} (last status ${restore.status}) goes on at SnapShooter; check it there before starting another.`;
  }
  if (evidence.requestInFlight) {
    return "The restore request was in flight when the run stopped: a restore may have started. Check SnapShooter before running again.";
  }
  return null;
}

// src/report/evidence.ts
function newEvidence() {
  return {
    outcome: null,
    settings: null,
    backup: null,
    selection: null,
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

// src/report/record.ts
var RunRecord = class {
  evidence = newEvidence();
  #outputs;
  constructor(outputs) {
    this.#outputs = outputs;
  }
  settingsRead(settings) {
    this.evidence.settings = settings;
    this.evidence.selection = askedSelection(settings);
  }
  backupResolved(backup, selection) {
    this.evidence.backup = backup;
    this.evidence.selection = selection;
    this.#announce();
  }
  checked({ files, request, backupAgeMs, checks }) {
    Object.assign(this.evidence, { files, request, backupAgeMs, checks });
    this.#announce();
  }
  restoreRequested() {
    this.evidence.requestInFlight = true;
  }
  restoreRequestFailed({ mayHaveStarted }) {
    this.evidence.requestInFlight = mayHaveStarted;
  }
  restoreCreated(restore) {
    this.evidence.restore = restore;
    this.evidence.requestInFlight = false;
    this.#announce();
  }
  downloadPlanned(dir) {
    this.evidence.download = { dir, status: null, startedAt: null, durationMs: null, files: [] };
    this.#announce();
  }
  downloadStarted(at) {
    if (this.evidence.download) this.evidence.download.startedAt = new Date(at).toISOString();
  }
  filesVerified(files) {
    if (this.evidence.download) this.evidence.download.files = [...files];
  }
  downloadEnded(end) {
    if (this.evidence.download) Object.assign(this.evidence.download, end);
  }
  /** The outcome of a command that returned. */
  ended(ended) {
    const { end } = ended;
    if (end.kind === "dry_run") this.evidence.outcome = "dry_run";
    else if (end.kind === "downloaded") this.evidence.outcome = "succeeded";
    else if (end.kind === "not_waited") this.evidence.outcome = "not_waited";
    else if (ended.command !== "download") concludeWait(this.evidence, end.wait, ended.settings);
  }
  /** The outcome of a run that stopped on an error. */
  failed(error, { cancelled }) {
    if (error instanceof SelectionRefusal) this.evidence.selection = error.selection;
    concludeFailure(this.evidence, error, { cancelled });
  }
  #announce() {
    this.#outputs.announce(this.evidence);
  }
};
function concludeWait(evidence, end, settings) {
  const restore = end.restore ?? evidence.restore;
  evidence.restore = restore;
  const id = restore?.id ?? "unknown";
  const status = restore?.status ?? "unknown";
  const ended = end.kind === "succeeded" || end.kind === "failed";
  if (ended) evidence.measuredDurationMs = end.elapsedMs;
  const tookMs = ended ? restoreDurationMs(restore, end.elapsedMs) : null;
  const durationMs = end.kind === "succeeded" ? tookMs : null;
  if (settings.maxRestoreDurationMs !== null) {
    evidence.checks.push(
      limitCheck(
        "max_restore_duration",
        settings.maxRestoreDurationMs,
        durationMs,
        settings.written?.max_restore_duration
      )
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
      evidence.error = `Restore ${id} ended with status "${status}" after ${formatElapsed(tookMs ?? end.elapsedMs)}: SnapShooter could not restore the backup; see the restore's log in SnapShooter.`;
      return;
    case "timed_out":
      evidence.outcome = "timed_out";
      evidence.error = `Restore ${id} was still ${status} when \`timeout\` (${settings.written?.timeout ?? formatDuration(settings.timeoutMs)}) ran out; it goes on at SnapShooter. ` + (settings.onTimeout === "fail" ? "Raise `timeout`, or set `on_timeout: warn`." : "Raise `timeout` to wait for it.");
      return;
    case "cancelled":
      evidence.outcome = "cancelled";
      evidence.error = `The run was cancelled while waiting for restore ${id} (last status ${status}); the restore goes on at SnapShooter.`;
      return;
    case "error":
      evidence.outcome = end.error instanceof Failure ? end.error.outcome : "failed";
      evidence.error = oneLine(end.error.message);
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
function concludeFailure(evidence, error, { cancelled }) {
  if (cancelled) {
    evidence.outcome = "cancelled";
    evidence.error = cancelledReason(evidence);
    return;
  }
  evidence.outcome = error instanceof Failure ? error.outcome : "failed";
  evidence.error = oneLine(errorMessage(error));
}

// src/main.ts
async function run(deps = {}) {
  maskSecrets();
  const { signal = new AbortController().signal, clock = systemClock, sleep = realSleep } = deps;
  const { requestTimeoutMs, env = process.env } = deps;
  const startedAt = clock.now();
  const publisher = new Publisher(env);
  const record = new RunRecord(publisher);
  const alert = readAlertSettings();
  try {
    const settings = readSettings(alert);
    record.settingsRead(settings);
    const clientUntil = await connect(settings, { signal, clock, sleep, requestTimeoutMs });
    const runnerTemp = env.RUNNER_TEMP || tmpdir();
    const commandDeps = { connect: clientUntil, startedAt, signal, clock, sleep, runnerTemp };
    record.ended(await runCommand(settings, commandDeps, record));
  } catch (error) {
    record.failed(error, { cancelled: signal.aborted });
  } finally {
    await publisher.finish(
      record.evidence,
      drillAlert(alert.settings, env, { signal, requestTimeoutMs }),
      drillHistory(record.evidence.settings, {
        env,
        signal,
        clock,
        sleep,
        requestTimeoutMs,
        startedAt
      })
    );
  }
}
async function runCommand(settings, deps, record) {
  switch (settings.command) {
    case "restore": {
      const { runRestore } = await import("./chunks/run-IVSOHFNO.js");
      return { command: "restore", settings, end: await runRestore(settings, deps, record) };
    }
    case "download": {
      const { runDownload } = await import("./chunks/run-XQBQ7KNQ.js");
      return { command: "download", settings, end: await runDownload(settings, deps, record) };
    }
    case "watch": {
      const { runWatch } = await import("./chunks/run-5CSAOVXC.js");
      return { command: "watch", settings, end: await runWatch(settings, deps) };
    }
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
