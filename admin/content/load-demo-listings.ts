import { join } from 'node:path';
import { ListingInputSchema, type ListingData } from '../schemas/listing.ts';
import { ContentError } from './content-error.ts';
import { CONTENT_PATHS, type Content } from './load-content.ts';
import { readCollection } from './read-files.ts';

/** Reads the demo aanbod and checks every reference against the content. */
export function loadDemoListings(root: string, content: Content): ListingData[] {
  const entries = readCollection(join(root, CONTENT_PATHS.demoListings), ListingInputSchema, root);
  const known = {
    organisation: new Set(content.organisations.map((organisation) => organisation.data.slug)),
    neighbourhoods: new Set(content.neighbourhoods.map((wijk) => wijk.id)),
    lifeDomains: new Set(content.taxonomy.lifeDomains.map((domain) => domain.id)),
    audiences: new Set(content.taxonomy.audiences.map((audience) => audience.id)),
  };
  const problems: string[] = [];
  const slugs = new Set<string>();
  for (const { file, id, data } of entries) {
    if (data.slug !== id) problems.push(`${file}: slug: moet gelijk zijn aan de bestandsnaam "${id}".`);
    if (slugs.has(data.slug)) problems.push(`${file}: slug: "${data.slug}" komt vaker voor.`);
    slugs.add(data.slug);
    if (!known.organisation.has(data.organisation)) {
      problems.push(`${file}: organisation: onbekende organisatie "${data.organisation}".`);
    }
    for (const field of ['neighbourhoods', 'lifeDomains', 'audiences'] as const) {
      for (const value of data[field]) {
        if (!known[field].has(value)) problems.push(`${file}: ${field}: onbekende waarde "${value}".`);
      }
    }
  }
  if (problems.length > 0) throw new ContentError(CONTENT_PATHS.demoListings, problems);
  return entries.map(({ data }) => ({ ...data, isDemo: true }));
}
