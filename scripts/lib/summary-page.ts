// A job summary as an HTML page that looks like GitHub's run page: the Markdown rendered as
// GitHub-flavoured Markdown, inside a card styled after GitHub's light theme.
import { marked } from 'marked'

const CSS = `
  body { margin: 0; padding: 24px; background: #f6f8fa; color: #1f2328;
    font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial,
      sans-serif, "Noto Color Emoji"; }
  .card { max-width: 820px; margin: 0 auto; background: #fff; border: 1px solid #d1d9e0;
    border-radius: 6px; }
  .card > header { padding: 12px 16px; border-bottom: 1px solid #d1d9e0; font-weight: 600; }
  .card > header small { color: #59636e; font-weight: 400; margin-left: 8px; }
  .markdown-body { padding: 8px 24px 16px; }
  h2 { font-size: 1.5em; font-weight: 600; padding-bottom: .3em; border-bottom: 1px solid #d1d9e0b3;
    margin: 16px 0; }
  h3 { font-size: 1.25em; font-weight: 600; margin: 24px 0 12px; }
  table { border-spacing: 0; border-collapse: collapse; margin: 0 0 16px; display: block;
    width: max-content; max-width: 100%; overflow: auto; }
  th, td { padding: 6px 13px; border: 1px solid #d1d9e0; }
  th { font-weight: 600; }
  tr { background: #fff; border-top: 1px solid #d1d9e0b3; }
  tbody tr:nth-child(2n) { background: #f6f8fa; }
  code { padding: .2em .4em; font-size: 85%; background: #818b981f; border-radius: 6px;
    font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, monospace; }
  pre { padding: 16px; background: #f6f8fa; border-radius: 6px; overflow: auto; }
  pre code { padding: 0; background: none; font-size: 85%; }
  blockquote { margin: 0 0 16px; padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
  sub { color: #59636e; }
`

export function summaryPage(markdown: string, title: string, step: string): string {
  const body = marked.parse(markdown, { gfm: true, async: false })
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title><style>${CSS}</style></head>
<body><div class="card"><header>${title}<small>${step}</small></header>
<div class="markdown-body">${body}</div></div></body></html>
`
}
