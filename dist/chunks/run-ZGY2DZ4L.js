import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  runRestore,
  waitDeps
} from "./chunk-RQIFG6U4.js";
import "./chunk-THLESFWR.js";
import "./chunk-P5RYDK4Q.js";
import "./chunk-3RD3IW2L.js";
import "./chunk-I6DHMJ55.js";
import "./chunk-RKSAIW2P.js";
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
//# sourceMappingURL=run-ZGY2DZ4L.js.map
