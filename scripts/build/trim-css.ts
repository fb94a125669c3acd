// After `astro build`: the NL Design System component CSS carries every variant of every
// component (a dozen button kinds, sizes, states); the site uses a few. This drops each style
// rule whose selector names a `utrecht-…` or `ww-…` class that no page, component or script
// of site/ contains, and renames the file after its new content so `immutable` stays true.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { transform } from 'lightningcss';

const OWN_CLASS = /^(?:utrecht|ww)-/;

function* files(dir: string, extensions: readonly string[]): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path, extensions);
    else if (extensions.includes(extname(entry.name))) yield path;
  }
}

/**
 * Class names the site can put on an element: every `utrecht-…`/`ww-…` word in its source, and
 * prefixes of names built at run time (`ww-marker--${kind}` keeps every `ww-marker--…`).
 */
export function usedClasses(sourceDirs: readonly string[]): { names: Set<string>; prefixes: string[] } {
  const names = new Set<string>();
  const prefixes = new Set<string>();
  for (const dir of sourceDirs) {
    for (const path of files(dir, ['.astro', '.ts', '.md'])) {
      const source = readFileSync(path, 'utf8');
      for (const match of source.matchAll(/(?:utrecht|ww)-[a-z0-9_-]*[a-z0-9]/g)) names.add(match[0]);
      // `utrecht-button--${primary ? 'primary' : 'secondary'}-action`: the names it can make;
      // `ww-marker--${point.kind}`: anything after the prefix.
      for (const match of source.matchAll(/((?:utrecht|ww)-[a-z0-9_-]*)\$\{([^}]*)\}([a-z0-9_-]*)/g)) {
        const [, prefix = '', expression = '', suffix = ''] = match;
        const literals = [...expression.matchAll(/'([a-z0-9_-]*)'/g)].map((literal) => literal[1] ?? '');
        if (literals.length > 0) for (const literal of literals) names.add(prefix + literal + suffix);
        else prefixes.add(prefix);
      }
    }
  }
  return { names, prefixes: [...prefixes] };
}

/** Index just past the block that opens at `open` (a `{`), skipping strings. */
function blockEnd(css: string, open: number): number {
  let depth = 0;
  for (let index = open; index < css.length; index++) {
    const char = css[index];
    if (char === '"' || char === "'") index = css.indexOf(char, index + 1);
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return index + 1;
  }
  return css.length;
}

/** Splits a selector list at its top-level commas (not those inside `:is(…)` or `[…]`). */
function selectorList(prelude: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < prelude.length; index++) {
    const char = prelude[index];
    if (char === '(' || char === '[') depth++;
    else if (char === ')' || char === ']') depth--;
    else if (char === ',' && depth === 0) {
      parts.push(prelude.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(prelude.slice(start));
  return parts;
}

/** Index of the `)` that closes the `(` at `open`. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let index = open; index < text.length; index++) {
    if (text[index] === '(') depth++;
    else if (text[index] === ')' && --depth === 0) return index;
  }
  return text.length;
}

/**
 * The selector with the alternatives of `:is()`/`:where()` that can never match removed
 * (`:is(:hover, .utrecht-button--hover)` keeps `:hover`), or undefined when nothing can match.
 * A class inside `:not()` never makes a selector dead: not having it is always true.
 */
function liveSelector(selector: string, isUsed: (name: string) => boolean): string | undefined {
  let out = '';
  let index = 0;
  for (;;) {
    const match = /:(is|where|not)\(/.exec(selector.slice(index));
    if (!match) break;
    const start = index + match.index;
    const open = start + match[0].length - 1;
    const close = closingParen(selector, open);
    out += selector.slice(index, start);
    const inner = selector.slice(open + 1, close);
    if (match[1] === 'not') out += selector.slice(start, close + 1);
    else {
      const alive = selectorList(inner).flatMap((alternative) => liveSelector(alternative, isUsed) ?? []);
      if (alive.length === 0) return undefined;
      out += `:${match[1]}(${alive.join(',')})`;
    }
    index = close + 1;
  }
  out += selector.slice(index);
  const outsideNot = out.replace(/:not\([^)]*\)/g, '');
  const alive = [...outsideNot.matchAll(/\.((?:utrecht|ww)-[\w-]+)/g)].every((found) =>
    isUsed(found[1] ?? ''),
  );
  return alive ? out : undefined;
}

/** Rules of `css` (a list of rules) whose selectors the site can match; at-rule groups recursed into. */
function keepUsed(css: string, isUsed: (name: string) => boolean): string {
  let out = '';
  let index = 0;
  while (index < css.length) {
    const open = css.indexOf('{', index);
    const semicolon = css.indexOf(';', index);
    if (open < 0) break;
    if (semicolon >= 0 && semicolon < open) {
      out += css.slice(index, semicolon + 1); // @charset, @import
      index = semicolon + 1;
      continue;
    }
    const end = blockEnd(css, open);
    const prelude = css.slice(index, open).trim();
    const body = css.slice(open + 1, end - 1);
    if (/^@(media|supports|layer|container)\b/.test(prelude)) {
      const inner = keepUsed(body, isUsed);
      if (inner.trim()) out += `${prelude}{${inner}}`;
    } else if (prelude.startsWith('@')) {
      out += `${prelude}{${body}}`;
    } else {
      const selectors = selectorList(prelude).flatMap((selector) => liveSelector(selector, isUsed) ?? []);
      if (selectors.length > 0) out += `${selectors.join(',')}{${body}}`;
    }
    index = end;
  }
  return out;
}

/** The stylesheet without the rules for classes the site never uses; minified. */
export function trimStylesheet(css: string, used: { names: Set<string>; prefixes: string[] }): string {
  const isUsed = (name: string) =>
    !OWN_CLASS.test(name) || used.names.has(name) || used.prefixes.some((prefix) => name.startsWith(prefix));
  const minified = transform({ filename: 'site.css', code: Buffer.from(css), minify: true }).code.toString();
  const trimmed = keepUsed(minified, isUsed);
  return transform({ filename: 'site.css', code: Buffer.from(trimmed), minify: true }).code.toString();
}

/**
 * Trims every stylesheet in dist/client/_astro and gives it a name after its new content,
 * rewriting the references in the server bundle (which renders the <link> elements).
 */
export function trimBuiltCss(dist: string, sourceDirs: readonly string[]): { before: number; after: number } {
  const used = usedClasses(sourceDirs);
  const assets = join(dist, 'client', '_astro');
  const renames = new Map<string, string>();
  let before = 0;
  let after = 0;
  for (const path of files(assets, ['.css'])) {
    const css = readFileSync(path, 'utf8');
    const trimmed = trimStylesheet(css, used);
    before += css.length;
    after += trimmed.length;
    const name = basename(path);
    const hash = createHash('sha256').update(trimmed).digest('base64url').replace(/[-_]/g, '').slice(0, 8);
    const renamed = name.replace(/\.[\w-]+\.css$/, `.${hash}.css`);
    writeFileSync(path, trimmed);
    if (renamed !== name) {
      renameSync(path, join(assets, renamed));
      renames.set(name, renamed);
    }
  }
  for (const path of [
    ...files(join(dist, 'server'), ['.mjs']),
    ...files(join(dist, 'client'), ['.js', '.html']),
  ]) {
    const source = readFileSync(path, 'utf8');
    let next = source;
    for (const [from, to] of renames) next = next.replaceAll(from, to);
    if (next !== source) writeFileSync(path, next);
  }
  return { before, after };
}
