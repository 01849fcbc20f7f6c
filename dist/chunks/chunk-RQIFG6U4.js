import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  prepareDrill
} from "./chunk-THLESFWR.js";
import {
  classifyStatus
} from "./chunk-P5RYDK4Q.js";
import {
  formatDuration
} from "./chunk-RKSAIW2P.js";
import {
  ApiError
} from "./chunk-XH7RMSY5.js";
import {
  Failure,
  group,
  info,
  warning
} from "./chunk-VIEEPT45.js";

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
    case "rate_limited":
      return {
        level: "info",
        text: `status check held back by the rate limit: ${event.message}`
      };
  }
}
function logWaitEvent(event) {
  const line = describeWaitEvent(event);
  if (line.level === "warning") warning(line.text);
  else info(line.text);
}

// src/restore/start.ts
async function startRestore(client, backupId, request, progress) {
  info(`POST /v1/backups/${backupId}/restore ${JSON.stringify(request)}`);
  progress.restoreRequested();
  let restore;
  try {
    restore = await client.createRestore(backupId, request);
  } catch (error) {
    progress.restoreRequestFailed({ mayHaveStarted: mayHaveStarted(error) });
    throw error;
  }
  progress.restoreCreated(restore);
  info(`Restore ${restore.id} created (status ${restore.status}).`);
  if (classifyStatus(restore.status).class === "failed") throw new FailedAtStart(restore);
  return restore;
}
function mayHaveStarted(error) {
  return !(error instanceof ApiError) || error.kind === "cancelled" || error.mayHaveStarted;
}
function dryRunRestore(backupId, request) {
  info(`Dry run: would send POST /v1/backups/${backupId}/restore ${JSON.stringify(request)}`);
}
var FailedAtStart = class extends Failure {
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
    const hold = deps.holdMs?.(plan.createdAt) ?? 0;
    const wait = pauseUntilDeadline(Math.max(pause, hold), clock.now(), deadline);
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
        const notFound = plan.notFound ?? ((id, cause) => new StatusEndpointMissing(id, cause));
        return end("error", { error: notFound(plan.restoreId, error) });
      }
      if (!TRANSIENT.has(error.kind)) return end("error", { error });
      if (error.kind === "deadline" || clock.now() >= deadline) return end("timed_out");
      if (error.kind === "rate_limited") {
        deps.notify({ type: "rate_limited", message: error.message });
      } else {
        failedInARow++;
        deps.notify({ type: "check_failed", message: error.message, inARow: failedInARow });
        if (failedInARow >= MAX_FAILED_CHECKS) {
          const tooMany = new TooManyFailedChecks(plan.restoreId, failedInARow, error);
          return end("error", { error: tooMany });
        }
      }
    }
    if (clock.now() >= deadline) return end("timed_out");
    if (elapsed() >= nextProgress) {
      deps.notify({ type: "progress", status: last?.status ?? null, elapsedMs: elapsed() });
      nextProgress += PROGRESS_EVERY_MS;
    }
  }
}
var StatusEndpointMissing = class extends Failure {
  constructor(restoreId, cause) {
    const requestId = cause.requestId === void 0 ? "" : ` (request id ${cause.requestId})`;
    super(
      `Restore ${restoreId} was created, but its status cannot be read: the status endpoint answered 404${requestId}. The restore goes on at SnapShooter: check it there, or set \`wait: false\` to skip the status check.`,
      { cause }
    );
    this.name = "StatusEndpointMissing";
  }
};
var TooManyFailedChecks = class extends Failure {
  constructor(restoreId, count, cause) {
    super(
      `Restore ${restoreId}: ${count} status checks in a row failed, the last with: ${cause.message} The restore goes on at SnapShooter: check it there.`,
      { cause }
    );
    this.name = "TooManyFailedChecks";
  }
};

// src/restore/run.ts
async function runRestore(settings, deps, progress) {
  const { clock } = deps;
  const client = deps.connect(deps.startedAt + settings.timeoutMs);
  const { backup, plan } = await prepareDrill(settings, client, clock, progress);
  if (settings.dryRun) {
    dryRunRestore(backup.id, plan.request);
    return { kind: "dry_run" };
  }
  const restore = await group(
    "Start the restore",
    () => startRestore(client, backup.id, plan.request, progress)
  );
  const createdAt = clock.now();
  if (!settings.wait) return { kind: "not_waited" };
  const wait = await group(
    `Wait for restore ${restore.id}`,
    () => waitForRestore(
      {
        restoreId: restore.id,
        createdAt,
        timeoutMs: settings.timeoutMs,
        pollIntervalMs: settings.pollIntervalMs
      },
      waitDeps(client, deps)
    )
  );
  return { kind: "waited", wait };
}
function waitDeps(client, { clock, sleep, signal }) {
  return {
    getRestore: (id, until) => client.withDeadline(until).checkRestore(id),
    holdMs: (createdAt) => client.checkHoldMs(createdAt),
    clock,
    sleep,
    signal,
    notify: logWaitEvent
  };
}

export {
  waitForRestore,
  runRestore,
  waitDeps
};
//# sourceMappingURL=chunk-RQIFG6U4.js.map
