import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  connect
} from "./chunks/chunk-TV2A6A33.js";
import {
  MAX_DRILL_NAME,
  OutputWriter,
  parseDrillName,
  readJobsSettings,
  runCancellable
} from "./chunks/chunk-JAJD7PTC.js";
import {
  escapeHtml,
  inline,
  prose
} from "./chunks/chunk-JBOLT6KR.js";
import "./chunks/chunk-I6DHMJ55.js";
import {
  matchGlob,
  parseGlob
} from "./chunks/chunk-RKSAIW2P.js";
import {
  realSleep,
  systemClock
} from "./chunks/chunk-U74NIOEJ.js";
import "./chunks/chunk-QP5NUJKD.js";
import {
  JOB_LIST_MAX_PAGES
} from "./chunks/chunk-CPMEAYED.js";
import {
  Failure,
  JobsOutput,
  errorMessage,
  info,
  oneLine,
  setFailed,
  summary,
  warning
} from "./chunks/chunk-VIEEPT45.js";
import "./chunks/chunk-UBNUX3TW.js";
import "./chunks/chunk-23VKRORU.js";

// src/fleet/select.ts
function names(filter, job) {
  if (filter.kind === "id") return job.id.toLowerCase() === filter.id;
  const parsed = parseGlob(filter.pattern);
  return job.name !== null && "glob" in parsed && matchGlob(parsed.glob, job.name);
}
var labelOf = (job) => job.name ?? job.id;
function selectJobs(jobs, include, exclude) {
  const byId = /* @__PURE__ */ new Map();
  for (const job of jobs) {
    const id = job.id.toLowerCase();
    if (byId.has(id)) continue;
    const included = include.length === 0 || include.some((filter) => names(filter, job));
    if (included && !exclude.some((filter) => names(filter, job))) byId.set(id, job);
  }
  return [...byId.values()].sort(
    (a, b) => compare(labelOf(a), labelOf(b)) || compare(a.id.toLowerCase(), b.id.toLowerCase())
  );
}
var compare = (a, b) => a < b ? -1 : a > b ? 1 : 0;
function buildMatrix(jobs) {
  const drillNames = jobs.map((job) => parseDrillName(labelOf(job)) ?? job.id);
  const shared = (name) => drillNames.filter((other) => other === name).length > 1;
  return {
    include: jobs.map((job, i) => {
      const name = drillNames[i];
      if (!shared(name)) return { job_id: job.id, job_name: labelOf(job) };
      const room = MAX_DRILL_NAME - job.id.length - 3;
      return { job_id: job.id, job_name: `${name.slice(0, room).trimEnd()} (${job.id})` };
    })
  };
}
function describeFilters(filters) {
  return filters.map((filter) => filter.kind === "id" ? filter.id : filter.pattern).join(", ");
}
function emptySelection(jobs, include, exclude) {
  const listed = new Set(jobs.map((job) => job.id.toLowerCase())).size;
  if (listed === 0)
    return "The account lists no jobs (GET /v1/jobs answered none), so there is nothing to drill: check that `api_token` belongs to the account whose jobs you mean.";
  const asked = [
    include.length > 0 ? `\`include\` (${describeFilters(include)})` : null,
    exclude.length > 0 ? `\`exclude\` (${describeFilters(exclude)})` : null
  ].filter((part) => part !== null);
  const matched = include.length === 0 || jobs.some((job) => include.some((f) => names(f, job)));
  const verdict = matched ? "left none of them" : "matched none of them";
  return `No job to drill: the account lists ${listed} job(s), and ${asked.join(" with ")} ${verdict}; names are matched whole and case-sensitively (a pattern needs its wildcards, as in prod-*), or give job UUIDs.`;
}
function tooManyJobs(chosen, maxJobs) {
  return `${chosen} jobs were chosen, more than \`max_jobs\` (${maxJobs}) allows: narrow \`include\` or add \`exclude\` (GitHub runs at most 256 jobs from one matrix; split the fleet over several matrices beyond that).`;
}

