import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { HSDS_SCHEMA_BASE, hsdsAjv, hsdsValidator } from '../support/hsds-schemas.ts';
import { checkDeep } from '../support/hsds-walk.ts';

// The public JSON API as a reuser meets it: one OpenAPI description that matches what every
// endpoint really answers, HSDS answers valid against the official schemas, CORS and caching.
test.describe.configure({ mode: 'serial', timeout: 300_000 });

interface Operation {
  responses: Record<string, { content?: { 'application/json'?: { schema: object } } }>;
}
type OpenApi = {
  openapi: string;
  paths: Record<string, { get: Operation }>;
  components: { schemas: Record<string, object> };
};

let openapi: OpenApi;
test.beforeAll(async ({ request }) => {
  openapi = (await (await request.get('/api/openapi.json')).json()) as OpenApi;
});

test('the description is valid OpenAPI 3.1 and names the official HSDS schemas', async () => {
  // External references are the official HSDS files; the tests hold them locally, so they are
  // not fetched here but checked below, by validating real answers against them.
  const copy = structuredClone(openapi) as unknown as Parameters<typeof SwaggerParser.validate>[0];
  await SwaggerParser.validate(copy, { resolve: { external: false } });
  expect(openapi.openapi).toBe('3.1.0');
  const refs = JSON.stringify(openapi).match(/"\$ref":"https:[^"]+"/g) ?? [];
  expect(refs.length).toBeGreaterThan(0);
  for (const found of refs) expect(found).toContain(HSDS_SCHEMA_BASE);
});

/** Every JSON endpoint in site/pages/api, as the path the description must list. */
function apiRoutes(): string[] {
  const root = join(process.cwd(), 'site', 'pages');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(join(root, 'api'))
    .filter((file) => file.endsWith('.ts'))
    .map((file) =>
      `/${relative(root, file)}`
        .replace(/\.ts$/, '')
        .replace(/\/index$/, '/')
        .replace(/\[(\w+)\]/g, '{$1}'),
    )
    .map((path) => (path.endsWith('/') && path !== '/api/hsds/' ? path.slice(0, -1) : path))
    .sort();
}

test('every public JSON endpoint is described', () => {
  expect(Object.keys(openapi.paths).sort()).toEqual(apiRoutes());
});

test('every described operation answers what the description says, for each status it names', async ({
  request,
}) => {
  const ajv = hsdsAjv();
  const validate = (path: string, status: number, body: unknown) => {
    const schema = openapi.paths[path]?.get.responses[String(status)]?.content?.['application/json']?.schema;
    expect(schema, `${path} documents status ${status}`).toBeDefined();
    const rewritten = JSON.parse(
      JSON.stringify({ ...schema, $defs: openapi.components.schemas }).replaceAll(
        '#/components/schemas/',
        '#/$defs/',
      ),
    ) as object;
    const check = ajv.compile(rewritten);
    expect(check(body), `${path} ${status}: ${ajv.errorsText(check.errors)}`).toBe(true);
  };
  const first = async (path: string): Promise<string> => {
    const body = (await (await request.get(path)).json()) as { contents: { id: string }[] };
    return body.contents[0]?.id ?? '';
  };
  const ids = {
    service: await first('/api/hsds/services?per_page=1'),
    organization: await first('/api/hsds/organizations?per_page=1'),
    sal: await first('/api/hsds/service_at_locations?per_page=1'),
    taxonomy: await first('/api/hsds/taxonomies?per_page=1'),
    term: await first('/api/hsds/taxonomy_terms?per_page=1'),
  };
  const unknown = crypto.randomUUID();
  const calls: [string, string, number][] = [
    ['/api/health', '/api/health', 200],
    ['/api/ready', '/api/ready', 200],
    ['/api/zoeken', '/api/zoeken?q=schulden&wijk=bolnes&per_pagina=5', 200],
    ['/api/zoeken', '/api/zoeken?bij=oost&sorteer=afstand&soort=onbekend', 200],
    ['/api/zoeken', '/api/zoeken?q=ik+wil+niet+meer+leven', 200],
    ['/api/openapi.json', '/api/openapi.json', 200],
    ['/api/hsds/', '/api/hsds/', 200],
    ['/api/hsds/services', `/api/hsds/services?search=hulp&per_page=5&page=2&taxonomy_id=${unknown}`, 200],
    ['/api/hsds/services', '/api/hsds/services?modified_after=2020-01-01&per_page=3', 200],
    ['/api/hsds/services', '/api/hsds/services?per_page=999', 400],
    ['/api/hsds/services/{id}', `/api/hsds/services/${ids.service}`, 200],
    ['/api/hsds/services/{id}', `/api/hsds/services/${unknown}`, 404],
    ['/api/hsds/organizations', '/api/hsds/organizations?per_page=5', 200],
    ['/api/hsds/organizations', '/api/hsds/organizations?taxonomy_term_id=geld', 400],
    ['/api/hsds/organizations/{id}', `/api/hsds/organizations/${ids.organization}`, 200],
    ['/api/hsds/organizations/{id}', '/api/hsds/organizations/geen-uuid', 404],
    ['/api/hsds/service_at_locations', '/api/hsds/service_at_locations?per_page=4', 200],
    ['/api/hsds/service_at_locations', '/api/hsds/service_at_locations?modified_after=gisteren', 400],
    ['/api/hsds/service_at_locations/{id}', `/api/hsds/service_at_locations/${ids.sal}`, 200],
    ['/api/hsds/service_at_locations/{id}', `/api/hsds/service_at_locations/${unknown}`, 404],
    ['/api/hsds/taxonomies', '/api/hsds/taxonomies', 200],
    ['/api/hsds/taxonomies', '/api/hsds/taxonomies?page=nul', 400],
    ['/api/hsds/taxonomies/{id}', `/api/hsds/taxonomies/${ids.taxonomy}`, 200],
    ['/api/hsds/taxonomies/{id}', `/api/hsds/taxonomies/${unknown}`, 404],
    ['/api/hsds/taxonomy_terms', `/api/hsds/taxonomy_terms?taxonomy_id=${ids.taxonomy}&top_only=true`, 200],
    ['/api/hsds/taxonomy_terms', '/api/hsds/taxonomy_terms?top_only=misschien', 400],
    ['/api/hsds/taxonomy_terms/{id}', `/api/hsds/taxonomy_terms/${ids.term}`, 200],
    ['/api/hsds/taxonomy_terms/{id}', `/api/hsds/taxonomy_terms/${unknown}`, 404],
  ];
  // The crisis block's object form is exercised too, not only its `null`.
  const crisis = (await (await request.get('/api/zoeken?q=ik+wil+niet+meer+leven')).json()) as {
    crisis: unknown;
  };
  expect(crisis.crisis).not.toBeNull();
  const exercised = new Set<string>();
  for (const [path, url, status] of calls) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(status);
    expect(response.headers()['content-type'], url).toContain('application/json');
    validate(path, status, await response.json());
    exercised.add(`${path} ${status}`);
  }
  // Every status the description names is exercised here, except a database or search engine
  // that is down (503), which the services-down suite covers for search.
  const described = Object.entries(openapi.paths).flatMap(([path, item]) =>
    Object.keys(item.get.responses)
      .filter((status) => status !== '503')
      .map((status) => `${path} ${status}`),
  );
  expect(described.filter((entry) => !exercised.has(entry))).toEqual([]);
});

