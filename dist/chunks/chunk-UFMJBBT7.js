import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  restoreDurationMs,
  seconds
} from "./chunk-I6DHMJ55.js";
import {
  formatDuration
} from "./chunk-JO5HSGVP.js";
import {
  Output,
  USER_AGENT,
  errorMessage,
  info,
  setOutput,
  setSecret
} from "./chunk-MUQ5OQIV.js";

// src/connect.ts
async function connect(settings, { signal, clock, sleep, requestTimeoutMs }) {
  const [{ createClient }, { proxySecrets }] = await Promise.all([
    import("./client-YZYDIJJY.js"),
    import("./proxy-XKJTATW6.js")
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
  connect,
  buildResult,
  outputsOf,
  OutputWriter
};
//# sourceMappingURL=chunk-UFMJBBT7.js.map
