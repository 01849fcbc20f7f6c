// A fake GitHub REST API for the drill issue: list, create, comment, close. Tests point
// GITHUB_API_URL at it; it records every request and can be told to fail them all, the ways
// GitHub fails: an error status, a connection dropped without an answer, or no answer at all.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

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

export interface FakeGitHub {
  /** The API base, for GITHUB_API_URL. */
  url: string
  token: string
  issues: FakeIssue[]
  requests: GitHubRequest[]
  /** Fail every request this way (a token without `issues: write` gets 403); null: answer. */
  refuseWith(fault: GitHubFault | null): void
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

export async function startFakeGitHub(
  token = 'ghs_fake-github-token-0123456789',
): Promise<FakeGitHub> {
  const issues: FakeIssue[] = []
  const requests: GitHubRequest[] = []
  let refusal: GitHubFault | null = null
  let latencyMs = 0
  let listener: ((request: GitHubRequest) => void) | null = null
  const view = (owner: string, repo: string, issue: FakeIssue) => ({
    ...issue,
    labels: issue.labels.map((name) => ({ name })),
    html_url: `https://github.example/${owner}/${repo}/issues/${issue.number}`,
  })

  const server = createServer(async (req, res) => {
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
    // A silent request stays open until the client gives up or close() ends it.
    if (refusal === 'silent') return
    if (refusal === 'drop') return void req.socket.destroy()
    if (refusal !== null)
      return send(res, refusal, { message: 'Resource not accessible by integration' })
    if (
      req.headers.authorization !== `token ${token}` &&
      req.headers.authorization !== `Bearer ${token}`
    ) {
      return send(res, 401, { message: 'Bad credentials' })
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
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    url,
    token,
    issues,
    requests,
    refuseWith: (fault) => {
      refusal = fault
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
