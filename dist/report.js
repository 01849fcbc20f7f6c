import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  OutputWriter,
  readReportSettings,
  runCancellable
} from "./chunks/chunk-JAJD7PTC.js";
import {
  inline,
  prose
} from "./chunks/chunk-JBOLT6KR.js";
import "./chunks/chunk-I6DHMJ55.js";
import {
  formatElapsed,
  matchGlob
} from "./chunks/chunk-RKSAIW2P.js";
import {
  realSleep,
  systemClock
} from "./chunks/chunk-U74NIOEJ.js";
import "./chunks/chunk-QP5NUJKD.js";
import {
  Outcomes,
  ReportInput,
  ReportOutput,
  cut,
  errorMessage,
  info,
  neutralise,
  setFailed,
  summary,
  warning
} from "./chunks/chunk-VIEEPT45.js";
import "./chunks/chunk-UBNUX3TW.js";
import {
  capRecordFiles
} from "./chunks/chunk-IZ3IYCTI.js";
import "./chunks/chunk-23VKRORU.js";

// src/fleet/report-files.ts
import { constants } from "node:fs";
import { open, readdir, realpath } from "node:fs/promises";
import nodePath from "node:path";

// src/fleet/report-entry.ts
var MAX_TEXT = 200;
function writtenLimit(value) {
  return typeof value === "string" && /^[0-9][0-9a-z ]{0,23}$/i.test(value) ? value : null;
}
var isObj = (value) => typeof value === "object" && value !== null && !Array.isArray(value);
function clean(value) {
  return cut(neutralise(value).replace(/\s+/g, " ").trim(), MAX_TEXT);
}
var text = (value) => typeof value === "string" && value.trim() !== "" ? clean(value) : null;
var num = (value) => typeof value === "number" && Number.isFinite(value) ? value : null;
var MAX_SECONDS = 100 * 365 * 86400;
var seconds = (value) => {
  const parsed = num(value);
  return parsed !== null && parsed >= 0 && parsed <= MAX_SECONDS ? parsed : null;
};
var whole = (value) => {
  const parsed = typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : num(value);
  return parsed !== null && Number.isSafeInteger(parsed) && parsed >= 0 ? parsed : null;
};
var MAX_DEPTH = 64;
function nestsDeeper(source, limit) {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === "{" || char === "[") {
      if (++depth > limit) return true;
    } else if (char === "}" || char === "]") depth--;
  }
  return false;
}
function readLeg(file, source, serverUrl) {
  let value;
  try {
    value = JSON.parse(source);
  } catch {
    return { file, problem: "is not JSON" };
  }
  if (!isObj(value)) return { file, problem: "is not a JSON object" };
  if (nestsDeeper(source, MAX_DEPTH))
    return { file, problem: `nests deeper than ${MAX_DEPTH} levels, as no result does` };
  if (value.version !== 1) return { file, problem: "is not a version 1 result" };
  const outcome = value.outcome;
  if (typeof outcome !== "string" || !Outcomes.includes(outcome))
    return { file, problem: "has no known outcome" };
  const { backup, restore, run, checks, drill, error } = value;
  if (!isObj(backup) || !isObj(restore) || !isObj(run) || !Array.isArray(checks))
    return { file, problem: "lacks backup, restore, checks or run" };
  const check = (name) => {
    const found = checks.find((item) => isObj(item) && item.name === name);
    const limit = seconds(found?.limit_seconds);
    if (found === void 0 || limit === null) return null;
    return {
      limitSeconds: limit,
      limit: writtenLimit(found.limit),
      passed: typeof found.passed === "boolean" ? found.passed : null
    };
  };
  return {
    leg: {
      file,
      name: isObj(drill) ? text(drill.name) : null,
      jobId: text(backup.job_id)?.toLowerCase() ?? null,
      backupId: text(backup.id),
      outcome,
      error: isObj(error) ? text(error.message) : null,
      backupAgeSeconds: seconds(backup.age_seconds),
      rpo: check("max_backup_age"),
      durationSeconds: seconds(restore.duration_seconds),
      rto: check("max_restore_duration"),
      run: {
        url: runUrl(run, serverUrl),
        id: whole(run.run_id),
        attempt: whole(run.run_attempt)
      },
      result: capRecordFiles(value)
    }
  };
}
function runUrl(run, server) {
  const { repository } = run;
  const id = whole(run.run_id);
  const attempt = whole(run.run_attempt);
  if (!/^https?:\/\/[\w.-]+(:\d+)?$/.test(server)) return null;
  if (typeof repository !== "string" || !/^[\w.-]+\/[\w.-]+$/.test(repository)) return null;
  if (id === null) return null;
  return `${server}/${repository}/actions/runs/${id}${attempt === null ? "" : `/attempts/${attempt}`}`;
}

