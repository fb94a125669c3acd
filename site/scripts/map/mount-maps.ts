// The map island: Leaflet on top of a list the server already rendered. Everything on the map
// is read from that list, so the map can never show more (or other) than the text does, and
// without JavaScript the list is all there is.
import * as L from 'leaflet';
import { clusterWithSeeds } from './cluster.ts';
import { readBoundaries, readPoints, type ListedPoint } from './read-map-data.ts';

/**
 * Markers closer than this on screen become one numbered marker. Every marker is drawn centred
 * on its point and fits in a circle of 19 px radius, so two markers never overlap.
 */
const CLUSTER_RADIUS_PX = 40;
const MARKER_SIZE_PX = 24;
const CLUSTER_SIZE_PX = 36;
const MAX_ZOOM = 18;
/** Without a single tile after this long, or after this many failures, the map says so. */
const TILE_PATIENCE_MS = 8000;
const TILE_ERRORS_BEFORE_NOTICE = 4;

export function mountMaps(): void {
  for (const container of document.querySelectorAll<HTMLElement>('[data-map]')) {
    if (!container.dataset.ready) mountMap(container);
  }
}

function mountMap(container: HTMLElement): void {
  container.dataset.ready = 'true';
  const { list: listId = '', tiles = '', attribution = '' } = container.dataset;
  const points = readPoints(document.getElementById(listId));
  const boundaries = readBoundaries(container.id);
  const status = document.querySelector<HTMLElement>(`[data-map-status="${container.id}"]`);
  container.hidden = false;
  container.parentElement?.querySelector<HTMLElement>('[data-map-skip]')?.removeAttribute('hidden');
  container.parentElement?.querySelector<HTMLElement>('[data-map-legend]')?.removeAttribute('hidden');

  const map = L.map(container, {
    center: [Number(container.dataset.lat), Number(container.dataset.lng)],
    zoom: Number(container.dataset.zoom),
    maxZoom: MAX_ZOOM,
    zoomControl: false,
    // A page that scrolls should not get stuck in a map on a phone; zoom with buttons or keys.
    scrollWheelZoom: false,
  });
  L.control.zoom({ zoomInTitle: 'Inzoomen', zoomOutTitle: 'Uitzoomen' }).addTo(map);
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  // Only tiles the server serves: the municipality's area and zooms (admin/location/tile-proxy.ts).
  const area = JSON.parse(container.dataset.tileBounds ?? 'null') as {
    south: number;
    west: number;
    north: number;
    east: number;
  } | null;
  const layer = L.tileLayer(tiles, {
    attribution,
    minZoom: Number(container.dataset.minZoom ?? 0),
    maxZoom: Number(container.dataset.maxZoom ?? MAX_ZOOM),
    ...(area ? { bounds: L.latLngBounds([area.south, area.west], [area.north, area.east]) } : {}),
  });
  watchTiles(layer.addTo(map), container, status);

  // Wijk names sit under the markers, so a name never hides a place.
  map.createPane('wijknamen').style.zIndex = '450';
  const highlighted = boundaries.map((boundary) => {
    const outline = L.geoJSON(boundary.geometry, {
      interactive: false,
      style: boundary.highlight
        ? { className: 'ww-boundary ww-boundary--highlight', weight: 3, fillOpacity: 0.12 }
        : { className: 'ww-boundary', weight: 1.5, dashArray: '4 4', fillOpacity: 0.04 },
    }).addTo(map);
    outline.bindTooltip(boundary.name, {
      permanent: true,
      direction: 'center',
      className: `ww-boundary-label${boundary.highlight ? ' ww-boundary-label--highlight' : ''}`,
      pane: 'wijknamen',
      interactive: false,
    });
    // The names are for the eye; the list under the map says where each place is.
    outline.getTooltip()?.getElement()?.setAttribute('aria-hidden', 'true');
    return boundary.highlight ? outline.getBounds() : undefined;
  });

  const markers = L.layerGroup().addTo(map);
  // A cluster opened with the keyboard is replaced by new markers; focus follows its first place.
  let focusAfterZoom: ListedPoint | undefined;
  const render = () => {
    const placed = renderMarkers(map, markers, points, (first) => (focusAfterZoom = first));
    if (focusAfterZoom) placed.get(focusAfterZoom)?.getElement()?.focus();
    focusAfterZoom = undefined;
  };
  map.on('zoomend', render);
  fitView(
    map,
    points,
    highlighted.filter((bounds) => bounds !== undefined),
  );
  render();
}

