import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  aheadOfClockMs,
  backupAgeMs,
  limitCheck,
  parseTime,
  seconds
} from "./chunk-I6DHMJ55.js";
import {
  DAY_MS,
  formatDuration,
  formatElapsed,
  matchGlob,
  parseGlob
} from "./chunk-RKSAIW2P.js";
import {
  Failure
} from "./chunk-VIEEPT45.js";

// src/drill/selection-text.ts
var plural = (n, word) => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;
function filters(selection) {
  const window = selection.window_seconds === null ? "" : ` of the last ${formatDuration(selection.window_seconds * 1e3)}`;
  const before = selection.completed_before === null ? "" : ` completed before ${selection.completed_before}`;
  return `${window}${before}`;
}
function describeSelection(selection) {
  const tag = selection.tag === null ? "" : `${selection.tag} `;
  const candidates = selection.candidates ?? 0;
  switch (selection.rule) {
    case "id":
      return "the backup given as `backup_id`";
    case "restore_id":
      return "the backup of the restore given as `restore_id`";
    case "random":
      if (selection.candidates === null)
        return `random among the ${tag}backups${filters(selection)}`;
      return `random among ${plural(candidates, `${tag}backup`)}${filters(selection)}`;
    case "latest":
      if (selection.candidates === 0) return `latest: no ${tag}backup${filters(selection)}`;
      return `the latest ${tag}backup${filters(selection)}`;
  }
}

// src/drill/refusal.ts
var DrillRefusal = class extends Failure {
  constructor(message) {
    super(message);
    this.name = "DrillRefusal";
  }
};

// src/drill/files.ts
function selectFiles(backupId, files, selectors) {
  if (selectors.length === 0) return [...files];
  const tests = selectors.map((selector) => ({ selector, test: fileTest(selector) }));
  const unmatched = tests.filter(({ test }) => !files.some(test)).map(({ selector }) => show(selector));
  if (unmatched.length > 0) {
    const names = files.map((file) => shortened(baseName(file.name)));
    const shown = names.length > 10 ? [...names.slice(0, 10), `and ${names.length - 10} more`] : names;
    throw new DrillRefusal(
      `\`files\` ${unmatched.length === 1 ? "entry" : "entries"} ${unmatched.join(", ")} ${unmatched.length === 1 ? "matches" : "match"} no file of backup ${backupId}; its files are: ${shown.join(", ") || "none"}.`
    );
  }
  return files.filter((file) => tests.some(({ test }) => test(file)));
}
function baseName(name) {
  return name.slice(name.lastIndexOf("/") + 1);
}
function fileTest(selector) {
  if (selector.kind === "id") return (file) => file.id.toLowerCase() === selector.id;
  const parsed = parseGlob(selector.pattern);
  if ("problem" in parsed)
    throw new DrillRefusal(`\`files\` entry ${show(selector)} is not a pattern: ${parsed.problem}.`);
  const { glob } = parsed;
  return selector.pattern.includes("/") ? (file) => matchGlob(glob, file.name) : (file) => matchGlob(glob, baseName(file.name));
}
var SHOWN_NAME_LENGTH = 80;
function shortened(name) {
  const chars = [...name];
  if (chars.length <= SHOWN_NAME_LENGTH) return name;
  return `${chars.slice(0, SHOWN_NAME_LENGTH).join("")}\u2026`;
}
function show(selector) {
  return JSON.stringify(selector.kind === "id" ? selector.id : selector.pattern);
}

