import { env } from '#admin/config/env.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { appDatabase } from '#admin/db/app-database.ts';
import { createSearchEngine } from './create-engine.ts';
import { createCrisisDetector } from './crisis/crisis-detector.ts';
import { createDocumentSource } from './document-source.ts';
import { createSearchService, type SearchService } from './search-service.ts';
import { searchSettings } from './search-settings.ts';
import { log } from '#admin/logging/log.ts';

let service: SearchService | undefined;

/** The server's search service, created on first use and started in the background. */
export function appSearch(): SearchService {
  if (!service) {
    const config = env();
    const content = loadContent(contentRoot);
    service = createSearchService({
      engine: createSearchEngine(config),
      source: createDocumentSource(appDatabase(), content),
      settings: searchSettings(content),
      crisis: createCrisisDetector(content.crisis, content.municipality.urgentHelp),
      syncIntervalMs: config.SEARCH_SYNC_INTERVAL_SECONDS * 1000,
    });
    // Start building the index now, so the first resident does not wait for it.
    service.ready().catch((error: unknown) => log.error('Search engine not available at start', error));
  }
  return service;
}
