import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)

// src/history/record.ts
var RECORDED_OUTCOMES = ["succeeded", "failed", "timed_out", "cancelled"];
var MAX_RECORD_FILES = 100;
function isRecorded(outcome) {
  return RECORDED_OUTCOMES.includes(outcome);
}
function makeRecord(result, target, endedAt2) {
  if (!isRecorded(result.outcome)) return null;
  return {
    ...capRecordFiles(result),
    outcome: result.outcome,
    history: { target, recorded_at: new Date(endedAt2).toISOString() }
  };
}
function capRecordFiles(result) {
  const copy = capFiles({ ...result });
  if (isObject(copy.download)) copy.download = capFiles({ ...copy.download });
  return copy;
}
function capFiles(holder) {
  const files = holder.files;
  if (!Array.isArray(files) || files.length <= MAX_RECORD_FILES) return holder;
  const omitted = typeof holder.files_omitted === "number" ? holder.files_omitted : 0;
  return Object.assign(holder, {
    files: files.slice(0, MAX_RECORD_FILES),
    files_omitted: omitted + files.length - MAX_RECORD_FILES
  });
}
function readRecord(value) {
  if (!isObject(value) || typeof value.outcome !== "string" || !isRecorded(value.outcome))
    return null;
  const history = value.history;
  if (!isObject(history) || typeof history.target !== "string") return null;
  if (typeof history.recorded_at !== "string" || !Number.isFinite(Date.parse(history.recorded_at)))
    return null;
  return value;
}
function recordKey(record) {
  const run = isObject(record.run) ? record.run : {};
  const restore = isObject(record.restore) ? record.restore : {};
  return JSON.stringify([
    run.repository ?? null,
    run.run_id ?? null,
    run.run_attempt ?? null,
    record.history.target,
    restore.id ?? null
  ]);
}
function endedAt(record) {
  return Date.parse(record.history.recorded_at);
}
function durationSeconds(record) {
  return nonNegative(isObject(record.restore) ? record.restore.duration_seconds : void 0);
}
function backupAgeSeconds(record) {
  return nonNegative(isObject(record.backup) ? record.backup.age_seconds : void 0);
}
function checkLimit(record, name) {
  if (!Array.isArray(record.checks)) return null;
  const check = record.checks.find((item) => isObject(item) && item.name === name);
  return isObject(check) ? positive(check.limit_seconds) : null;
}
function checkLimitText(record, name) {
  if (!Array.isArray(record.checks)) return null;
  const check = record.checks.find((item) => isObject(item) && item.name === name);
  if (!isObject(check) || typeof check.limit !== "string") return null;
  return /^[0-9][0-9a-z ]{0,23}$/i.test(check.limit) ? check.limit : null;
}
function nonNegative(value) {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
}
function positive(value) {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : null;
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export {
  RECORDED_OUTCOMES,
  MAX_RECORD_FILES,
  isRecorded,
  makeRecord,
  capRecordFiles,
  readRecord,
  recordKey,
  endedAt,
  durationSeconds,
  backupAgeSeconds,
  checkLimit,
  checkLimitText
};
//# sourceMappingURL=chunk-IZ3IYCTI.js.map