// src/fleet/report-files.ts
var MAX_RESULT_BYTES = 16 * 1024 * 1024;
var MAX_FILES = 2e3;
function literalBase(pattern) {
  const parts = pattern.split("/");
  const at = parts.findIndex((part) => /[*?[]/.test(part));
  return (at === -1 ? parts.slice(0, -1) : parts.slice(0, at)).join("/");
}
async function findResults(workspace, pattern, glob, serverUrl, signal = new AbortController().signal) {
  const root = await realpath(workspace);
  const reads = [];
  let skipped = 0;
  const visit = async (dir) => {
    let entries;
    try {
      entries = await readdir(nodePath.join(root, dir), { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name < b.name ? -1 : 1);
    for (const entry of entries) {
      signal.throwIfAborted();
      const path = dir === "" ? entry.name : `${dir}/${entry.name}`;
      const matches = matchGlob(glob, path);
      if (entry.isDirectory()) {
        if (matches) reads.push({ file: path, problem: "is a folder, not a file" });
        await visit(path);
      } else if (matches && (entry.isFile() || entry.isSymbolicLink())) {
        if (reads.length >= MAX_FILES) skipped++;
        else reads.push(await readOne(root, path, serverUrl));
      }
    }
  };
  await visit(literalBase(pattern));
  const named = reads.map(
    (read) => "leg" in read ? { leg: { ...read.leg, file: clean(read.leg.file) } } : { ...read, file: clean(read.file) }
  );
  return { reads: named, skipped };
}
function isInside(root, target, path = nodePath) {
  const inside = path.relative(root, target);
  return !(inside === ".." || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside));
}
async function readOne(root, path, serverUrl) {
  let real;
  try {
    real = await realpath(nodePath.join(root, path));
  } catch {
    return { file: path, problem: "is a broken link" };
  }
  if (!isInside(root, real))
    return { file: path, problem: "links outside the workspace, and was not read" };
  try {
    const handle = await open(real, constants.O_RDONLY | constants.O_NONBLOCK);
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) return { file: path, problem: "is not a regular file" };
      if (stat.size > MAX_RESULT_BYTES)
        return { file: path, problem: `is larger than ${MAX_RESULT_BYTES} bytes` };
      const buffer = Buffer.alloc(Math.min(stat.size, MAX_RESULT_BYTES) + 1);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
      if (bytesRead > MAX_RESULT_BYTES)
        return { file: path, problem: `is larger than ${MAX_RESULT_BYTES} bytes` };
      return readLeg(path, buffer.subarray(0, bytesRead).toString("utf8"), serverUrl);
    } finally {
      await handle.close();
    }
  } catch (error) {
    return { file: path, problem: `could not be read (${errorMessage(error).slice(0, 120)})` };
  }
}

