import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  HISTORY_GRACE_MS,
  HISTORY_TIME_LIMIT_MS,
  MAX_ATTEMPTS,
  historyDeadline,
  historyUrl,
  writeHistory
} from "./chunk-6KWT2TZE.js";
import "./chunk-R445ESFV.js";
import "./chunk-JO5HSGVP.js";
import "./chunk-LXCIAP43.js";
import "./chunk-MJATRFDO.js";
import "./chunk-U74NIOEJ.js";
import "./chunk-SD467S5P.js";
import "./chunk-DEDSNKBD.js";
import "./chunk-CPMEAYED.js";
import "./chunk-MUQ5OQIV.js";
import "./chunk-UBNUX3TW.js";
import "./chunk-IZ3IYCTI.js";
import "./chunk-23VKRORU.js";
export {
  HISTORY_GRACE_MS,
  HISTORY_TIME_LIMIT_MS,
  MAX_ATTEMPTS,
  historyDeadline,
  historyUrl,
  writeHistory
};
//# sourceMappingURL=github-36YYP6OJ.js.map