// src/fleet/jobs.ts
var JOBS_DEADLINE_MS = 5 * 6e4;
var JobsRefusal = class extends Failure {
  constructor(message) {
    super(message);
    this.name = "JobsRefusal";
  }
};
async function listAllJobs(listPage) {
  const jobs = [];
  for (let page = 1, read = 1; ; read++) {
    const listed = await listPage(page);
    jobs.push(...listed.jobs);
    if (listed.nextPage === null) return jobs;
    if (read >= JOB_LIST_MAX_PAGES)
      throw new JobsRefusal(
        `GET jobs: the listing still went on after ${JOB_LIST_MAX_PAGES} pages (${jobs.length} jobs read), so the jobs were not chosen from a partial list: check \`api_url\`, or drill the jobs by id with the main action.`
      );
    page = listed.nextPage;
  }
}
async function runJobs(settings, listPage) {
  const jobs = await listAllJobs(listPage);
  const chosen = selectJobs(jobs, settings.include, settings.exclude);
  if (chosen.length === 0)
    throw new JobsRefusal(emptySelection(jobs, settings.include, settings.exclude));
  if (chosen.length > settings.maxJobs)
    throw new JobsRefusal(tooManyJobs(chosen.length, settings.maxJobs));
  const listed = new Set(jobs.map((job) => job.id.toLowerCase())).size;
  return { listed, chosen, matrix: buildMatrix(chosen) };
}

// src/fleet/jobs-summary.ts
function filterLines(settings) {
  if (settings === null) return [];
  const lines = [
    ["include", settings.include.length === 0 ? "every job" : describeFilters(settings.include)],
    ["exclude", settings.exclude.length === 0 ? "none" : describeFilters(settings.exclude)]
  ].map(([name, value]) => `| \`${name}\` | ${inline(value ?? "")} |`);
  return ["| filter | value |", "| --- | --- |", ...lines, ""];
}
function renderJobsSummary(view) {
  if (!view.ok) {
    return [
      "## \u274C No jobs to drill",
      "",
      `> **Error:** ${prose(view.error)}`,
      "",
      ...filterLines(view.settings)
    ].join("\n");
  }
  const { chosen, listed } = view.end;
  const rows = chosen.map(
    (job, i) => `| ${i + 1} | ${job.name === null ? "_(no name)_" : inline(job.name)} | <code>${escapeHtml(job.id)}</code> |`
  );
  return [
    `## \u{1F5C2}\uFE0F ${chosen.length} of ${listed} job(s) chosen to drill`,
    "",
    ...filterLines(view.settings),
    "| # | job | id |",
    "| --- | --- | --- |",
    ...rows,
    ""
  ].join("\n");
}

// src/fleet/jobs-main.ts
async function runJobsAction(deps = {}) {
  const { signal = new AbortController().signal, clock = systemClock, sleep = realSleep } = deps;
  const { requestTimeoutMs, env = process.env } = deps;
  let settings = null;
  let view;
  try {
    settings = readJobsSettings();
    const clientUntil = await connect(settings, { signal, clock, sleep, requestTimeoutMs });
    const client = clientUntil(clock.now() + JOBS_DEADLINE_MS);
    const end = await runJobs(settings, (page) => client.listJobs(page));
    view = { ok: true, settings, end };
  } catch (error) {
    const reason = signal.aborted ? "The run was cancelled while listing the jobs." : null;
    view = { ok: false, settings, error: reason ?? oneLine(errorMessage(error)) };
  }
  await publish(view, env);
}
async function publish(view, env) {
  const outputs = new OutputWriter();
  const chosen = view.ok ? view.end.chosen : [];
  outputs.set({
    [JobsOutput.matrix]: JSON.stringify(view.ok ? view.end.matrix : { include: [] }),
    [JobsOutput.jobIds]: JSON.stringify(chosen.map((job) => job.id)),
    [JobsOutput.count]: String(chosen.length)
  });
  if (env.GITHUB_STEP_SUMMARY) {
    try {
      await summary.addRaw(renderJobsSummary(view)).write();
    } catch (error2) {
      warning(`The job summary could not be written: ${errorMessage(error2)}`);
    }
  }
  const error = view.ok ? outputs.failure : view.error;
  if (error !== null) setFailed(error);
  else info(`${chosen.length} job(s) chosen: ${chosen.map((job) => job.id).join(", ")}`);
}

// src/fleet/jobs-action.ts
await runCancellable((signal) => runJobsAction({ signal }));
//# sourceMappingURL=jobs.js.map
