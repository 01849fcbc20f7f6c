// A fake GitHub REST API: issues for the drill issue (list, create, comment, close), and the git
// data API for the drill history (github-git.ts). Tests point GITHUB_API_URL at it; it records
// every request and can be told to fail them, the ways GitHub fails: an error status, a
// connection dropped without an answer, or no answer at all; every request, the next few that
// match, or only writes (a token without `contents: write`).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createFakeGit, type FakeGit } from './github-git.js'

export interface FakeIssue {
  number: number
  title: string
  body: string
  labels: string[]
  state: 'open' | 'closed'
  comments: string[]
}

export interface GitHubRequest {
  method: string
  path: string
  authorization: string | undefined
  body: unknown
}

/** An HTTP status for every request, or `drop` (close the connection) or `silent` (never answer). */
export type GitHubFault = number | 'drop' | 'silent'

/** A fault for the next requests that match. */
export interface GitHubFaultRule {
  method?: string
  path?: RegExp
  fault: GitHubFault
  /**
   * Do what was asked, then fail the answer: the request took effect, the client cannot know
   * (git data routes only).
   */
  afterApplying?: boolean
  /** How many matching requests it hits (1 by default). */
  times?: number
}

export interface FakeGitHub {
  /** The API base, for GITHUB_API_URL. */
  url: string
  token: string
  issues: FakeIssue[]
  /** The repositories' git data: refs, commits, trees, blobs. */
  git: FakeGit
  requests: GitHubRequest[]
  /** Fail every request this way (a token without `issues: write` gets 403); null: answer. */
  refuseWith(fault: GitHubFault | null): void
  /** Refuse every write (not GET) with this status, as GitHub does a read-only token; null: allow. */
  refuseWrites(status: number | null): void
  /** Fail the next requests that match `rule`, once each, as many as `rule.times`. */
  failNext(rule: GitHubFaultRule): void
  /** Hold every answer this long (0: answer at once). */
  answerAfter(ms: number): void
  /** Called as each request arrives, before any answer (null: no one is called). */
  onRequest(listener: ((request: GitHubRequest) => void) | null): void
  /**
   * An issue already there, as an earlier run would have left it: open and labelled
   * `restore-drill` (the action's default label) unless told. Returns it as stored.
   */
  fileIssue(issue: Pick<FakeIssue, 'title'> & Partial<Omit<FakeIssue, 'number'>>): FakeIssue
  /** As if just started: no issue, no request recorded, answering at once. */
  reset(): void
  close(): Promise<void>
}

const ISSUES = /^\/repos\/([^/]+)\/([^/]+)\/issues(?:\/(\d+)(\/comments)?)?$/
const GIT = /^\/repos\/([^/]+)\/([^/]+)\/git\/(.+)$/

