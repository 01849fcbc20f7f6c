import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)
import {
  AlertCancelled,
  GitHubSilent,
  answeredStatus,
  guardRequests
} from "./chunk-3VSCJHLQ.js";
import {
  alertBody,
  issueTitle,
  planAlert,
  runUrl
} from "./chunk-MJATRFDO.js";
import "./chunk-XH7RMSY5.js";
import "./chunk-ZTXGGKOZ.js";
import "./chunk-CPMEAYED.js";
import {
  errorMessage,
  info,
  warning
} from "./chunk-VIEEPT45.js";
import "./chunk-23VKRORU.js";

// src/alert/github.ts
var MAX_PAGES = 5;
var REQUEST_TIMEOUT_MS = 3e4;
async function alertOnGitHub(settings, outcome, summary, env, {
  signal = new AbortController().signal,
  requestTimeoutMs = REQUEST_TIMEOUT_MS
} = {}) {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  if (!owner || !repo) {
    warning("No drill issue: GITHUB_REPOSITORY is not set, so the repository is unknown.");
    return null;
  }
  const title = issueTitle(settings.target);
  try {
    info(`Drill issue: looking in ${owner}/${repo} for the open issue "${title}".`);
    const { getOctokit } = await import("./github-C3L33I7H.js");
    const octokit = getOctokit(
      settings.githubToken,
      env.GITHUB_API_URL ? { baseUrl: env.GITHUB_API_URL } : {}
    );
    guardRequests(octokit, signal, requestTimeoutMs);
    const issues = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
      owner,
      repo,
      labels: settings.label,
      state: "open",
      per_page: 100
    });
    let existing;
    let pages = 0;
    for await (const page of issues) {
      existing = page.data.find((issue2) => issue2.title === title && !issue2.pull_request);
      if (existing || ++pages >= MAX_PAGES) break;
    }
    const action = planAlert(outcome, existing !== void 0);
    if (action === "none") return null;
    const body = alertBody(action, summary, runUrl(env));
    if (action === "open") {
      const { data } = await octokit.rest.issues.create({
        owner,
        repo,
        title,
        body,
        labels: [settings.label]
      });
      info(`Opened drill issue #${data.number}: ${data.html_url}`);
      return { action, number: data.number, url: data.html_url };
    }
    const issue = existing;
    await octokit.rest.issues.createComment({ owner, repo, issue_number: issue.number, body });
    if (action === "resolve") {
      await octokit.rest.issues.update({
        owner,
        repo,
        issue_number: issue.number,
        state: "closed",
        state_reason: "completed"
      });
    }
    info(
      `${action === "resolve" ? "Closed" : "Commented on"} drill issue #${issue.number}: ${issue.html_url}`
    );
    return { action, number: issue.number, url: issue.html_url };
  } catch (error) {
    warning(alertFailure(error, `${owner}/${repo}`));
    return null;
  }
}
function alertFailure(error, repository) {
  const status = answeredStatus(error);
  const lead = `The drill issue in ${repository} could not be updated`;
  if (error instanceof AlertCancelled) return `${lead}: ${error.message}.`;
  if (error instanceof GitHubSilent)
    return `${lead}: ${error.message}. It is worth re-running later; check that GITHUB_API_URL is reachable from the runner.`;
  if (status === 401)
    return `${lead}: GitHub rejected \`github_token\` (401). Pass a valid token, or leave \`github_token\` out to use the workflow token.`;
  if (status === 403)
    return `${lead}: GitHub answered 403. Give the job \`permissions: issues: write\`.`;
  if (status === 404)
    return `${lead}: GitHub answered 404. Check that the repository has issues enabled and that the token can see it (\`permissions: issues: write\`).`;
  if (status === 410)
    return `${lead}: issues are disabled in ${repository} (410). Enable them, or set \`issue_on_failure: false\`.`;
  if (status !== null && status > 0)
    return `${lead}: GitHub answered ${status}. It is worth re-running later.`;
  return `${lead}: ${errorMessage(error)}. Check that GITHUB_API_URL is reachable from the runner.`;
}
export {
  alertFailure,
  alertOnGitHub
};
//# sourceMappingURL=github-KNRYRAAX.js.map
