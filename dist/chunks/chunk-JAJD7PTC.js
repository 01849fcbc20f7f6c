import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  DURATION_BOUNDS,
  UUID,
  collect,
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
  quote,
  refused,
  requiredDuration
} from "./chunk-JBOLT6KR.js";
import {
  restoreDurationMs,
  seconds
} from "./chunk-I6DHMJ55.js";
import {
  MAX_BACKUP_WINDOW_MS,
  formatDuration,
  parseGlob
} from "./chunk-RKSAIW2P.js";
import {
  BACKUP_TAGS,
  Failure,
  Input,
  JobsInput,
  Output,
  ReportInput,
  cut,
  errorMessage,
  getInput,
  neutralise,
  setOutput,
  setSecret
} from "./chunk-VIEEPT45.js";

// src/cancel.ts
async function runCancellable(run) {
  const controller = new AbortController();
  const cancel = () => controller.abort();
  process.on("SIGINT", cancel);
  process.on("SIGTERM", cancel);
  try {
    await run(controller.signal);
  } finally {
    process.off("SIGINT", cancel);
    process.off("SIGTERM", cancel);
  }
}

// src/inputs/settings.ts
var COMMANDS = ["restore", "download"];
var VERIFY_LEVELS = ["content", "integrity"];

// src/inputs/target.ts
var FILTERS = [Input.backupTag, Input.backupWindow, Input.completedBefore];
var NOT_WITH_RESTORE_ID = [
  [Input.backupId, (text) => text !== ""],
  [Input.jobId, (text) => text !== ""],
  [Input.files, (text) => text !== ""],
  [Input.computeType, (text) => text !== ""],
  [Input.serverId, (text) => text !== ""],
  [Input.dryRun, (text) => /^true$/i.test(text)],
  [Input.mode, (text) => text === "download"],
  [Input.maxBackupAge, (text) => text !== ""],
  ...FILTERS.map((name) => [name, (text) => text !== ""])
];
var ISO_WITH_ZONE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/i;
function parseCompletedBefore(text) {
  if (text === "") return ok(null);
  const ms = ISO_WITH_ZONE.test(text) ? Date.parse(text.toUpperCase()) : NaN;
  if (Number.isFinite(ms)) return ok(ms);
  const rule = "must be an ISO 8601 time with a zone, such as `2026-11-20T04:00:00Z`";
  return refused(problem(Input.completedBefore, rule, { got: text }));
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
function parseRestoreTarget(text, raw) {
  const problems = [];
  if (!UUID.test(text))
    problems.push(problem(Input.restoreId, "must be a restore UUID", { got: text }));
  const rule = "does not apply with `restore_id`, which follows a restore made before: remove it";
  for (const [name, given] of NOT_WITH_RESTORE_ID)
    if (given(raw(name))) problems.push(problem(name, rule, { got: raw(name) }));
  if (/^false$/i.test(raw(Input.wait))) {
    const waitRule = "cannot be `false` with `restore_id`: following a restore is waiting for it";
    problems.push(problem(Input.wait, waitRule));
  }
  return problems.length > 0 ? refused(...problems) : ok({ kind: "restore", restoreId: text.toLowerCase() });
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
  const drillName = parseDrillName(raw(Input.drillName));
  if (!on || problems.length > 0) return { settings: null, problems, drillName };
  const target = drillTarget(raw, drillName ?? "");
  return { settings: Object.freeze({ githubToken, label, target }), problems, drillName };
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
    verify: parseVerify(command, raw(Input.verify)),
    alert: alert.problems.length === 0 ? ok(alert.settings) : refused(...alert.problems),
    history: parseHistory(raw, drillTarget(raw, alert.drillName ?? ""), {
      tokenReported: alert.problems.some((text) => text.startsWith(`\`${Input.githubToken}\``))
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
    value.command === "download" ? { command: value.command, ...common, downloadTo: value.downloadTo, verify: value.verify } : {
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
  [Input.computeType, (text) => text !== ""],
  [Input.serverId, (text) => text !== ""],
  [Input.wait, (text) => /^false$/i.test(text)],
  [Input.maxRestoreDuration, (text) => text !== ""]
];
function parseVerify(command, text) {
  if (command !== "download") return ok("content");
  return oneOf(Input.verify, text || "content", VERIFY_LEVELS);
}
var DOWNLOAD_ONLY = [
  [Input.downloadTo, (text) => text !== ""],
  [Input.verify, (text) => text !== "" && text !== "content"]
];
function commandRules(command, raw) {
  if (command === "restore" || raw(Input.restoreId) !== "") {
    const given = DOWNLOAD_ONLY.filter(([name, isGiven]) => isGiven(raw(name)));
    if (given.length === 0) return ok(command);
    return refused(
      ...given.map(
        ([name]) => problem(name, "applies only with `mode: download`", { got: raw(name) })
      )
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
    const text = raw(name).trim();
    if (text !== "") written[name] = text;
  }
  return written;
}

// src/inputs/fleet.ts
var MAX_MATRIX_JOBS = 256;
var MAX_DRILL_NAME = 200;
function parseDrillName(text) {
  const line = neutralise(text).replace(/\s+/g, " ").trim();
  return line === "" ? null : cut(line, MAX_DRILL_NAME);
}
function parseJobFilters(name, text) {
  const entries = [...new Set(text.split(/[,\n]/).map((entry) => entry.trim()))];
  const filters = entries.filter((entry) => entry !== "").map(
    (entry) => UUID.test(entry) ? { kind: "id", id: entry.toLowerCase() } : { kind: "pattern", pattern: entry }
  );
  const problems = filters.flatMap((filter) => {
    if (filter.kind !== "pattern") return [];
    const parsed = parseGlob(filter.pattern);
    if (!("problem" in parsed)) return [];
    return [problem(name, `entry ${quote(filter.pattern)} is not a pattern: ${parsed.problem}`)];
  });
  return problems.length > 0 ? refused(...problems) : ok(Object.freeze(filters));
}
function parseMaxJobs(text) {
  const value = /^\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isSafeInteger(value) && value >= 1 && value <= MAX_MATRIX_JOBS) return ok(value);
  const rule = `must be a whole number from 1 to ${MAX_MATRIX_JOBS} (GitHub's limit of jobs in one matrix)`;
  return refused(problem(JobsInput.maxJobs, rule, { got: text }));
}
function parseJobsSettings(get) {
  const raw = (name) => get(name).trim();
  const token = raw(JobsInput.apiToken);
  const fields = collect({
    apiToken: token === "" ? refused(
      problem(
        JobsInput.apiToken,
        "is required: pass your SnapShooter API token from a secret"
      )
    ) : ok(token),
    apiUrl: parseApiUrlInput(raw(JobsInput.apiUrl)),
    include: parseJobFilters(JobsInput.include, raw(JobsInput.include)),
    exclude: parseJobFilters(JobsInput.exclude, raw(JobsInput.exclude)),
    maxJobs: parseMaxJobs(raw(JobsInput.maxJobs))
  });
  if (!fields.ok) throw new InputError(fields.problems);
  return Object.freeze(fields.value);
}

// src/inputs/report.ts
var FAIL_ON = ["failed", "never"];
var HISTORY_INPUTS = {
  [Input.historyBranch]: ReportInput.historyBranch,
  [Input.historySize]: ReportInput.historySize,
  [Input.githubToken]: ReportInput.githubToken
};
var MAX_EXPECTED = 1e4;
function parseReportSettings(get) {
  const problems = [];
  const results = get(ReportInput.results).trim();
  const pattern = results.replace(/\\/g, "/").replace(/^(\.\/)+/, "");
  let glob = [];
  if (pattern === "")
    problems.push(`${ReportInput.results} is required (a glob such as results/**/*.json)`);
  else if (/^\/|^[A-Za-z]:\//.test(pattern) || pattern.split("/").includes(".."))
    problems.push(
      `${ReportInput.results} must be a pattern inside the workspace (relative, without ..), got ${JSON.stringify(results)}`
    );
  else {
    const parsed = parseGlob(pattern);
    if ("problem" in parsed) problems.push(`${ReportInput.results}: ${parsed.problem}`);
    else glob = parsed.glob;
  }
  const expected = parseExpected(get(ReportInput.expected).trim());
  if (typeof expected === "string") problems.push(expected);
  const failOn = get(ReportInput.failOn).trim() || "failed";
  if (!FAIL_ON.includes(failOn))
    problems.push(
      `${ReportInput.failOn} must be ${FAIL_ON.join(" or ")}, got ${JSON.stringify(failOn.slice(0, 40))}`
    );
  const given = new Map(Object.values(HISTORY_INPUTS).map((name) => [name, get(name).trim()]));
  const history = parseHistory((name) => {
    const own = HISTORY_INPUTS[name];
    return own === void 0 ? "" : given.get(own) ?? "";
  }, "");
  if (!history.ok) problems.push(...history.problems);
  if (problems.length > 0 || !history.ok) throw new InputError(problems);
  const historySettings = history.value === null ? null : Object.freeze({
    branch: history.value.branch,
    size: history.value.size,
    githubToken: history.value.githubToken
  });
  return Object.freeze({
    results,
    pattern,
    glob,
    expected: typeof expected === "string" ? null : expected,
    failOn,
    history: historySettings
  });
}
var EXPECTED_SHAPE = `a JSON array of job ids or the jobs sub-action's matrix ({"include":[{"job_id":...,"job_name":...}]})`;
function parseExpected(text) {
  if (text === "") return null;
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    return `${ReportInput.expected} is not JSON: give ${EXPECTED_SHAPE}`;
  }
  const list = typeof value === "object" && value !== null && !Array.isArray(value) ? value.include : value;
  if (!Array.isArray(list)) return `${ReportInput.expected} must be ${EXPECTED_SHAPE}`;
  if (list.length > MAX_EXPECTED)
    return `${ReportInput.expected} lists ${list.length} jobs, more than ${MAX_EXPECTED}`;
  const jobs = [];
  for (const [index, item] of list.entries()) {
    const entry = typeof item === "string" ? { job_id: item } : item;
    const id = typeof entry === "object" && entry !== null ? entry.job_id : null;
    const name = typeof entry === "object" && entry !== null ? entry.job_name : null;
    if (typeof id !== "string" || !UUID.test(id))
      return `${ReportInput.expected}: entry ${index + 1} is not a job UUID (${EXPECTED_SHAPE})`;
    const jobId = id.toLowerCase();
    if (jobs.some((job) => job.jobId === jobId))
      return `${ReportInput.expected}: job ${jobId} is listed twice`;
    jobs.push({ jobId, jobName: typeof name === "string" ? parseDrillName(name) : null });
  }
  return Object.freeze(jobs);
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
function readJobsSettings() {
  const token = fromRunner(JobsInput.apiToken);
  if (token !== "") setSecret(token);
  return parseJobsSettings(fromRunner);
}
function readReportSettings() {
  const token = getInput(ReportInput.githubToken);
  if (token !== "") setSecret(token);
  return parseReportSettings((name) => getInput(name));
}

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
    drill: { name: evidence.drillName },
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
      files: download.files.map(({ name, path, bytes, sha256, checks }) => ({
        name,
        path,
        bytes,
        sha256,
        ...checks === void 0 ? {} : { checks: checks.map((check) => ({ ...check })) }
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
  const text = (value) => value === null ? "" : String(value);
  const fileIds = result.files.map((file) => file.id);
  const listed = resultForOutput(result);
  return {
    [Output.outcome]: result.outcome,
    [Output.status]: text(result.status),
    [Output.restoreId]: text(result.restore.id),
    [Output.backupId]: text(result.backup.id),
    [Output.jobId]: text(result.backup.job_id),
    [Output.fileIds]: JSON.stringify(fileIds),
    [Output.fileCount]: String(fileIds.length),
    [Output.startedAt]: text(result.restore.started_at),
    [Output.completedAt]: text(result.restore.completed_at),
    [Output.durationSeconds]: text(result.restore.duration_seconds),
    [Output.backupCompletedAt]: text(result.backup.completed_at),
    [Output.backupAgeSeconds]: text(result.backup.age_seconds),
    [Output.selection]: result.selection === null ? "" : JSON.stringify(result.selection),
    [Output.downloadDir]: text(result.download?.dir ?? null),
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

export {
  runCancellable,
  MAX_DRILL_NAME,
  parseDrillName,
  maskSecrets,
  readAlertSettings,
  readSettings,
  readJobsSettings,
  readReportSettings,
  buildResult,
  outputsOf,
  OutputWriter
};
//# sourceMappingURL=chunk-JAJD7PTC.js.map
