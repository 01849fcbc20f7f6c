import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  runRestore,
  waitDeps
} from "./chunk-JXJKG34U.js";
import "./chunk-HG3PC4QG.js";
import "./chunk-YDCWY7DJ.js";
import "./chunk-VGWWNZ4D.js";
import "./chunk-T5AROM7E.js";
import "./chunk-QP5NUJKD.js";
import "./chunk-DOMHRUWJ.js";
import "./chunk-SDF5QEM7.js";
import "./chunk-23VKRORU.js";
export {
  runRestore,
  waitDeps
};
//# sourceMappingURL=run-3IVRUDUV.js.map
