// Markdown rendered the way GitHub renders a job summary: GitHub-flavoured Markdown with its raw
// HTML kept, then sanitised by rehype-sanitize's default schema (which follows GitHub's: <details>
// stays, <script>, styles and event handlers go), in a page styled by github-markdown-css, the
// stylesheet of GitHub's rendered Markdown. `npm run screenshot` and the render tests share it.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import rehypeRaw from 'rehype-raw'
import rehypeSanitize from 'rehype-sanitize'
import rehypeStringify from 'rehype-stringify'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'

const require = createRequire(import.meta.url)

/** The HTML GitHub would show for `markdown`, sanitised. */
export function renderGfm(markdown: string): string {
  return String(
    unified()
      .use(remarkParse)
      .use(remarkGfm)
      .use(remarkRehype, { allowDangerousHtml: true })
      .use(rehypeRaw)
      .use(rehypeSanitize)
      .use(rehypeStringify)
      .processSync(markdown),
  )
}

// The run page's frame around a summary: a card on GitHub's grey, as wide as the summary pane.
const FRAME = `
  body { margin: 0; padding: 24px; background: #f6f8fa; }
  .card { max-width: 860px; margin: 0 auto; background: #fff; border: 1px solid #d1d9e0;
    border-radius: 6px; font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI",
    "Noto Sans", Helvetica, Arial, sans-serif; }
  .card > header { padding: 12px 16px; border-bottom: 1px solid #d1d9e0; font-weight: 600;
    color: #1f2328; }
  .card > header small { color: #59636e; font-weight: 400; margin-left: 8px; }
  .markdown-body { padding: 16px 24px; }
`

/** A whole page: the sanitised HTML in `.markdown-body`, with GitHub's light stylesheet. */
export function gfmPage(markdown: string, title: string, step: string): string {
  const css = readFileSync(require.resolve('github-markdown-css/github-markdown-light.css'), 'utf8')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<style>${css}</style><style>${FRAME}</style></head>
<body><div class="card"><header>${title}<small>${step}</small></header>
<div class="markdown-body">${renderGfm(markdown)}</div></div></body></html>
`
}
