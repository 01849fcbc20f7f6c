import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  STATUS_WORDS
} from "./chunk-CPMEAYED.js";

// src/restore/status.ts
function classifyStatus(word) {
  const key = word.trim().toLowerCase().replace(/[\s-]+/g, "_");
  const found = Object.hasOwn(STATUS_WORDS, key) ? STATUS_WORDS[key] : void 0;
  return found === void 0 ? { class: "running", known: false } : { class: found, known: true };
}

export {
  classifyStatus
};
//# sourceMappingURL=chunk-P5RYDK4Q.js.map
