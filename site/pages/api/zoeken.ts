import type { APIRoute } from 'astro';
import { appSearchLog } from '#admin/search-log/app-search-log.ts';
import { appSearch } from '#search/index.ts';
import { performSearch } from '#search/index.ts';
import { parseSearchParams, type CrisisHelp } from '#search/index.ts';
import { getSearchVocabulary } from '#site/lib/search-vocabulary.ts';
import { SEARCH_LOG_HEADER, encodeSearchLogHint } from '#admin/cache/cache-hints.ts';

const MAX_PER_PAGE = 50;

/** The crisis numbers as the API gives them; `null` when the search is an everyday one. */
const crisisJson = (help: CrisisHelp | undefined) =>
  help
    ? {
        situations: help.situations,
        heading: help.heading,
        message: help.message,
        numbers: help.numbers.map(({ name, phone, when, available }) => ({ name, phone, when, available })),
      }
    : null;

/** The same search as /zoeken, as JSON (parameters and response are documented in README). */
export const GET: APIRoute = async ({ url }) => {
  const perPage = Math.min(
    MAX_PER_PAGE,
    Math.max(1, Number.parseInt(url.searchParams.get('per_pagina') ?? '20', 10) || 20),
  );
  const state = parseSearchParams(url.searchParams, await getSearchVocabulary(), perPage);
  const outcome = await performSearch(appSearch(), appSearchLog(), state);
  if (outcome.status === 'unavailable') {
    return Response.json(
      {
        error: {
          code: 'search_unavailable',
          message: 'Zoeken lukt nu even niet. Probeer het over een paar minuten opnieuw.',
        },
        // Someone in danger gets the numbers even when search itself is down.
        crisis: crisisJson(outcome.crisis),
      },
      { status: 503, headers: { 'Retry-After': '60', 'Cache-Control': 'no-store' } },
    );
  }
  const { result } = outcome;
  return Response.json(
    {
      query: {
        text: state.query.text,
        filters: state.query.filters,
        sort: state.query.sort,
        page: state.query.page,
        perPage,
      },
      crisis: crisisJson(outcome.crisis),
      total: result.total,
      suggestion: result.suggestion ?? null,
      facets: result.facets,
      results: result.hits.map(({ document, distanceKm }) => ({
        type: document.type,
        url: document.url,
        title: document.title,
        summary: document.summary,
        kind: document.kind ?? null,
        cost: document.cost ?? null,
        access: document.access ?? null,
        neighbourhoods: document.neighbourhoods,
        lifeDomains: document.lifeDomains,
        location: document.location ?? null,
        distanceKm: distanceKm ?? null,
      })),
    },
    {
      headers: {
        // Answers change with every edit: clients ask again each time and get a 304 when nothing changed.
        'Cache-Control': 'no-cache',
        ...(outcome.logged ? { [SEARCH_LOG_HEADER]: encodeSearchLogHint(outcome.logged) } : {}),
      },
    },
  );
};
