import { createRequire as __bundleCreateRequire } from 'node:module'
const require = __bundleCreateRequire(import.meta.url)

// src/alert/plan.ts
function planAlert(outcome, openIssueExists) {
  if (outcome === "failed" || outcome === "timed_out") return openIssueExists ? "comment" : "open";
  if (outcome === "succeeded" && openIssueExists) return "resolve";
  return "none";
}
function mayAlert(outcome) {
  return planAlert(outcome, true) !== "none";
}
function issueTitle(target) {
  return `Restore drill failing: ${quietMentions(target)}`;
}
function runUrl(env) {
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_RUN_ID: runId } = env;
  if (!server || !repository || !runId) return null;
  return `${server.replace(/\/+$/, "")}/${repository}/actions/runs/${runId}`;
}
function alertBody(action, summary, run) {
  const lead = {
    open: "A scheduled restore drill failed. Until a drill of this target succeeds, this issue stays open and each failing run adds a comment.",
    comment: "The restore drill failed again.",
    resolve: "The restore drill succeeded: closing.",
    none: ""
  };
  const link = run === null ? "" : `

[The run](${run})`;
  return `${lead[action]}${link}

${quietMentions(summary)}`;
}
var MENTION_OR_CODE = new RegExp("(?<code><pre>[\\s\\S]*?<\\/pre>|<code>[\\s\\S]*?<\\/code>|(?<fence>`+)[\\s\\S]*?\\k<fence>)|(?<at>@|&#0*64;|&#x0*40;|&commat;)(?=[\\p{L}\\p{N}])|(?<hash>(?<!&)#|&#0*35;|&#x0*23;|&num;)(?=\\p{N})|(?<gh>\\bGH-)(?=\\p{N})", "giu");
var JOINER = "\u200D";
function quietMentions(markdown) {
  return markdown.replace(MENTION_OR_CODE, (...args) => {
    const { code, at, hash, gh } = args.at(-1);
    if (code !== void 0) return code;
    if (at !== void 0) return `@${JOINER}`;
    if (hash !== void 0) return `#${JOINER}`;
    return `${gh ?? ""}${JOINER}`;
  });
}

export {
  planAlert,
  mayAlert,
  issueTitle,
  runUrl,
  alertBody
};
//# sourceMappingURL=chunk-MJATRFDO.js.map
