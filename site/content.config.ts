import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { contentRoot } from '#admin/config/paths.ts';
import { loadContent, type Content } from '#admin/content/load-content.ts';
import type { ContentEntry } from '#admin/content/read-files.ts';
import { AnchorPlaceSchema } from '#admin/schemas/anchor-place.ts';
import { AreaSchema } from '#admin/schemas/area.ts';
import { BoundarySchema } from '#admin/schemas/boundary.ts';
import { InfoPageSchema } from '#admin/schemas/info-page.ts';
import { MunicipalitySchema } from '#admin/schemas/municipality.ts';
import { NeighbourhoodSchema } from '#admin/schemas/neighbourhood.ts';
import { OrganisationSchema } from '#admin/schemas/organisation.ts';
import { AudienceSchema, LifeDomainSchema } from '#admin/schemas/taxonomy.ts';
import { VolunteeringSchema } from '#admin/schemas/volunteering.ts';

// The content is read and cross-checked once by admin's reader (the same code the CLI and the
// seed use); a file that does not fit stops the build with its path and field. The collection
// schemas are the same zod schemas, so pages get the exact types.
let content: Content | undefined;
const read = (): Content => (content ??= loadContent(contentRoot));

const entries = <T extends object>(items: ContentEntry<T>[]) =>
  items.map((item) => ({ ...item.data, id: item.id, body: item.body }));
const withBody = { body: z.string() };

export const collections = {
  gemeente: defineCollection({
    loader: async () => [{ id: 'gemeente', ...read().municipality }],
    schema: MunicipalitySchema,
  }),
  gebieden: defineCollection({ loader: async () => entries(read().areas), schema: AreaSchema }),
  wijken: defineCollection({
    loader: async () => entries(read().neighbourhoods),
    schema: NeighbourhoodSchema.extend(withBody),
  }),
  wijkgrenzen: defineCollection({
    loader: async () => entries(read().boundaries),
    schema: BoundarySchema.extend(withBody),
  }),
  ankerplaatsen: defineCollection({
    loader: async () => entries(read().anchorPlaces),
    schema: AnchorPlaceSchema,
  }),
  leefgebieden: defineCollection({
    loader: async () => read().taxonomy.lifeDomains,
    schema: LifeDomainSchema,
  }),
  doelgroepen: defineCollection({ loader: async () => read().taxonomy.audiences, schema: AudienceSchema }),
  synoniemen: defineCollection({
    loader: async () => read().taxonomy.synonyms.map((words, index) => ({ id: String(index), words })),
    schema: z.object({ words: z.array(z.string()) }),
  }),
  organisaties: defineCollection({
    loader: async () => entries(read().organisations),
    schema: OrganisationSchema,
  }),
  vrijwilligerswerk: defineCollection({
    loader: async () => [{ id: 'vrijwilligerswerk', ...read().volunteering }],
    schema: VolunteeringSchema,
  }),
  paginas: defineCollection({
    loader: async () => entries(read().pages),
    schema: InfoPageSchema.extend(withBody),
  }),
};
