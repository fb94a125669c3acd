import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { PHONE_IN_TEXT, emailParts, phoneHref } from './format.ts';

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
  allowedAttributes: { a: ['href', 'class'] },
  allowedClasses: { a: ['utrecht-link'] },
  // Every link looks like every other link on the site: the NL Design System link.
  transformTags: { a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, class: 'utrecht-link' } }) },
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
  return linkContactDetails(sanitizeHtml(shifted, ALLOWED));
}

const EMAIL_IN_TEXT = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/**
 * Phone numbers and e-mail addresses in running text become links that a phone can call or mail,
 * and stay whole on a narrow screen. Only text outside links is touched.
 */
function linkContactDetails(html: string): string {
  let link: string | undefined;
  const emailHtml = (email: string) =>
    emailParts(email)
      .map((piece) => `<span>${escapeHtml(piece)}</span>`)
      .join('<wbr>');
  return html
    .split(/(<[^>]+>)/)
    .map((part) => {
      if (part.startsWith('<')) {
        if (/^<a\b/i.test(part)) {
          link = part;
          // An address linked already (GFM links bare addresses) gets the same line breaks.
          return /href="mailto:/.test(part)
            ? part.replace('class="utrecht-link"', 'class="utrecht-link ww-email"')
            : part;
        }
        if (/^<\/a>/i.test(part)) link = undefined;
        return part;
      }
      if (link) return /href="mailto:/.test(link) ? part.replace(EMAIL_IN_TEXT, emailHtml) : part;
      return (
        part
          // `Drievliet/Rijsoord/Oostendam` may wrap after a slash rather than inside a name.
          .replace(/(?<=\p{L})\/(?=\p{L})/gu, '/<wbr>')
          .replace(
            PHONE_IN_TEXT,
            (phone) => `<a class="utrecht-link" href="${phoneHref(phone)}">${phone}</a>`,
          )
          .replace(
            EMAIL_IN_TEXT,
            (email) =>
              `<a class="utrecht-link ww-email" href="mailto:${escapeHtml(email)}">${emailHtml(email)}</a>`,
          )
      );
    })
    .join('');
}