// src/drill/choose.ts
function selectionOf(criteria, candidates) {
  const { rule, tag, windowMs, completedBefore } = criteria;
  return {
    rule,
    tag,
    window_seconds: windowMs === null ? null : seconds(windowMs),
    completed_before: completedBefore === null ? null : new Date(completedBefore).toISOString(),
    candidates
  };
}
function isCompleted(backup) {
  return backup.status.toLowerCase() === "completed";
}
function isAhead(backup, now) {
  return aheadOfClockMs(backup.completedAt, now) > 0;
}
function timeOf(backup) {
  return parseTime(backup.completedAt);
}
function classify(backup, criteria, now) {
  const { tag, windowMs, completedBefore } = criteria;
  if (!isCompleted(backup)) return "unfinished";
  if (tag !== null && backup.tags?.[tag] !== true) return "untagged";
  if (isAhead(backup, now)) return "ahead";
  const at = timeOf(backup);
  if (at === null) return windowMs === null && completedBefore === null ? "candidate" : "undated";
  if (completedBefore !== null && at >= completedBefore) return "tooNew";
  if (windowMs !== null && at < now - windowMs) return "tooOld";
  return "candidate";
}
function nothingSeen() {
  return {
    pages: 0,
    listed: 0,
    candidates: [],
    ahead: 0,
    untagged: 0,
    reached: null,
    nearest: null,
    earliestTooNew: null,
    exhausted: false,
    disorder: null
  };
}
var newer = (a, b) => b === null || (timeOf(a) ?? -Infinity) > (timeOf(b) ?? -Infinity);
function see(seen, asked, page, criteria, now) {
  const next = { ...seen, pages: seen.pages + 1, listed: seen.listed + page.backups.length };
  const candidates = [...seen.candidates];
  for (const backup of page.backups) {
    const at = timeOf(backup);
    if (at !== null) {
      if (seen.reached !== null && at > seen.reached && next.disorder === null)
        next.disorder = { page: asked, at, reached: seen.reached };
      next.reached = next.reached === null ? at : Math.min(next.reached, at);
    }
    const verdict = classify(backup, criteria, now);
    if (verdict === "candidate") candidates.push(backup);
    else if (verdict === "ahead") next.ahead++;
    else if (verdict === "untagged") next.untagged++;
    else if (verdict === "tooOld" && newer(backup, next.nearest)) next.nearest = backup;
    else if (verdict === "tooNew" && (next.earliestTooNew === null || newer(next.earliestTooNew, backup)))
      next.earliestTooNew = backup;
  }
  return { ...next, candidates, exhausted: page.nextPage === null };
}
function windowStart(criteria, now) {
  return criteria.windowMs === null ? null : now - criteria.windowMs;
}
function mayStop(seen, criteria, now) {
  if (seen.exhausted) return true;
  const found = seen.candidates.length > 0;
  if (criteria.rule === "latest" && found) return true;
  const start = windowStart(criteria, now);
  const past = start !== null && seen.reached !== null && seen.reached < start;
  return past && (found || seen.nearest !== null);
}
function pick(rule, candidates, random) {
  if (candidates.length === 0) return null;
  if (rule === "random") {
    const drawn = Math.floor(random() * candidates.length);
    const index = Number.isFinite(drawn) ? Math.min(candidates.length - 1, Math.max(0, drawn)) : 0;
    return candidates[index] ?? null;
  }
  let best = null;
  for (const backup of candidates) if (newer(backup, best)) best = backup;
  return best;
}

