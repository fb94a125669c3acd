import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '#site/lib/render-markdown.ts';

describe('renderMarkdown', () => {
  it('renders lists and emphasis', () => {
    expect(renderMarkdown('- **een**\n- twee')).toBe(
      '<ul>\n<li><strong>een</strong></li>\n<li>twee</li>\n</ul>\n',
    );
  });

  it('removes scripts, event handlers and javascript: links', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script><img src=x onerror=alert(1)>\n\n[klik](javascript:alert(1)) <a href="https://a.example" onclick="x()">a</a>',
    );
    expect(html).not.toMatch(/<script|onerror|onclick|href="javascript:|<img/i);
    expect(html).toContain('<a href="https://a.example">a</a>');
    expect(html).toContain('<a>klik</a>');
  });

  it('demotes headings so they never compete with the page h1', () => {
    expect(renderMarkdown('# Titel', { headingOffset: 1 })).toBe('<h2>Titel</h2>\n');
    expect(renderMarkdown('## Sub', { headingOffset: 0 })).toBe('<h2>Sub</h2>\n');
  });
});
