import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  logWaitEvent,
  waitForRestore
} from "./chunk-TE437OJ3.js";
import "./chunk-Z76LH5EW.js";
import "./chunk-S4B57S3L.js";
import "./chunk-5TILEPJH.js";
import "./chunk-U6HNZVOX.js";
import "./chunk-OSACNQGE.js";
import {
  Failure,
  group
} from "./chunk-7VJ23XZQ.js";
import "./chunk-23VKRORU.js";

// src/watch/run.ts
async function runWatch(settings, deps) {
  const { clock, sleep, signal, startedAt } = deps;
  const client = deps.connect(startedAt + settings.timeoutMs);
  const { restoreId } = settings;
  const wait = await group(
    `Follow restore ${restoreId}`,
    () => waitForRestore(
      {
        restoreId,
        // Nothing is created here, so `timeout` runs from the run's start.
        createdAt: startedAt,
        timeoutMs: settings.timeoutMs,
        pollIntervalMs: settings.pollIntervalMs,
        notFound: (id, cause) => new RestoreNotFound(id, cause)
      },
      {
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
var RestoreNotFound = class extends Failure {
  constructor(restoreId, cause) {
    const requestId = cause.requestId === void 0 ? "" : ` (request id ${cause.requestId})`;
    super(
      `Restore ${restoreId} does not exist: SnapShooter answered 404 to its status${requestId}. Check \`restore_id\`: it must be the id of a restore of this account, as the \`restore_id\` output of the run that started it gives.`,
      { cause }
    );
    this.name = "RestoreNotFound";
  }
};
export {
  RestoreNotFound,
  runWatch
};
//# sourceMappingURL=run-72Z4PGOJ.js.map
