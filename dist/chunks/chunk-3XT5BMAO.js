import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  preflight,
  refuseOnFailedChecks,
  resolveBackup
} from "./chunk-GSRABWQ2.js";
import {
  group,
  info
} from "./chunk-YXUSXOIS.js";

// src/drill/prepare.ts
async function prepareDrill(settings, client, clock, progress) {
  const backup = await group("Resolve the backup", async () => {
    const found = await resolveBackup(settings, client, clock.now());
    info(
      `Backup ${found.id} of job ${found.jobId}, completed ${found.completedAt ?? "(unknown)"}.`
    );
    return found;
  });
  progress.backupResolved(backup);
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
//# sourceMappingURL=chunk-3XT5BMAO.js.map
