import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import { ContentError } from './content-error.ts';

/** A parsed content file: its id (file name without extension) and validated data. */
export interface ContentEntry<T> {
  id: string;
  file: string;
  data: T;
  /** Markdown body, for `.md` files. */
  body: string;
}

const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

function parseFile(path: string, root: string): { raw: unknown; body: string } {
  try {
    const text = readFileSync(path, 'utf8');
    if (extname(path) === '.md') {
      const match = FRONTMATTER.exec(text);
      if (!match) throw new Error('Markdown-bestand zonder frontmatter (--- ... ---).');
      return { raw: parseYaml(match[1] ?? ''), body: text.slice(match[0].length).trim() };
    }
    return { raw: parseYaml(text), body: '' };
  } catch (error) {
    throw new ContentError(
      relative(root, path),
      [`kan het bestand niet lezen: ${(error as Error).message}`],
      {
        cause: error,
      },
    );
  }
}

/** Reads one YAML or Markdown file and validates it against `schema`. */
export function readEntry<S extends z.ZodType>(
  path: string,
  schema: S,
  root: string,
): ContentEntry<z.output<S>> {
  const { raw, body } = parseFile(path, root);
  const result = schema.safeParse(raw);
  const file = relative(root, path);
  if (!result.success) throw ContentError.fromZod(file, result.error);
  return { id: basename(path, extname(path)), file, data: result.data, body };
}

/** Reads every `.yaml`/`.md`/`.geojson` file of a folder, sorted by name, collecting all errors before failing. */
export function readCollection<S extends z.ZodType>(
  dir: string,
  schema: S,
  root: string,
): ContentEntry<z.output<S>>[] {
  const files = readdirSync(dir)
    .filter((name) => /\.(ya?ml|md|geojson)$/.test(name))
    .sort();
  const entries: ContentEntry<z.output<S>>[] = [];
  const errors: ContentError[] = [];
  for (const name of files) {
    try {
      entries.push(readEntry(join(dir, name), schema, root));
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      errors.push(error);
    }
  }
  if (errors.length > 0) {
    throw new ContentError(
      relative(root, dir),
      errors.map((error) => error.message),
    );
  }
  return entries;
}
