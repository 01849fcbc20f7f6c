import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  runRestore,
  waitDeps
} from "./chunk-XBAMJQV2.js";
import "./chunk-3R3XKYNG.js";
import "./chunk-4I6AFKBV.js";
import "./chunk-ITQDKVUV.js";
import "./chunk-S44UB6PJ.js";
import "./chunk-QP5NUJKD.js";
import "./chunk-XD5QJNCJ.js";
import "./chunk-3BGL6JNF.js";
import "./chunk-YBT7PXVK.js";
import "./chunk-23VKRORU.js";
export {
  runRestore,
  waitDeps
};
//# sourceMappingURL=run-IVSOHFNO.js.map
