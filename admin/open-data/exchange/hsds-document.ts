import type { Kysely } from 'kysely';
import type { Database } from '../../db/tables.ts';
import {
  allHsdsOrganizations,
  allHsdsServices,
  allHsdsTaxonomies,
  allHsdsTaxonomyTerms,
  countPublishedServices,
  type HsdsSettings,
} from '../hsds-catalog.ts';
import type { HsdsOrganization, HsdsService, HsdsTaxonomy, HsdsTaxonomyTerm } from '../hsds-types.ts';

/**
 * An export of the whole sociale kaart in HSDS 3.1: every public organisation and every published
 * service fully nested (each validates against the official schema of its kind), and the
 * taxonomies with their terms. `npm run import` reads this shape back, as well as a plain list
 * of services or an HSDS `Page`.
 */
export interface HsdsDocument {
  hsds_version: '3.1';
  /** Who published it and when: a reuser knows where the data came from and how fresh it is. */
  publisher: { name: string; url: string };
  exported_at: string;
  organizations: HsdsOrganization[];
  services: HsdsService[];
  taxonomies: HsdsTaxonomy[];
  taxonomy_terms: HsdsTaxonomyTerm[];
}

export interface ExportProgress {
  (done: number, total: number): void;
}

export async function hsdsDocument(
  db: Kysely<Database>,
  settings: HsdsSettings,
  progress: ExportProgress = () => undefined,
  now = new Date(),
): Promise<HsdsDocument> {
  const organizations = await allHsdsOrganizations(db, settings);
  const total = (await countPublishedServices(db)) + organizations.length;
  let done = organizations.length;
  progress(done, total);
  const services: HsdsService[] = [];
  for await (const service of allHsdsServices(db, settings)) {
    services.push(service);
    done += 1;
    if (done % 25 === 0 || done === total) progress(done, total);
  }
  progress(total, total);
  return {
    hsds_version: '3.1',
    publisher: { name: settings.siteName, url: settings.baseUrl },
    exported_at: now.toISOString(),
    organizations,
    services,
    taxonomies: await allHsdsTaxonomies(db, settings),
    taxonomy_terms: await allHsdsTaxonomyTerms(db, settings),
  };
}