// src/fleet/report-history.ts
function legTarget(result) {
  const { drill, selection, backup, restore } = result;
  if (!isObj(selection)) return null;
  const name = isObj(drill) ? text(drill.name) : null;
  if (name !== null) return name;
  const rule = selection.rule;
  const jobId = isObj(backup) ? text(backup.job_id) : null;
  const backupId = isObj(backup) ? text(backup.id) : null;
  const restoreId = isObj(restore) ? text(restore.id) : null;
  if ((rule === "latest" || rule === "random") && jobId !== null) return `job ${jobId}`;
  if (rule === "restore_id" && restoreId !== null) return `restore ${restoreId}`;
  return backupId === null ? null : `backup ${backupId}`;
}
function legEndedAt(result, fallback) {
  const { restore, download } = result;
  const time = (value) => typeof value === "string" ? Date.parse(value) : NaN;
  const completed = isObj(restore) ? time(restore.completed_at) : NaN;
  if (Number.isFinite(completed)) return completed;
  if (isObj(download)) {
    const started = time(download.started_at);
    const took = download.duration_seconds;
    if (Number.isFinite(started) && typeof took === "number" && Number.isFinite(took))
      return started + took * 1e3;
  }
  return fallback;
}
async function recordFleet(history, legs, deps) {
  const { clock = systemClock, sleep = realSleep } = deps;
  try {
    const { makeRecord } = await import("./chunks/record-W77DSZZC.js");
    const now = clock.now();
    const records = legs.flatMap((leg) => {
      const target = legTarget(leg.result);
      const record = target === null ? null : makeRecord(leg.result, target, legEndedAt(leg.result, now));
      return record === null ? [] : [record];
    });
    if (records.length === 0) return null;
    const { writeRecords } = await import("./chunks/drill-Z23UZRFA.js");
    const options = { env: deps.env, signal: deps.signal, clock, sleep, runDeadline: null };
    const written = await writeRecords(history, records, now, options);
    if ("warning" in written)
      return { url: null, recorded: 0, warning: fleetWording(written.warning) };
    return { url: written.url, recorded: records.length, warning: null };
  } catch (error) {
    const line = `The fleet's drill history was not written: ${errorMessage(error)}. The report's outcome stands.`;
    return { url: null, recorded: 0, warning: line.replace(/\s+/g, " ") };
  }
}
function fleetWording(warning2) {
  return warning2.replace("The drill's outcome stands.", "The report's outcome stands.");
}

// src/fleet/report-summary.ts
var MAX_ROWS = 256;
var MAX_SUMMARY_BYTES = 1024 * 1024 - 4096;
var ICON = {
  succeeded: "\u2705",
  failed: "\u274C",
  timed_out: "\u23F1\uFE0F",
  cancelled: "\u{1F6AB}",
  not_waited: "\u23E9",
  dry_run: "\u{1F4DD}",
  missing: "\u2753",
  invalid: "\u26A0\uFE0F"
};
var age = (value) => value === null ? "\u2013" : formatElapsed(Math.max(0, value) * 1e3);
function against(actual, limit, written, passed) {
  if (limit === null) return age(actual);
  const verdict = passed === true ? " \u2705" : passed === false ? " \u274C" : "";
  return `${age(actual)} / ${written ?? age(limit)}${verdict}`;
}
function row(item) {
  const name = inline(item.name);
  const outcome = `${ICON[item.outcome]} ${item.outcome}`;
  const why = item.error !== null && item.outcome !== "succeeded" ? `<br>${inline(item.error)}` : "";
  const again = item.superseded > 0 ? ` (newest of ${item.superseded + 1} results)` : "";
  const link = item.run_url === null ? "\u2013" : `[run](${item.run_url})`;
  const rpo = against(
    item.backup_age_seconds,
    item.rpo_limit_seconds,
    item.rpo_limit,
    item.rpo_passed
  );
  const rto = against(
    item.duration_seconds,
    item.rto_limit_seconds,
    item.rto_limit,
    item.rto_passed
  );
  return `| ${name} | ${rpo} | ${rto} | ${outcome}${again}${why} | ${link} |`;
}
function headline(counts, fails) {
  const unproved = counts.failed + counts.missing + counts.unverified;
  const icon = fails ? "\u274C" : unproved > 0 ? "\u26A0\uFE0F" : "\u2705";
  const parts = [
    `${counts.succeeded} succeeded`,
    `${counts.failed} failed`,
    `${counts.missing} missing`,
    ...counts.unverified > 0 ? [`${counts.unverified} not verified`] : []
  ];
  return `## ${icon} Fleet restore drill: ${counts.succeeded} of ${counts.total} succeeded

${parts.join(" \xB7 ")}`;
}
function renderFleetSummary(counts, rows, notes) {
  const head = [
    headline(counts, notes.fails),
    "",
    "| drill | backup age (RPO) | restore duration (RTO) | outcome | run |",
    "| --- | --- | --- | --- | --- |"
  ].join("\n");
  const lines = [];
  let bytes = Buffer.byteLength(head);
  for (const item of rows.slice(0, MAX_ROWS)) {
    const line = row(item);
    bytes += Buffer.byteLength(line) + 1;
    if (bytes > MAX_SUMMARY_BYTES) break;
    lines.push(line);
  }
  const tail = [];
  if (lines.length < rows.length)
    tail.push(
      `
${rows.length - lines.length} more drills are not shown here; the \`report\` output lists them.`
    );
  if (notes.skippedFiles > 0)
    tail.push(`
${notes.skippedFiles} more result files matched and were not read.`);
  return `${[head, ...lines].join("\n")}
${tail.join("\n")}
`;
}

