import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  formatMs
} from "./chunk-XH7RMSY5.js";

// src/alert/requests.ts
var GitHubSilent = class extends Error {
  constructor(timeoutMs) {
    super(`GitHub gave no answer within ${formatMs(timeoutMs)}`);
    this.timeoutMs = timeoutMs;
    this.name = "GitHubSilent";
  }
  timeoutMs;
};
var AlertCancelled = class extends Error {
  constructor() {
    super("the run was cancelled while GitHub was being asked");
    this.name = "AlertCancelled";
  }
};
function guardRequests(octokit, cancel, timeoutMs) {
  octokit.hook.wrap("request", async (request, options) => {
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = AbortSignal.any([cancel, timeout]);
    options.request = { ...options.request, signal };
    try {
      return await request(options);
    } catch (error) {
      if (cancel.aborted) throw new AlertCancelled();
      if (timeout.aborted) throw new GitHubSilent(timeoutMs);
      throw error;
    }
  });
}
function answeredStatus(error) {
  if (typeof error !== "object" || error === null || !("status" in error)) return null;
  if ("request" in error && !("response" in error && error.response)) return null;
  const status = Number(error.status);
  return Number.isInteger(status) && status > 0 ? status : null;
}

export {
  GitHubSilent,
  AlertCancelled,
  guardRequests,
  answeredStatus
};
//# sourceMappingURL=chunk-3VSCJHLQ.js.map
