import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';

/** Around Ridderkerk, with room for the views the e2e suite opens. */
const AREA = { south: 51.82, north: 51.92, west: 4.53, east: 4.68 };
const ZOOMS = [11, 12, 13, 14, 15, 16, 17];

function crc32(bytes: Uint8Array): number {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 1×1 light-grey PNG: a real image the browser decodes, stretched to a tile by Leaflet. */
function plainTile(): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 0xe6]))),
    chunk('IEND', new Uint8Array()),
  ]);
}

export const tileX = (lng: number, zoom: number) => Math.floor(((lng + 180) / 360) * 2 ** zoom);
export const tileY = (lat: number, zoom: number) => {
  const radians = (lat * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(radians) + 1 / Math.cos(radians)) / Math.PI) / 2) * 2 ** zoom);
};

/**
 * Writes `{z}/{x}/{y}.png` tiles for the demo area into `directory` (once), which
 * tests/support/tile-upstream.ts serves as the tile service, so no test reaches the network.
 */
export function writeTestTiles(directory: string): void {
  if (existsSync(join(directory, 'klaar'))) return;
  const tile = plainTile();
  for (const zoom of ZOOMS) {
    for (let x = tileX(AREA.west, zoom); x <= tileX(AREA.east, zoom); x++) {
      mkdirSync(join(directory, String(zoom), String(x)), { recursive: true });
      for (let y = tileY(AREA.north, zoom); y <= tileY(AREA.south, zoom); y++)
        writeFileSync(join(directory, String(zoom), String(x), `${y}.png`), tile);
    }
  }
  writeFileSync(join(directory, 'klaar'), '');
}