// src/drill/choose-text.ts
var HOUR_MS = 36e5;
var MINUTE_MS = 6e4;
var count = (n) => n.toLocaleString("en-US");
var iso = (ms) => new Date(ms).toISOString();
function age(ms) {
  const unit = ms >= DAY_MS ? HOUR_MS : ms >= HOUR_MS ? MINUTE_MS : 1e3;
  return formatDuration(Math.max(0, Math.round(ms / unit) * unit));
}
function wanted(criteria) {
  const { tag, windowMs, completedBefore } = criteria;
  const window = windowMs === null ? "" : ` in the last ${formatDuration(windowMs)}`;
  const before = completedBefore === null ? "" : ` from before ${iso(completedBefore)}`;
  return `completed ${tag === null ? "" : `${tag} `}backup${window}${before}`;
}
function filtered(criteria) {
  return criteria.tag !== null || criteria.windowMs !== null || criteria.completedBefore !== null;
}
function nearMiss(criteria, seen, now) {
  const { tag, completedBefore } = criteria;
  const one = `${tag === null ? "" : `${tag} `}one`;
  const nearestAt = seen.nearest === null ? null : timeOf(seen.nearest);
  if (nearestAt !== null) {
    const before = completedBefore === null ? "" : ` from before ${iso(completedBefore)}`;
    return `; the newest ${one}${before} completed ${age(now - nearestAt)} ago, at ${iso(nearestAt)}`;
  }
  const earliestAt = seen.earliestTooNew === null ? null : timeOf(seen.earliestTooNew);
  if (earliestAt !== null) {
    const oldest = seen.exhausted ? "the oldest" : "the oldest seen";
    return `; ${oldest} ${one} completed at ${iso(earliestAt)}, not before \`completed_before\``;
  }
  if (tag !== null && seen.untagged > 0)
    return `; none of the ${count(seen.untagged)} completed one(s) it saw is tagged ${tag}`;
  return "";
}
function advice(criteria) {
  if (!filtered(criteria)) return "check the job in SnapShooter, or give a backup id as `backup_id`";
  const ways = [
    criteria.windowMs === null ? null : "widen `backup_window`",
    criteria.tag === null ? null : "choose another `backup_tag`",
    criteria.completedBefore === null ? null : "move `completed_before` later"
  ].filter((way) => way !== null);
  return `${ways.join(", ")}, or check the job's backups and retention in SnapShooter`;
}
function noCandidate(jobId, criteria, seen, now, bounded) {
  const scope = seen.exhausted ? `looked at all ${count(seen.listed)} of its backups` : `looked at its newest ${count(seen.listed)} backups`;
  const skipped = seen.ahead === 0 ? "" : `; ${count(seen.ahead)} completed backup(s) skipped, their completed_at ahead of the runner's clock`;
  const hint = filtered(criteria) ? nearMiss(criteria, seen, now) : "";
  const stopped = bounded ? bound(seen) : "";
  return `Job ${jobId} has no ${wanted(criteria)} (${scope}${skipped})${hint}${stopped}: ${advice(criteria)}.`;
}
function bound(seen) {
  const back = seen.reached === null ? "" : `, back to ${iso(seen.reached)}`;
  return `; the walk stops after ${count(seen.pages)} pages${back}`;
}
function tooMany(jobId, criteria, seen) {
  const back = seen.reached === null ? "" : `, back to ${iso(seen.reached)}`;
  const reach = criteria.windowMs === null ? "no `backup_window` bounds the walk: give one, such as `30d`" : `\`backup_window\` (${formatDuration(criteria.windowMs)}) reaches further back: narrow it`;
  return `Job ${jobId} has too many backups to choose one at random: looked at ${count(seen.listed)} backups over ${count(seen.pages)} pages${back}, and ${reach}, so that every candidate can be seen.`;
}
function outOfOrder(jobId, disorder) {
  return `SnapShooter listed the backups of job ${jobId} out of order: page ${disorder.page} holds one completed at ${iso(disorder.at)}, after ${iso(disorder.reached)} on an earlier page, though they were asked newest first; no backup can be chosen from such a list: give a backup id as \`backup_id\`.`;
}

// src/drill/walk.ts
var MAX_PAGES = 50;
var SelectionRefusal = class extends DrillRefusal {
  constructor(message, selection) {
    super(message);
    this.selection = selection;
    this.name = "SelectionRefusal";
  }
  selection;
};
async function walkCandidates(listPage, criteria, context) {
  const { jobId, now, random } = context;
  let seen = nothingSeen();
  let page = 1;
  let bounded = false;
  for (; ; ) {
    const listed = await listPage(page);
    seen = see(seen, page, listed, criteria, now);
    if (seen.disorder !== null) {
      const selection2 = selectionOf(criteria, seen.candidates.length);
      throw new SelectionRefusal(outOfOrder(jobId, seen.disorder), selection2);
    }
    if (listed.nextPage === null || mayStop(seen, criteria, now)) break;
    if (seen.pages >= MAX_PAGES) {
      bounded = true;
      break;
    }
    page = listed.nextPage;
  }
  const selection = selectionOf(criteria, seen.candidates.length);
  if (bounded && criteria.rule === "random" && seen.candidates.length > 0)
    throw new SelectionRefusal(tooMany(jobId, criteria, seen), selection);
  const backup = pick(criteria.rule, seen.candidates, random);
  if (backup === null)
    throw new SelectionRefusal(noCandidate(jobId, criteria, seen, now, bounded), selection);
  return { backup, selection };
}

