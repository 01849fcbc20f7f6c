import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  runRestore,
  waitDeps
} from "./chunk-P6UYX4WF.js";
import "./chunk-IUPZPFKJ.js";
import "./chunk-P5RYDK4Q.js";
import "./chunk-UZPT34RA.js";
import "./chunk-I6DHMJ55.js";
import "./chunk-JO5HSGVP.js";
import "./chunk-QP5NUJKD.js";
import "./chunk-SD467S5P.js";
import "./chunk-DEDSNKBD.js";
import "./chunk-CPMEAYED.js";
import "./chunk-MUQ5OQIV.js";
import "./chunk-23VKRORU.js";
export {
  runRestore,
  waitDeps
};
//# sourceMappingURL=run-5AIBNUJ5.js.map
