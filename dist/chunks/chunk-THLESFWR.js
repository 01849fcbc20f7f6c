import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  chooseBackup,
  describeSelection,
  preflight,
  refuseOnFailedChecks
} from "./chunk-3RD3IW2L.js";
import {
  group,
  info
} from "./chunk-VIEEPT45.js";

// src/drill/prepare.ts
async function prepareDrill(settings, client, clock, progress) {
  const { backup, selection } = await group("Resolve the backup", async () => {
    const chosen = await chooseBackup(settings, client, clock.now());
    const found = chosen.backup;
    info(
      `Backup ${found.id} of job ${found.jobId}, completed ${found.completedAt ?? "(unknown)"}.`
    );
    if (chosen.selection.candidates !== null)
      info(`Chosen: ${describeSelection(chosen.selection)}.`);
    return chosen;
  });
  progress.backupResolved(backup, selection);
  const plan = await group("Pre-flight checks", () => {
    const checked = preflight(settings, backup, clock.now());
    progress.checked(checked);
    refuseOnFailedChecks(checked.checks, `Backup ${backup.id}`);
    info(`${checked.files.length} file(s) selected; every check passed.`);
    return Promise.resolve(checked);
  });
  return { backup, plan };
}

export {
  prepareDrill
};
//# sourceMappingURL=chunk-THLESFWR.js.map
