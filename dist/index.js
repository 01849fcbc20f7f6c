import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  classifyStatus
} from "./chunks/chunk-P5RYDK4Q.js";
import {
  SelectionRefusal,
  askedSelection,
  checkFailure,
  describeSelection
} from "./chunks/chunk-3RD3IW2L.js";
import {
  connect
} from "./chunks/chunk-TV2A6A33.js";
import {
  OutputWriter,
  buildResult,
  maskSecrets,
  outputsOf,
  readAlertSettings,
  readSettings,
  runCancellable
} from "./chunks/chunk-JAJD7PTC.js";
import {
  escapeHtml,
  inline,
  prose
} from "./chunks/chunk-JBOLT6KR.js";
import {
  limitCheck,
  parseTime,
  restoreDurationMs
} from "./chunks/chunk-I6DHMJ55.js";
import {
  formatDuration,
  formatElapsed
} from "./chunks/chunk-RKSAIW2P.js";
import {
  mayAlert
} from "./chunks/chunk-MJATRFDO.js";
import {
  realSleep,
  systemClock
} from "./chunks/chunk-U74NIOEJ.js";
import "./chunks/chunk-QP5NUJKD.js";
import "./chunks/chunk-CPMEAYED.js";
import {
  Failure,
  Output,
  errorMessage,
  info,
  oneLine,
  setFailed,
  summary,
  warning
} from "./chunks/chunk-VIEEPT45.js";
import "./chunks/chunk-UBNUX3TW.js";
import {
  isRecorded
} from "./chunks/chunk-IZ3IYCTI.js";
import "./chunks/chunk-23VKRORU.js";

// src/main.ts
import { tmpdir } from "node:os";

// src/alert/index.ts
function drillAlert(settings, env, options = {}) {
  if (settings === null) return void 0;
  return async (outcome, summary2) => {
    if (!mayAlert(outcome)) return null;
    const { alertOnGitHub } = await import("./chunks/github-KNRYRAAX.js");
    return alertOnGitHub(settings, outcome, summary2, env, options);
  };
}

// src/history/index.ts
function drillHistory(settings, deps) {
  const history = settings?.history;
  if (!settings || !history) return void 0;
  const limit = settings.maxRestoreDurationMs ?? null;
  return async (result) => {
    if (!isRecorded(result.outcome)) return null;
    try {
      const { recordDrill } = await import("./chunks/drill-Z23UZRFA.js");
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

// src/report/publish.ts
import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";

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
    ...done.length > 0 ? [["contents", contentsTally(done)]] : [],
    ["started", time(download?.started_at ?? null)],
    ["duration", duration(download?.duration_seconds ?? null)]
  ]);
}
function downloadedFiles({ download }) {
  const done = download?.files ?? [];
  if (done.length === 0) return [];
  const rows = ["| file | bytes | checks | sha256 |", "| --- | --- | --- | --- |"];
  for (const file of done.slice(0, MAX_FILE_ROWS))
    rows.push(
      `| ${code(file.name)} | ${file.bytes} | ${checksCell(file.checks)} | <code>${file.sha256}</code> |`
    );
  if (done.length > MAX_FILE_ROWS)
    rows.push(`| and ${done.length - MAX_FILE_ROWS} more: see the result JSON | | | |`);
  return folded(`Files downloaded and verified (${done.length})`, rows);
}
var PASSED_ICON = { true: "\u2705", false: "\u274C", null: "\u23ED\uFE0F" };
function contentsTally(done) {
  const count = { passed: 0, failed: 0, skipped: 0, integrity: 0 };
  for (const { checks } of done) {
    if (checks === void 0 || checks.length === 0) count.integrity += 1;
    else if (checks.some((check) => check.passed === false)) count.failed += 1;
    else if (checks.some((check) => check.passed === null)) count.skipped += 1;
    else count.passed += 1;
  }
  const parts = [
    count.passed > 0 ? `${PASSED_ICON.true} ${count.passed} checked` : "",
    count.failed > 0 ? `${PASSED_ICON.false} ${count.failed} failed a check` : "",
    count.skipped > 0 ? `${PASSED_ICON.null} ${count.skipped} skipped (look encrypted)` : "",
    count.integrity > 0 ? `${count.integrity} integrity only` : ""
  ];
  return parts.filter((part) => part !== "").join(", ");
}
function checksCell(checks) {
  if (checks === void 0) return "integrity only (`verify: integrity`)";
  if (checks.length === 0) return "integrity only: no content check for its type";
  return checks.map((check) => `${PASSED_ICON[`${check.passed}`]} ${inline(`${check.name}: ${check.detail}`)}`).join("<br>");
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
    drillName: null,
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
  /** The drill's label, known before any other input is checked. */
  named(drillName) {
    this.evidence.drillName = drillName;
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
  record.named(alert.drillName);
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
      const { runRestore } = await import("./chunks/run-ZGY2DZ4L.js");
      return { command: "restore", settings, end: await runRestore(settings, deps, record) };
    }
    case "download": {
      const { runDownload } = await import("./chunks/run-3T7UQCQL.js");
      return { command: "download", settings, end: await runDownload(settings, deps, record) };
    }
    case "watch": {
      const { runWatch } = await import("./chunks/run-7HLZQBAU.js");
      return { command: "watch", settings, end: await runWatch(settings, deps) };
    }
  }
}

// src/index.ts
await runCancellable((signal) => run({ signal }));
//# sourceMappingURL=index.js.map