// src/fleet/report-tally.ts
var FAILED = ["failed", "timed_out", "cancelled", "invalid"];
function drillName(leg) {
  if (leg.name !== null) return leg.name;
  if (leg.jobId !== null) return `job ${leg.jobId}`;
  if (leg.backupId !== null) return `backup ${leg.backupId}`;
  return leg.file;
}
var blank = { job_id: null, backup_id: null, backup_age_seconds: null, duration_seconds: null };
var noChecks = {
  rpo_limit_seconds: null,
  rpo_limit: null,
  rpo_passed: null,
  rto_limit_seconds: null,
  rto_limit: null
};
function legRow(leg, superseded) {
  return {
    name: drillName(leg),
    outcome: leg.outcome,
    file: leg.file,
    job_id: leg.jobId,
    backup_id: leg.backupId,
    error: leg.error,
    backup_age_seconds: leg.backupAgeSeconds,
    rpo_limit_seconds: leg.rpo?.limitSeconds ?? null,
    rpo_limit: leg.rpo?.limit ?? null,
    rpo_passed: leg.rpo?.passed ?? null,
    duration_seconds: leg.durationSeconds,
    rto_limit_seconds: leg.rto?.limitSeconds ?? null,
    rto_limit: leg.rto?.limit ?? null,
    rto_passed: leg.rto?.passed ?? null,
    run_url: leg.run.url,
    superseded
  };
}
var newer = (a, b) => (a.run.id ?? -1) !== (b.run.id ?? -1) ? (a.run.id ?? -1) > (b.run.id ?? -1) : (a.run.attempt ?? -1) > (b.run.attempt ?? -1);
var standsOver = (a, b) => newer(a, b) || !newer(b, a) && b.outcome === "succeeded" && a.outcome !== "succeeded";
function fleetRows(reads, expected) {
  const drills = /* @__PURE__ */ new Map();
  const invalid = [];
  for (const read of reads) {
    if (!("leg" in read)) {
      invalid.push({
        ...blank,
        ...noChecks,
        name: read.file,
        outcome: "invalid",
        file: read.file,
        error: `The result file ${read.problem}.`,
        rto_passed: null,
        run_url: null,
        superseded: 0
      });
      continue;
    }
    const key = drillName(read.leg);
    const kept = drills.get(key);
    if (kept === void 0) drills.set(key, { leg: read.leg, superseded: 0 });
    else
      drills.set(key, {
        leg: standsOver(read.leg, kept.leg) ? read.leg : kept.leg,
        superseded: kept.superseded + 1
      });
  }
  const rows = [...drills.values()].map(({ leg, superseded }) => legRow(leg, superseded));
  const missing = (expected ?? []).filter(({ jobId, jobName }) => !rows.some((row2) => answers(row2, jobId, jobName))).map(({ jobId, jobName }) => ({
    ...blank,
    ...noChecks,
    name: jobName ?? `job ${jobId}`,
    outcome: "missing",
    file: null,
    job_id: jobId,
    error: "No result file was found for this job.",
    rto_passed: null,
    run_url: null,
    superseded: 0
  }));
  return [...rows, ...invalid, ...missing];
}
function answers(row2, jobId, jobName) {
  return row2.job_id === jobId || jobName !== null && row2.name === jobName;
}
function tally(rows) {
  const count = (test) => rows.filter((row2) => test(row2.outcome)).length;
  return {
    total: rows.length,
    succeeded: count((outcome) => outcome === "succeeded"),
    failed: count((outcome) => FAILED.includes(outcome)),
    missing: count((outcome) => outcome === "missing"),
    unverified: count((outcome) => outcome === "dry_run" || outcome === "not_waited")
  };
}
function failsTheStep(counts, failOn) {
  return failOn === "failed" && counts.failed + counts.missing > 0;
}
function verdictLine(counts, rows) {
  const bad = rows.filter((row2) => FAILED.includes(row2.outcome) || row2.outcome === "missing");
  const named = bad.slice(0, 5).map((row2) => `${row2.name} (${row2.outcome})`).join(", ");
  const more = bad.length > 5 ? ` and ${bad.length - 5} more` : "";
  const head = `Fleet restore drill: ${counts.succeeded} of ${counts.total} succeeded, ${counts.failed} failed, ${counts.missing} missing`;
  return bad.length === 0 ? `${head}.` : `${head}: ${named}${more}. See the job summary.`;
}

