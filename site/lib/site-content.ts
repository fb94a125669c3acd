import { getCollection, getEntry } from 'astro:content';
import type { MapBoundary } from './map-points.ts';

/** Typed access to the municipality's content collections, sorted the way pages show them. */

export async function getMunicipality() {
  const entry = await getEntry('gemeente', 'gemeente');
  if (!entry) throw new Error('content/gemeente.yaml ontbreekt.');
  return entry.data;
}

/** Volunteering: what volunteers can offer, the desk, the publisher (content/vrijwilligers.yaml). */
export async function getVolunteering() {
  const entry = await getEntry('vrijwilligerswerk', 'vrijwilligerswerk');
  if (!entry) throw new Error('content/vrijwilligers.yaml ontbreekt.');
  return entry.data;
}

export async function getAreas() {
  return (await getCollection('gebieden')).sort((a, b) => a.data.order - b.data.order);
}

export async function getNeighbourhoods() {
  return (await getCollection('wijken')).sort((a, b) => a.data.name.localeCompare(b.data.name, 'nl'));
}

export async function getNeighbourhood(id: string) {
  return getEntry('wijken', id);
}

export async function getArea(id: string) {
  return getEntry('gebieden', id);
}

export async function getAnchorPlaceOf(neighbourhood: string) {
  return (await getCollection('ankerplaatsen')).find((place) => place.data.neighbourhood === neighbourhood);
}

export async function getLifeDomains() {
  return (await getCollection('leefgebieden')).map((entry) => entry.data);
}

/** id → display name, for the taxonomy fields of listings. */
export async function getTaxonomyNames() {
  const [lifeDomains, audiences, neighbourhoods] = await Promise.all([
    getCollection('leefgebieden'),
    getCollection('doelgroepen'),
    getCollection('wijken'),
  ]);
  return {
    lifeDomains: new Map(lifeDomains.map((entry) => [entry.id, entry.data.name])),
    audiences: new Map(audiences.map((entry) => [entry.id, entry.data.name])),
    neighbourhoods: new Map(neighbourhoods.map((entry) => [entry.id, entry.data.name])),
  };
}
export type TaxonomyNames = Awaited<ReturnType<typeof getTaxonomyNames>>;

export async function getFooterPages() {
  return (await getCollection('paginas'))
    .filter((page) => page.data.footerOrder !== undefined)
    .sort((a, b) => (a.data.footerOrder ?? 0) - (b.data.footerOrder ?? 0));
}

/** Wijk outlines for maps, named; `highlight` marks the wijk a page is about. */
export async function getMapBoundaries(highlight?: string): Promise<MapBoundary[]> {
  const [boundaries, neighbourhoods] = await Promise.all([
    getCollection('wijkgrenzen'),
    getCollection('wijken'),
  ]);
  const names = new Map(neighbourhoods.map((wijk) => [wijk.id, wijk.data.name]));
  return boundaries.map((boundary) => ({
    id: boundary.id,
    name: names.get(boundary.id) ?? boundary.id,
    geometry: boundary.data.geometry,
    ...(boundary.id === highlight ? { highlight: true } : {}),
  }));
}
