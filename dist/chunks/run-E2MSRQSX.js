import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  prepareDrill
} from "./chunk-OXPQJSC7.js";
import "./chunk-DX6OJ2H3.js";
import "./chunk-QP5NUJKD.js";
import {
  logWaitEvent,
  waitForRestore
} from "./chunk-3KZ4HIW3.js";
import {
  classifyStatus
} from "./chunk-HG3PC4QG.js";
import {
  ApiError
} from "./chunk-YDCWY7DJ.js";
import "./chunk-U6HNZVOX.js";
import "./chunk-DOMHRUWJ.js";
import {
  Failure,
  group,
  info
} from "./chunk-SDF5QEM7.js";
import "./chunk-23VKRORU.js";

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

// src/restore/run.ts
async function runRestore(settings, deps, progress) {
  const { clock, sleep, signal } = deps;
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
  return { kind: "waited", wait };
}
export {
  runRestore
};
//# sourceMappingURL=run-E2MSRQSX.js.map
