import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  waitDeps,
  waitForRestore
} from "./chunk-P6UYX4WF.js";
import "./chunk-IUPZPFKJ.js";
import "./chunk-P5RYDK4Q.js";
import "./chunk-UZPT34RA.js";
import "./chunk-I6DHMJ55.js";
import "./chunk-JO5HSGVP.js";
import "./chunk-QP5NUJKD.js";
import "./chunk-SD467S5P.js";
import "./chunk-DEDSNKBD.js";
import "./chunk-CPMEAYED.js";
import {
  Failure,
  group
} from "./chunk-MUQ5OQIV.js";
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
//# sourceMappingURL=run-7HOFFALI.js.map