async function everyPage(request: APIRequestContext, path: string): Promise<{ id: string }[]> {
  const items: { id: string }[] = [];
  for (let page = 1; ; page++) {
    const body = (await (
      await request.get(`${path}${path.includes('?') ? '&' : '?'}page=${page}`)
    ).json()) as {
      contents: { id: string }[];
      last_page: boolean;
      total_items: number;
    };
    items.push(...body.contents);
    if (body.last_page) {
      expect(items).toHaveLength(body.total_items);
      return items;
    }
  }
}

test('every HSDS answer of every kind validates against the official schemas', async ({ request }) => {
  const validator = hsdsValidator();
  const lists = [
    ['/api/hsds/services?per_page=40', 'service_list', '/api/hsds/services/', 'service'],
    ['/api/hsds/organizations?per_page=40', 'organization_list', '/api/hsds/organizations/', 'organization'],
    [
      '/api/hsds/service_at_locations?per_page=40',
      'service_at_location_list',
      '/api/hsds/service_at_locations/',
      'service_at_location',
    ],
    ['/api/hsds/taxonomies', 'taxonomy', '/api/hsds/taxonomies/', 'taxonomy'],
    ['/api/hsds/taxonomy_terms?per_page=100', 'taxonomy_term', '/api/hsds/taxonomy_terms/', 'taxonomy_term'],
  ] as const;
  for (const [listPath, itemKind, detailPath, detailKind] of lists) {
    const items = await everyPage(request, listPath);
    expect(items.length, listPath).toBeGreaterThan(0);
    for (const entry of items) {
      validator.check(itemKind, entry, `${listPath} ${entry.id}`);
      const detail = await request.get(`${detailPath}${entry.id}`);
      expect(detail.status()).toBe(200);
      checkDeep(validator, detailKind, await detail.json(), `${detailPath}${entry.id}`);
    }
  }
  console.info('HSDS answers validated over HTTP:', Object.fromEntries([...validator.counts].sort()));
});

test('the API may be used from any site and cached, with an ETag', async ({ request }) => {
  const response = await request.get('/api/hsds/taxonomies');
  const headers = response.headers();
  expect(headers['access-control-allow-origin']).toBe('*');
  expect(headers['cache-control']).toMatch(/^public, max-age=\d+$/);
  const etag = headers.etag ?? '';
  expect(etag).toMatch(/^(W\/)?"[\w+/=-]+"$/);
  const again = await request.get('/api/hsds/taxonomies', { headers: { 'If-None-Match': etag } });
  expect(again.status()).toBe(304);
  expect(await again.text()).toBe('');
  const preflight = await request.fetch('/api/hsds/services', {
    method: 'OPTIONS',
    headers: { Origin: 'https://elders.example', 'Access-Control-Request-Method': 'GET' },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()['access-control-allow-origin']).toBe('*');
  const refused = await request.get('/api/hsds/services?per_page=0');
  expect(refused.status()).toBe(400);
  expect(refused.headers()['cache-control']).toBe('no-store');
});
