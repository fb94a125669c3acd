import type { GeoJsonObject } from 'geojson';

/** A point as the server listed it: the list item is the source, the marker a view of it. */
export interface ListedPoint {
  lat: number;
  lng: number;
  kind: string;
  title: string;
  href?: string;
  detail: string;
  /** Title and kind as a screen reader should hear them, from the list item's own text. */
  label: string;
}

export interface ListedBoundary {
  id: string;
  name: string;
  highlight?: boolean;
  geometry: GeoJsonObject;
}

export function readPoints(list: HTMLElement | null): ListedPoint[] {
  if (!list) return [];
  return [...list.querySelectorAll<HTMLElement>('[data-map-point]')].flatMap((item) => {
    const lat = Number(item.dataset.lat);
    const lng = Number(item.dataset.lng);
    const titleElement = item.querySelector<HTMLElement>('[data-map-title]');
    if (!Number.isFinite(lat) || !Number.isFinite(lng) || !titleElement) return [];
    const href =
      titleElement instanceof HTMLAnchorElement
        ? (titleElement.getAttribute('href') ?? undefined)
        : undefined;
    const kindText = item.querySelector('.ww-visually-hidden')?.textContent ?? '';
    return [
      {
        lat,
        lng,
        kind: item.dataset.kind ?? 'plek',
        title: titleElement.textContent?.trim() ?? '',
        ...(href ? { href } : {}),
        detail: item.querySelector('[data-map-detail]')?.textContent?.trim() ?? '',
        label: `${titleElement.textContent?.trim() ?? ''}${kindText}`,
      },
    ];
  });
}

export function readBoundaries(mapId: string): ListedBoundary[] {
  const element = document.querySelector(`script[data-map-boundaries="${mapId}"]`);
  if (!element?.textContent) return [];
  try {
    const parsed: unknown = JSON.parse(element.textContent);
    return Array.isArray(parsed) ? (parsed as ListedBoundary[]) : [];
  } catch {
    return []; // the outlines are decoration; the map works without them
  }
}
