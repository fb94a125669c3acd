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
    expect(html).toContain('<a href="https://a.example" class="utrecht-link">a</a>');
    expect(html).toContain('<a class="utrecht-link">klik</a>');
  });

  it('demotes headings so they never compete with the page h1', () => {
    expect(renderMarkdown('# Titel', { headingOffset: 1 })).toBe('<h2>Titel</h2>\n');
    expect(renderMarkdown('## Sub', { headingOffset: 0 })).toBe('<h2>Sub</h2>\n');
  });

  it('makes phone numbers and e-mail addresses in text callable links that break only at punctuation', () => {
    const html = renderMarkdown(
      'Bel **0180-451234** of mail info@ridderkerk.example. [Bel 112](tel:112) of 0800-2000.',
    );
    expect(html).toContain(
      '<strong><a class="utrecht-link" href="tel:+31180451234">0180-451234</a></strong>',
    );
    expect(html).toContain(
      '<a href="mailto:info@ridderkerk.example" class="utrecht-link ww-email"><span>info</span><wbr><span>@ridderkerk</span><wbr><span>.example</span></a>',
    );
    expect(html).toContain('<a href="tel:112" class="utrecht-link">Bel 112</a>');
    expect(html).toContain('href="tel:08002000">0800-2000</a>');
  });

  it('lets names joined by slashes wrap after a slash', () => {
    expect(renderMarkdown('Het **team Drievliet/Rijsoord**.')).toContain('Drievliet/<wbr>Rijsoord');
  });
});
