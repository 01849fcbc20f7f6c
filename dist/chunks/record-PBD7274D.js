import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  MAX_RECORD_FILES,
  RECORDED_OUTCOMES,
  backupAgeSeconds,
  checkLimit,
  checkLimitText,
  durationSeconds,
  endedAt,
  isRecorded,
  makeRecord,
  readRecord,
  recordKey
} from "./chunk-UJ42BV7C.js";
import "./chunk-23VKRORU.js";
export {
  MAX_RECORD_FILES,
  RECORDED_OUTCOMES,
  backupAgeSeconds,
  checkLimit,
  checkLimitText,
  durationSeconds,
  endedAt,
  isRecorded,
  makeRecord,
  readRecord,
  recordKey
};
//# sourceMappingURL=record-PBD7274D.js.map
