import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)

// src/time.ts
import { setTimeout as delay } from "node:timers/promises";
var systemClock = { now: () => Date.now() };
var realSleep = async (ms, signal) => {
  if (ms <= 0) {
    signal?.throwIfAborted();
    return;
  }
  await delay(ms, void 0, { signal });
};

export {
  systemClock,
  realSleep
};
//# sourceMappingURL=chunk-U74NIOEJ.js.map