/** Shows every point and the highlighted wijk; a single point gets a street-level view. */
function fitView(map: L.Map, points: ListedPoint[], highlighted: L.LatLngBounds[]): void {
  const bounds = L.latLngBounds(points.map((point) => [point.lat, point.lng] as L.LatLngTuple));
  for (const outline of highlighted) bounds.extend(outline);
  const only = points[0];
  // Without animation: markers are drawn once, at the final zoom, before anyone can focus them.
  if (points.length === 1 && highlighted.length === 0 && only)
    map.setView([only.lat, only.lng], 16, { animate: false });
  else if (bounds.isValid()) map.fitBounds(bounds, { padding: [24, 24], maxZoom: 16, animate: false });
}

/**
 * Markers for single points, numbered markers for groups that would overlap at this zoom.
 * Returns which marker now shows each point.
 */
function renderMarkers(
  map: L.Map,
  layer: L.LayerGroup,
  points: ListedPoint[],
  onKeyboardZoom: (first: ListedPoint) => void,
): Map<ListedPoint, L.Marker> {
  layer.clearLayers();
  const placed = new Map<ListedPoint, L.Marker>();
  const zoom = map.getZoom();
  const screen = points.map((point, index) => ({ ...map.project([point.lat, point.lng], zoom), index }));
  for (const group of clusterWithSeeds(screen, CLUSTER_RADIUS_PX)) {
    const members = group.members.flatMap((index) => points[index] ?? []);
    const first = members[0];
    const seed = points[group.seed];
    if (!first || !seed) continue;
    const marker =
      members.length === 1
        ? pointMarker(first)
        : clusterMarker(map, members, seed, () => onKeyboardZoom(first));
    layer.addLayer(marker);
    for (const member of members) placed.set(member, marker);
  }
  return placed;
}

function pointMarker(point: ListedPoint): L.Marker {
  const marker = L.marker([point.lat, point.lng], {
    icon: L.divIcon({
      className: `ww-marker ww-marker--${point.kind}`,
      iconSize: [MARKER_SIZE_PX, MARKER_SIZE_PX],
      iconAnchor: [MARKER_SIZE_PX / 2, MARKER_SIZE_PX / 2],
      popupAnchor: [0, -MARKER_SIZE_PX / 2],
      html: '',
    }),
    keyboard: true,
    riseOnHover: true,
  });
  marker.on('add', () => marker.getElement()?.setAttribute('aria-label', point.label));
  marker.bindPopup(() => popupContent([point]));
  focusPopupOnOpen(marker);
  onActivate(marker, () => marker.openPopup(), { enter: false });
  return marker;
}

