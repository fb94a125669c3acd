import { onDataVersionChanged } from '#admin/app/app-data-version.ts';
import { env } from '#admin/config/env.ts';
import { instanceName } from '#admin/config/instance-name.ts';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent } from '#admin/content/load-content.ts';
import { appDatabase } from '#admin/db/app-database.ts';
import { startLeasedJob } from '#admin/leases/leased-job.ts';
import { log } from '#admin/logging/log.ts';
import { createSearchEngine } from './create-engine.ts';
import { createCrisisDetector } from './crisis/crisis-detector.ts';
import { createDocumentSource } from './document-source.ts';
import { createSearchService, localSyncLoop, type SearchService, type SyncLoop } from './search-service.ts';
import { searchSettings } from './search-settings.ts';

let service: SearchService | undefined;

/**
 * The repair loop of a shared index (Meilisearch): one instance at a time, under the
 * "search-sync" lease, taken over within LEASE_SECONDS when its holder dies.
 */
function leasedSyncLoop(): SyncLoop {
  const takeoverMs = env().LEASE_SECONDS * 1000;
  return (pass, intervalMs) =>
    startLeasedJob({
      db: appDatabase(),
      name: 'search-sync',
      holder: instanceName(),
      ttlMs: Math.floor(takeoverMs * 0.75),
      intervalMs,
      run: pass,
    });
}

/**
 * The server's search service, created on first use and started in the background. The
 * embedded engine lives in this process: it follows every change by data version and repairs
 * itself on its own timer. Meilisearch is one index for all instances: each writes its own
 * changes through, and the instance holding the lease follows and repairs for all.
 */
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
      dataVersionChanges: onDataVersionChanged,
      syncLoop: config.MEILI_URL ? leasedSyncLoop() : localSyncLoop,
    });
    // Start building the index now, so the first resident does not wait for it.
    service.ready().catch((error: unknown) => log.error('Search engine not available at start', error));
  }
  return service;
}

/** At shutdown: stops following and the repair loop (giving its lease back). */
export async function stopAppSearch(): Promise<void> {
  const running = service;
  service = undefined;
  await running?.stop();
}
