import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

const ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'ul',
    'ol',
    'li',
    'a',
    'h2',
    'h3',
    'h4',
    'blockquote',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  // Inline event handlers and styles would be blocked by the CSP anyway; drop them here too.
  disallowedTagsMode: 'discard',
};

/**
 * Markdown → safe HTML. Used for text organisations write (listing descriptions) as well as
 * for content in git, so it is always sanitised. `headingOffset` demotes headings so a
 * description's `#` never competes with the page's own h1.
 */
export function renderMarkdown(markdown: string, options: { headingOffset?: number } = {}): string {
  const offset = options.headingOffset ?? 1;
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: false });
  const shifted =
    offset === 0
      ? html
      : html.replace(
          /<(\/?)h([1-6])>/g,
          (_, slash: string, level: string) => `<${slash}h${Math.min(6, Number(level) + offset)}>`,
        );
  return sanitizeHtml(shifted, ALLOWED);
}
