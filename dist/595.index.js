export const id = 595;
export const ids = [595];
export const modules = {

/***/ 595:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   alertOnGitHub: () => (/* binding */ alertOnGitHub)
/* harmony export */ });
/* unused harmony export alertFailure */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8179);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _plan_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1747);
// Opens, comments on and closes the drill's GitHub issue. Loaded only when `issue_on_failure`
// is on, so drills that do not alert never load Octokit. A failure here is a warning: it never
// changes the drill's outcome or hides its error.



// Enough to find the drill's issue among the open ones with its label.
const MAX_PAGES = 5;
const REQUEST_TIMEOUT_MS = 30_000;
async function alertOnGitHub(settings, outcome, summary, env) {
    const [owner, repo] = (env.GITHUB_REPOSITORY ?? '').split('/');
    if (!owner || !repo) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e('No drill issue: GITHUB_REPOSITORY is not set, so the repository is unknown.');
        return null;
    }
    const title = (0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .issueTitle */ .al)(settings.target);
    try {
        const { getOctokit } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
        // The API base comes from GITHUB_API_URL, which also covers GitHub Enterprise Server.
        const octokit = getOctokit(settings.githubToken, {
            request: { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) },
        });
        const issues = octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
            owner,
            repo,
            labels: settings.label,
            state: 'open',
            per_page: 100,
        });
        let existing;
        let pages = 0;
        for await (const page of issues) {
            existing = page.data.find((issue) => issue.title === title && !issue.pull_request);
            if (existing || ++pages >= MAX_PAGES)
                break;
        }
        const action = (0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .planAlert */ .wN)(outcome, existing !== undefined);
        if (action === 'none')
            return null;
        const body = (0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .alertBody */ .zZ)(action, summary, (0,_plan_js__WEBPACK_IMPORTED_MODULE_1__/* .runUrl */ .Vp)(env));
        if (action === 'open') {
            const { data } = await octokit.rest.issues.create({
                owner,
                repo,
                title,
                body,
                labels: [settings.label],
            });
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`Opened drill issue #${data.number}: ${data.html_url}`);
            return { action, number: data.number, url: data.html_url };
        }
        const issue = existing;
        await octokit.rest.issues.createComment({ owner, repo, issue_number: issue.number, body });
        if (action === 'resolve') {
            await octokit.rest.issues.update({
                owner,
                repo,
                issue_number: issue.number,
                state: 'closed',
                state_reason: 'completed',
            });
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq(`${action === 'resolve' ? 'Closed' : 'Commented on'} drill issue #${issue.number}: ${issue.html_url}`);
        return { action, number: issue.number, url: issue.html_url };
    }
    catch (error) {
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e(alertFailure(error, `${owner}/${repo}`));
        return null;
    }
}
/** One line saying why the drill issue could not be written and what to change. */
function alertFailure(error, repository) {
    const status = typeof error === 'object' && error !== null && 'status' in error ? Number(error.status) : null;
    const lead = `The drill issue in ${repository} could not be updated`;
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
    return `${lead}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .g)(error)}. Check that GITHUB_API_URL is reachable from the runner.`;
}


/***/ })

};

//# sourceMappingURL=595.index.js.map