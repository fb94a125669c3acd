import { z } from 'zod';
import { text } from './text.ts';

/** A GeoJSON position: `[longitude, latitude]` in WGS84 (GeoJSON's order, not Leaflet's). */
const PositionSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

/** A closed ring: at least four positions, the last equal to the first. */
const RingSchema = z
  .array(PositionSchema)
  .min(4, 'Een grens heeft minstens drie hoekpunten (en het eerste punt herhaald aan het eind).')
  .refine((ring) => ring[0]?.[0] === ring.at(-1)?.[0] && ring[0]?.[1] === ring.at(-1)?.[1], {
    message: 'Het laatste punt van een grens moet gelijk zijn aan het eerste.',
  });

/** Outer ring first, then holes. */
const PolygonCoordinatesSchema = z.array(RingSchema).min(1);

export const BoundaryGeometrySchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: PolygonCoordinatesSchema }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(PolygonCoordinatesSchema).min(1) }),
]);
export type BoundaryGeometry = z.infer<typeof BoundaryGeometrySchema>;

/**
 * The boundary of one wijk, as a GeoJSON Feature in `content/wijkgrenzen/<wijk>.geojson`
 * (export from any GIS tool). Optional per wijk: without it the map shows no outline and
 * "wat is mijn wijk" falls back to the nearest wijk centre.
 */
export const BoundarySchema = z.object({
  type: z.literal('Feature'),
  properties: z
    .object({
      /** Shown nowhere; helps the editor recognise the file. */
      name: text().optional(),
      /** e.g. where the outline comes from. */
      note: text().optional(),
    })
    .loose()
    .default({}),
  geometry: BoundaryGeometrySchema,
});
export type Boundary = z.infer<typeof BoundarySchema>;