// src/drill/select.ts
var LATEST = { rule: "latest", tag: null, windowMs: null, completedBefore: null };
var BY_ID = Object.freeze({
  rule: "id",
  tag: null,
  window_seconds: null,
  completed_before: null,
  candidates: null
});
function askedSelection(settings) {
  if (settings.command === "watch") return { ...BY_ID, rule: "restore_id" };
  const choice = settings.choice ?? (settings.backupId === "latest" ? LATEST : null);
  return choice === null ? { ...BY_ID } : { ...selectionOf(choice, 0), candidates: null };
}
function checkBackup(backup, jobId) {
  if (jobId !== null && backup.jobId.toLowerCase() !== jobId) {
    throw new DrillRefusal(
      `Backup ${backup.id} belongs to job ${backup.jobId}, not to job ${jobId}: check \`backup_id\` and \`job_id\`.`
    );
  }
  if (backup.status.toLowerCase() !== "completed") {
    throw new DrillRefusal(
      `Backup ${backup.id} is ${backup.status}, not completed: only a completed backup can be restored. Pick another \`backup_id\`, or use \`latest\`.`
    );
  }
}

// src/drill/preflight.ts
async function chooseBackup(settings, client, now, random = Math.random) {
  const { backupId, jobId } = settings;
  const choice = settings.choice ?? (backupId === "latest" ? LATEST : null);
  if (choice !== null && jobId !== null) {
    const listPage = (page) => client.listJobBackups(jobId, page);
    return walkCandidates(listPage, choice, { jobId, now, random });
  }
  const selection = { ...BY_ID };
  return { backup: await client.getBackup(backupId), selection };
}
function preflight(settings, backup, now) {
  checkBackup(backup, settings.jobId);
  const files = selectFiles(backup.id, backup.files, settings.files);
  const ageMs = backupAgeMs(backup.completedAt, now);
  const checks = settings.maxBackupAgeMs === null ? [] : [
    limitCheck(
      "max_backup_age",
      settings.maxBackupAgeMs,
      ageMs,
      settings.written?.max_backup_age
    )
  ];
  const request = {};
  if (settings.files.length > 0) request.files = files.map((file) => file.id);
  if (settings.compute)
    request.compute = { type: settings.compute.type, server_id: settings.compute.serverId };
  return { files, request, backupAgeMs: ageMs, checks };
}
function checkFailure(check, subject) {
  if (check.passed !== false || check.actualSeconds === null) return null;
  if (check.actualSeconds < 0) {
    const ahead = formatDuration(-check.actualSeconds * 1e3);
    return `${subject}: the backup's completed_at is ${ahead} ahead of the runner's clock, so its age cannot be measured and \`max_backup_age\` cannot pass: check the runner's clock and the job in SnapShooter. Nothing was restored.`;
  }
  let actual = formatElapsed(check.actualSeconds * 1e3);
  let limit = check.limit ?? formatDuration(check.limitSeconds * 1e3);
  if (actual === formatElapsed(check.limitSeconds * 1e3))
    [actual, limit] = [`${check.actualSeconds}s`, `${check.limitSeconds}s`];
  return check.name === "max_backup_age" ? `${subject} completed ${actual} ago, older than \`max_backup_age\` (${limit}): the job may have stopped backing up; check it in SnapShooter. Nothing was restored.` : `${subject} completed but took ${actual}, longer than \`max_restore_duration\` (${limit}): the recovery time objective was missed.`;
}
function refuseOnFailedChecks(checks, subject) {
  for (const check of checks) {
    const reason = checkFailure(check, subject);
    if (reason !== null) throw new DrillRefusal(reason);
  }
}

export {
  describeSelection,
  baseName,
  SelectionRefusal,
  askedSelection,
  chooseBackup,
  preflight,
  checkFailure,
  refuseOnFailedChecks
};
//# sourceMappingURL=chunk-3RD3IW2L.js.map
