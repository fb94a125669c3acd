import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentRoot } from '#admin/config/paths.ts';
import { ContentError } from '#admin/content/content-error.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { loadDemoListings } from '#admin/content/load-demo-listings.ts';

let root: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'wijkwijzer-content-'));
  cpSync(contentRoot, root, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function edit(file: string, change: (text: string) => string): void {
  const path = join(root, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
}

function errorOf(action: () => unknown): ContentError {
  try {
    action();
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError');
}

describe('content that does not fit its schema', () => {
  it('names the file and the field', () => {
    edit('wijken/bolnes.md', (text) => text.replace(/^area: .*$/m, 'area: 42'));
    const error = errorOf(() => loadContent(root));
    expect(error.message).toContain('wijken/bolnes.md');
    expect(error.message).toMatch(/area: /);
  });

  it('names an unknown reference', () => {
    edit('wijken/oost.md', (text) => text.replace(/^area: .*$/m, 'area: nergens'));
    expect(errorOf(() => loadContent(root)).message).toContain(
      'wijken/oost.md: area: onbekend gebied "nergens"',
    );
  });

  it('names a demo listing with an unknown leefgebied', () => {
    const content = loadContent(root);
    const [file] = loadDemoListings(root, content).map((listing) => `demo/aanbod/${listing.slug}.yaml`);
    if (!file) throw new Error('no demo listings');
    edit(file, (text) => stringify({ ...(parse(text) as object), lifeDomains: ['astrologie'] }));
    expect(errorOf(() => loadDemoListings(root, content)).message).toContain(
      `${file}: lifeDomains: onbekende waarde "astrologie"`,
    );
  });

  it('names a wijk boundary that is not closed', () => {
    edit('wijkgrenzen/oost.geojson', (text) => {
      const feature = JSON.parse(text) as { geometry: { coordinates: number[][][] } };
      const ring = feature.geometry.coordinates[0] ?? [];
      ring[ring.length - 1] = [4.6, 51.8];
      return JSON.stringify(feature);
    });
    expect(errorOf(() => loadContent(root)).message).toMatch(
      /wijkgrenzen\/oost\.geojson:.*geometry\.coordinates.*Het laatste punt van een grens moet gelijk zijn aan het eerste/s,
    );
  });

  it('names a boundary file for a wijk that does not exist', () => {
    cpSync(join(root, 'wijkgrenzen/west.geojson'), join(root, 'wijkgrenzen/noord.geojson'));
    expect(errorOf(() => loadContent(root)).message).toContain(
      'wijkgrenzen/noord.geojson: geen wijk met de naam "noord"',
    );
  });

  it('names a YAML syntax error', () => {
    edit('gemeente.yaml', (text) => `${text}\n  : : [`);
    expect(errorOf(() => loadContent(root)).message).toContain('gemeente.yaml');
  });
});