// src/fleet/report-run.ts
var MAX_REPORT_BYTES = 1e6;
function reportForOutput(counts, rows, skipped, maxBytes = MAX_REPORT_BYTES) {
  for (let keep = rows.length; ; keep = Math.floor(keep / 2)) {
    const report = {
      version: 1,
      counts,
      drills: rows.slice(0, keep),
      drills_omitted: rows.length - keep,
      files_skipped: skipped
    };
    const text2 = JSON.stringify(report);
    if (keep === 0 || Buffer.byteLength(text2) < maxBytes) return text2;
  }
}
async function runReport(signal, env = process.env) {
  let settings;
  try {
    settings = readReportSettings();
  } catch (error) {
    setFailed(errorMessage(error));
    return;
  }
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const server = env.GITHUB_SERVER_URL || "https://github.com";
  let found;
  try {
    found = await findResults(workspace, settings.pattern, settings.glob, server, signal);
  } catch (error) {
    setFailed(
      signal.aborted ? "The fleet report was cancelled while reading the result files; no counts were set." : `The workspace ${workspace} could not be read for ${ReportInput.results} (${errorMessage(error)}).`
    );
    return;
  }
  const rows = fleetRows(found.reads, settings.expected);
  const counts = tally(rows);
  for (const read of found.reads)
    if (!("leg" in read)) warning(`Result file ${read.file} ${read.problem}.`);
  const nothing = found.reads.length === 0 && settings.expected?.length !== 0;
  const fails = nothing || failsTheStep(counts, settings.failOn);
  const outputs = new OutputWriter();
  outputs.set({
    [ReportOutput.total]: String(counts.total),
    [ReportOutput.succeeded]: String(counts.succeeded),
    [ReportOutput.failed]: String(counts.failed),
    [ReportOutput.missing]: String(counts.missing),
    [ReportOutput.report]: reportForOutput(counts, rows, found.skipped)
  });
  const legs = found.reads.flatMap((read) => "leg" in read ? [read.leg] : []);
  const history = settings.history ? await recordFleet(settings.history, legs, { env, signal }) : null;
  if (history?.warning) warning(history.warning);
  outputs.set({ [ReportOutput.historyUrl]: history?.url ?? "" });
  if (env.GITHUB_STEP_SUMMARY) {
    const markdown = renderFleetSummary(counts, rows, { fails, skippedFiles: found.skipped }) + historyNote(history, settings.history?.branch ?? "");
    try {
      await summary.addRaw(markdown).write();
    } catch (error) {
      warning(`The job summary could not be written: ${errorMessage(error)}`);
    }
  }
  const line = nothing ? `No result file matched ${ReportInput.results} ${JSON.stringify(settings.results)} under the workspace ${workspace}: download the legs' result artifacts there first (actions/download-artifact with merge-multiple: true) and give a pattern relative to the workspace.` : verdictLine(counts, rows);
  info(line);
  if (fails && outputs.failure !== null) warning(outputs.failure);
  if (fails) setFailed(line);
  else if (outputs.failure !== null) setFailed(outputs.failure);
  else if (counts.failed + counts.missing > 0) warning(line);
}
function historyNote(history, branch) {
  if (history === null) return "";
  if (history.url === null) return `
> \u26A0\uFE0F ${prose(history.warning ?? "")}
`;
  const drills = `${history.recorded} drill${history.recorded === 1 ? "" : "s"}`;
  return `
${drills} recorded in the drill history, branch ${inline(branch)}: [dashboard](${history.url}).
`;
}

// src/fleet/report-action.ts
await runCancellable((signal) => runReport(signal));
//# sourceMappingURL=report.js.map
