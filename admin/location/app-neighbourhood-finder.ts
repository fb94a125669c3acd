import { env } from '../config/env.ts';
import { contentRoot } from '../config/paths.ts';
import { loadContent } from '../content/load-content.ts';
import { createNeighbourhoodFinder, type NeighbourhoodFinder } from './find-neighbourhood.ts';
import { createLocatieserver } from './locatieserver.ts';

let finder: NeighbourhoodFinder | undefined;

/** The server's "wat is mijn wijk?" service: content's wijken and boundaries, the configured Locatieserver. */
export function appNeighbourhoodFinder(): NeighbourhoodFinder {
  if (!finder) {
    const content = loadContent(contentRoot);
    const boundaries = new Map(content.boundaries.map((boundary) => [boundary.id, boundary.data]));
    const locatieserver = createLocatieserver({ baseUrl: env().LOCATIESERVER_URL });
    finder = createNeighbourhoodFinder({
      municipality: content.municipality.name,
      neighbourhoods: content.neighbourhoods.map((wijk) => {
        const boundary = boundaries.get(wijk.id);
        return { id: wijk.id, center: wijk.data.center, ...(boundary ? { boundary } : {}) };
      }),
      lookupAddress: (query) => locatieserver.lookup(query),
    });
  }
  return finder;
}
