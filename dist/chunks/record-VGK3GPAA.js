import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  MAX_RECORD_FILES,
  RECORDED_OUTCOMES,
  backupAgeSeconds,
  checkLimit,
  durationSeconds,
  endedAt,
  isRecorded,
  makeRecord,
  readRecord,
  recordKey
} from "./chunk-UJBCSVMS.js";
import "./chunk-23VKRORU.js";
export {
  MAX_RECORD_FILES,
  RECORDED_OUTCOMES,
  backupAgeSeconds,
  checkLimit,
  durationSeconds,
  endedAt,
  isRecorded,
  makeRecord,
  readRecord,
  recordKey
};
//# sourceMappingURL=record-VGK3GPAA.js.map
