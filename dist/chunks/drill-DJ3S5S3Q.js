import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  HISTORY_GRACE_MS,
  historyDeadline,
  historyWarnings,
  recentDrills,
  slug,
  writeHistory
} from "./chunk-6KWT2TZE.js";
import {
  prose
} from "./chunk-R445ESFV.js";
import "./chunk-JO5HSGVP.js";
import "./chunk-LXCIAP43.js";
import "./chunk-MJATRFDO.js";
import "./chunk-U74NIOEJ.js";
import "./chunk-SD467S5P.js";
import "./chunk-DEDSNKBD.js";
import "./chunk-CPMEAYED.js";
import "./chunk-MUQ5OQIV.js";
import "./chunk-UBNUX3TW.js";
import {
  makeRecord
} from "./chunk-IZ3IYCTI.js";
import "./chunk-23VKRORU.js";

// src/history/drill.ts
async function recordDrill(settings, result, options) {
  const { clock, limitSeconds } = options;
  const { target } = settings;
  const now = clock.now();
  const record = makeRecord(result, target, now);
  if (record === null) return null;
  const cancel = graceAfterCancel(options.signal, HISTORY_GRACE_MS);
  try {
    const written = await writeHistory({
      token: settings.githubToken,
      branch: settings.branch,
      historySize: settings.size,
      records: [record],
      env: options.env,
      deadline: historyDeadline(now, options.runDeadline),
      signal: cancel.signal,
      clock,
      sleep: options.sleep,
      requestTimeoutMs: options.requestTimeoutMs
    });
    if ("warning" in written)
      return {
        url: null,
        markdown: `
> \u26A0\uFE0F ${prose(written.warning)}
`,
        warnings: [written.warning]
      };
    const drills = written.records[slug(target)]?.records ?? [record];
    const shown = { now: clock.now(), historyUrl: written.url, limitSeconds };
    return {
      url: written.url,
      markdown: `
${recentDrills(target, drills, shown)}`,
      warnings: historyWarnings(target, drills, shown.now, limitSeconds)
    };
  } finally {
    cancel.done();
  }
}
function graceAfterCancel(signal, graceMs) {
  const controller = new AbortController();
  let timer;
  const start = () => {
    timer = setTimeout(() => controller.abort(), graceMs);
  };
  if (signal.aborted) start();
  else signal.addEventListener("abort", start, { once: true });
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", start);
    }
  };
}
export {
  graceAfterCancel,
  recordDrill
};
//# sourceMappingURL=drill-DJ3S5S3Q.js.map
