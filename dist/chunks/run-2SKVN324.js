import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  runRestore,
  waitDeps
} from "./chunk-GH5OXZBE.js";
import "./chunk-HQXMQDKU.js";
import "./chunk-P5RYDK4Q.js";
import "./chunk-LUC7IPLN.js";
import "./chunk-I6DHMJ55.js";
import "./chunk-QP5NUJKD.js";
import "./chunk-JO5HSGVP.js";
import "./chunk-KH64A4GV.js";
import "./chunk-67E55WTA.js";
import "./chunk-CPMEAYED.js";
import "./chunk-BQVM4NDJ.js";
import "./chunk-23VKRORU.js";
export {
  runRestore,
  waitDeps
};
//# sourceMappingURL=run-2SKVN324.js.map