function clusterMarker(
  map: L.Map,
  members: ListedPoint[],
  seed: ListedPoint,
  beforeKeyboardZoom: () => void,
): L.Marker {
  const bounds = L.latLngBounds(members.map((member) => [member.lat, member.lng] as L.LatLngTuple));
  const count = document.createElement('span');
  count.textContent = String(members.length);
  // At the seed, not the middle of the group: seeds are far enough apart for markers not to touch.
  const marker = L.marker([seed.lat, seed.lng], {
    icon: L.divIcon({
      className: 'ww-marker-cluster',
      iconSize: [CLUSTER_SIZE_PX, CLUSTER_SIZE_PX],
      html: count,
    }),
    keyboard: true,
  });
  const samePlace = bounds.getNorthEast().equals(bounds.getSouthWest());
  marker.on('add', () =>
    marker
      .getElement()
      ?.setAttribute(
        'aria-label',
        `${members.length} plekken${samePlace ? ' op hetzelfde adres: toon de lijst' : ': inzoomen'}`,
      ),
  );
  if (samePlace || map.getZoom() >= MAX_ZOOM) {
    marker.bindPopup(() => popupContent(members));
    focusPopupOnOpen(marker);
    onActivate(marker, () => marker.openPopup(), { enter: false });
  } else {
    const zoomIn = () => map.fitBounds(bounds, { padding: [48, 48] });
    marker.on('click', zoomIn);
    onActivate(
      marker,
      () => {
        beforeKeyboardZoom();
        zoomIn();
      },
      { enter: true },
    );
  }
  return marker;
}

/**
 * Markers have role="button", so Space works as well as Enter. Leaflet handles Enter only for
 * markers with a popup; `enter: true` adds it for the others.
 */
function onActivate(marker: L.Marker, action: () => void, options: { enter: boolean }): void {
  marker.on('add', () =>
    marker.getElement()?.addEventListener('keydown', (event) => {
      if (event.key === ' ' || (options.enter && event.key === 'Enter')) {
        event.preventDefault();
        action();
      }
    }),
  );
}

function popupContent(points: ListedPoint[]): HTMLElement {
  const list = document.createElement('ul');
  list.className = 'ww-map-popup';
  for (const point of points) {
    const item = document.createElement('li');
    const title = document.createElement(point.href ? 'a' : 'strong');
    title.textContent = point.title;
    if (title instanceof HTMLAnchorElement && point.href) {
      title.href = point.href;
      title.className = 'utrecht-link';
    }
    const detail = document.createElement('span');
    detail.textContent = point.detail;
    item.append(title, document.createElement('br'), detail);
    list.append(item);
  }
  return list;
}

/**
 * Keyboard users land in the popup they opened; Escape closes it and puts them back on the
 * marker. (Leaflet itself only handles Escape while the map container has focus.)
 */
function focusPopupOnOpen(marker: L.Marker): void {
  marker.on('popupopen', (event) => {
    const element = event.popup.getElement();
    if (!element) return;
    element.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', 'Sluiten');
    if (!element.dataset.escapeCloses) {
      element.dataset.escapeCloses = 'true';
      element.addEventListener('keydown', (keyEvent) => {
        if (keyEvent.key !== 'Escape') return;
        keyEvent.stopPropagation();
        marker.closePopup();
        marker.getElement()?.focus();
      });
    }
    element.querySelector<HTMLElement>('a[href]:not(.leaflet-popup-close-button)')?.focus();
  });
  marker.on('add', () =>
    marker.getElement()?.addEventListener('keydown', (keyEvent) => {
      if (keyEvent.key === 'Escape') marker.closePopup();
    }),
  );
}

/** Tiles are the only part that needs the network; when they fail, the list still has it all. */
function watchTiles(layer: L.TileLayer, container: HTMLElement, status: HTMLElement | null): void {
  let loaded = 0;
  let failed = 0;
  const giveUp = () => {
    if (loaded > 0 || container.classList.contains('ww-map--no-tiles')) return;
    container.classList.add('ww-map--no-tiles');
    if (status)
      status.textContent = 'De kaart is nu niet beschikbaar. Alle plekken staan in de lijst hieronder.';
  };
  layer.on('tileload', () => {
    loaded++;
    if (container.classList.contains('ww-map--no-tiles')) {
      container.classList.remove('ww-map--no-tiles');
      if (status) status.textContent = '';
    }
  });
  layer.on('tileerror', () => {
    failed++;
    if (failed >= TILE_ERRORS_BEFORE_NOTICE) giveUp();
  });
  window.setTimeout(giveUp, TILE_PATIENCE_MS);
}
