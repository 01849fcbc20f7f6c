import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  waitDeps,
  waitForRestore
} from "./chunk-RQIFG6U4.js";
import "./chunk-THLESFWR.js";
import "./chunk-P5RYDK4Q.js";
import "./chunk-3RD3IW2L.js";
import "./chunk-I6DHMJ55.js";
import "./chunk-RKSAIW2P.js";
import "./chunk-QP5NUJKD.js";
import "./chunk-XH7RMSY5.js";
import "./chunk-ZTXGGKOZ.js";
import "./chunk-CPMEAYED.js";
import {
  Failure,
  group
} from "./chunk-VIEEPT45.js";
import "./chunk-23VKRORU.js";

// src/watch/run.ts
async function runWatch(settings, deps) {
  const { startedAt } = deps;
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
      waitDeps(client, deps)
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
//# sourceMappingURL=run-7HLZQBAU.js.map