export async function startFakeGitHub(
  token = 'ghs_fake-github-token-0123456789',
): Promise<FakeGitHub> {
  const issues: FakeIssue[] = []
  const requests: GitHubRequest[] = []
  const git = createFakeGit()
  const rules: (GitHubFaultRule & { left: number })[] = []
  let refusal: GitHubFault | null = null
  let writeRefusal: number | null = null
  let latencyMs = 0
  let listener: ((request: GitHubRequest) => void) | null = null
  const view = (owner: string, repo: string, issue: FakeIssue) => ({
    ...issue,
    labels: issue.labels.map((name) => ({ name })),
    html_url: `https://github.example/${owner}/${repo}/issues/${issue.number}`,
  })

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readJson(req)
    const { pathname, searchParams } = new URL(req.url ?? '/', 'http://localhost')
    const request = {
      method: req.method ?? '',
      path: pathname,
      authorization: req.headers.authorization,
      body,
    }
    requests.push(request)
    listener?.(request)
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs))
    const rule = takeRule(rules, request)
    const fault = rule && !rule.afterApplying ? rule.fault : refusal
    if (fault !== null) return fail(req, res, fault)
    if (
      req.headers.authorization !== `token ${token}` &&
      req.headers.authorization !== `Bearer ${token}`
    ) {
      return send(res, 401, { message: 'Bad credentials' })
    }
    if (writeRefusal !== null && request.method !== 'GET')
      return send(res, writeRefusal, { message: 'Resource not accessible by integration' })
    const gitPath = GIT.exec(pathname)
    if (gitPath) {
      const [, owner = '', repo = '', rest = ''] = gitPath
      const answer = git.handle(
        request.method,
        `${owner}/${repo}`,
        decodePath(rest),
        searchParams,
        body,
      )
      if (rule?.afterApplying) return fail(req, res, rule.fault)
      return answer
        ? send(res, answer.status, answer.body)
        : send(res, 404, { message: 'Not Found' })
    }
    const match = ISSUES.exec(pathname)
    if (!match) return send(res, 404, { message: 'Not Found' })
    const [, owner = '', repo = '', number, comments] = match
    const issue = issues.find((candidate) => candidate.number === Number(number))
    const input = (body ?? {}) as Record<string, unknown>

    if (req.method === 'GET' && !number) {
      const label = searchParams.get('labels')
      const state = searchParams.get('state') ?? 'open'
      const listed = issues.filter(
        (candidate) =>
          (label === null || candidate.labels.includes(label)) && candidate.state === state,
      )
      return send(
        res,
        200,
        listed.map((candidate) => view(owner, repo, candidate)),
      )
    }
    if (req.method === 'POST' && !number) {
      const created: FakeIssue = {
        number: issues.length + 1,
        title: String(input.title),
        body: String(input.body),
        labels: (input.labels as string[] | undefined) ?? [],
        state: 'open',
        comments: [],
      }
      issues.push(created)
      return send(res, 201, view(owner, repo, created))
    }
    if (!issue) return send(res, 404, { message: 'Not Found' })
    if (req.method === 'POST' && comments) {
      issue.comments.push(String(input.body))
      return send(res, 201, { id: issue.comments.length, body: input.body })
    }
    if (req.method === 'PATCH' && !comments) {
      if (input.state === 'closed' || input.state === 'open') issue.state = input.state
      return send(res, 200, view(owner, repo, issue))
    }
    send(res, 404, { message: 'Not Found' })
  }
  // A request whose body cannot be read (the client went away) ends its own socket.
  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    token,
    issues,
    git,
    requests,
    refuseWith: (fault) => {
      refusal = fault
    },
    refuseWrites: (status) => {
      writeRefusal = status
    },
    failNext: (rule) => {
      rules.push({ ...rule, left: rule.times ?? 1 })
    },
    answerAfter: (ms) => {
      latencyMs = ms
    },
    onRequest: (callback) => {
      listener = callback
    },
    fileIssue: (issue) => {
      const filed: FakeIssue = {
        number: issues.length + 1,
        body: '',
        labels: ['restore-drill'],
        state: 'open',
        comments: [],
        ...issue,
      }
      issues.push(filed)
      return filed
    },
    reset: () => {
      issues.length = 0
      requests.length = 0
      refusal = null
      latencyMs = 0
      listener = null
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

// Octokit sends a ref's slashes encoded (`heads%2Fmain`), as GitHub accepts them.
function decodePath(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}

/** The first rule that matches `request`, used up by one. */
function takeRule(
  rules: (GitHubFaultRule & { left: number })[],
  request: GitHubRequest,
): GitHubFaultRule | undefined {
  const index = rules.findIndex(
    (rule) =>
      (rule.method === undefined || rule.method === request.method) &&
      (rule.path === undefined || rule.path.test(request.path)),
  )
  const rule = rules[index]
  if (rule && --rule.left <= 0) rules.splice(index, 1)
  return rule
}

function fail(req: IncomingMessage, res: ServerResponse, fault: GitHubFault): void {
  // A silent request stays open until the client gives up or close() ends it.
  if (fault === 'silent') return
  if (fault === 'drop') req.socket.destroy()
  else send(res, fault, { message: 'Resource not accessible by integration' })
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8')
  if (text === '') return null
  try {
    return JSON.parse(text)
  } catch {
    return text
  }
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body))
}
