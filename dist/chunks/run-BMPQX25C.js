import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  runRestore,
  waitDeps
} from "./chunk-4OO7X7PC.js";
import "./chunk-XXRYDPC6.js";
import "./chunk-P5RYDK4Q.js";
import "./chunk-53UALZSS.js";
import "./chunk-I6DHMJ55.js";
import "./chunk-JO5HSGVP.js";
import "./chunk-QP5NUJKD.js";
import "./chunk-XH7RMSY5.js";
import "./chunk-ZTXGGKOZ.js";
import "./chunk-CPMEAYED.js";
import "./chunk-VIEEPT45.js";
import "./chunk-23VKRORU.js";
export {
  runRestore,
  waitDeps
};
//# sourceMappingURL=run-BMPQX25C.js.map
