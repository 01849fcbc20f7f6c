import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  runRestore,
  waitDeps
} from "./chunk-AURGTKBR.js";
import "./chunk-V5HUM5TO.js";
import "./chunk-P5RYDK4Q.js";
import "./chunk-UQA7AECD.js";
import "./chunk-I6DHMJ55.js";
import "./chunk-QP5NUJKD.js";
import "./chunk-JO5HSGVP.js";
import "./chunk-L4PJD67I.js";
import "./chunk-DEDSNKBD.js";
import "./chunk-CPMEAYED.js";
import "./chunk-GRVAU2VM.js";
import "./chunk-23VKRORU.js";
export {
  runRestore,
  waitDeps
};
//# sourceMappingURL=run-OHXAMS7O.js.map
