import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  MAX_RECORD_FILES,
  RECORDED_OUTCOMES,
  backupAgeSeconds,
  capRecordFiles,
  checkLimit,
  checkLimitText,
  durationSeconds,
  endedAt,
  isRecorded,
  makeRecord,
  readRecord,
  recordKey
} from "./chunk-IZ3IYCTI.js";
import "./chunk-23VKRORU.js";
export {
  MAX_RECORD_FILES,
  RECORDED_OUTCOMES,
  backupAgeSeconds,
  capRecordFiles,
  checkLimit,
  checkLimitText,
  durationSeconds,
  endedAt,
  isRecorded,
  makeRecord,
  readRecord,
  recordKey
};
//# sourceMappingURL=record-W77DSZZC.js.map
