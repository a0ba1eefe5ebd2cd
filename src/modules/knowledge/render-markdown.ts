import { Marked, type Tokens } from 'marked';

const SAFE_LINK = /^(https?:|mailto:|\/|#|\.{0,2}\/)/i;

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * Markdown to HTML for articles that organizations write themselves: raw HTML is shown as text
 * and links or images with other schemes (javascript:, data:) lose their target.
 */
const markdown = new Marked({
  gfm: true,
  renderer: {
    html(token: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(token.text);
    },
    link(this: { parser: { parseInline: (tokens: Tokens.Generic[]) => string } }, token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens);
      if (!SAFE_LINK.test(token.href)) return text;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<a href="${escapeHtml(token.href)}"${title}>${text}</a>`;
    },
    image(token: Tokens.Image) {
      if (!/^(https?:|\/)/i.test(token.href)) return escapeHtml(token.text);
      return `<img src="${escapeHtml(token.href)}" alt="${escapeHtml(token.text)}">`;
    },
  },
});

/** Renders Markdown to HTML that is safe to show in the web app. */
export function renderMarkdown(text: string): string {
  return markdown.parse(text, { async: false });
}

/** A whole printable HTML document around rendered Markdown. */
export function htmlDocument(options: { title: string; language: string; body: string }): string {
  return `<!doctype html>
<html lang="${escapeHtml(options.language)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(options.title)}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 48rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1a1a1a; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
blockquote { border-left: 4px solid #ccc; margin-left: 0; padding-left: 1rem; color: #444; }
@media print { body { margin: 0; } }
</style>
</head>
<body>
${renderMarkdown(options.body)}
</body>
</html>
`;
}
