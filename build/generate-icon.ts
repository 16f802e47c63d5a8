/**
 * Draws the app icon from one vector description: a teal rounded square with a white wallet
 * ("carteira"). Writes build/icon.png (512×512, what electron-builder turns into .ico and .icns)
 * and build/icons/NxN.png at every size the Linux desktops, the tray and the taskbar ask for,
 * each rendered at its own size (not scaled down from a bitmap) so small icons stay sharp.
 * Pure Node (zlib), no network, so the icons can be regenerated anywhere:
 * `npx tsx build/generate-icon.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

/** The drawing's coordinate space. */
const SIZE = 512;
/** Every size written to build/icons (electron-builder's Linux icon folder layout). */
export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024] as const;
type Rgb = readonly [number, number, number];

/** Signed distance from (x, y) to a rounded rectangle; negative inside. */
function roundedRect(x: number, y: number, left: number, top: number, right: number, bottom: number, radius: number): number {
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const qx = Math.abs(x - cx) - ((right - left) / 2 - radius);
  const qy = Math.abs(y - cy) - ((bottom - top) / 2 - radius);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - radius;
}

function circle(x: number, y: number, cx: number, cy: number, r: number): number {
  return Math.hypot(x - cx, y - cy) - r;
}

/** Anti-aliased coverage of a shape from its distance (one pixel of smoothing). */
let pixelSpan = 1; // how many drawing units one output pixel covers
const cover = (distance: number) => Math.min(1, Math.max(0, 0.5 - distance / pixelSpan));
const mix = (a: Rgb, b: Rgb, t: number): Rgb => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

const TOP: Rgb = [20, 184, 166];
const BOTTOM: Rgb = [15, 118, 110];
const WHITE: Rgb = [255, 255, 255];
const STRAP: Rgb = [204, 251, 241];

function pixel(x: number, y: number): [number, number, number, number] {
  const px = (x + 0.5) * pixelSpan;
  const py = (y + 0.5) * pixelSpan;
  const background = cover(roundedRect(px, py, 16, 16, 496, 496, 104));
  let color = mix(TOP, BOTTOM, py / SIZE);
  // Wallet body, its flap line, then the clasp with a button.
  color = mix(color, WHITE, cover(roundedRect(px, py, 104, 160, 408, 376, 36)));
  color = mix(color, BOTTOM, cover(roundedRect(px, py, 104, 196, 408, 212, 8)) * 0.35);
  color = mix(color, STRAP, cover(roundedRect(px, py, 296, 236, 432, 316, 28)));
  color = mix(color, BOTTOM, cover(circle(px, py, 340, 276, 14)));
  return [Math.round(color[0]), Math.round(color[1]), Math.round(color[2]), Math.round(background * 255)];
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA rows as a PNG (filter 0 on every row; deflate does the rest). */
export function encodePng(width: number, height: number, rgba: (x: number, y: number) => [number, number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 4 + 1);
    for (let x = 0; x < width; x++) raw.set(rgba(x, y), row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function render(size: number): Buffer {
  pixelSpan = SIZE / size;
  return encodePng(size, size, pixel);
}

const iconsDir = resolve(import.meta.dirname, 'icons');
mkdirSync(iconsDir, { recursive: true });
writeFileSync(resolve(import.meta.dirname, 'icon.png'), render(SIZE));
for (const size of ICON_SIZES) writeFileSync(resolve(iconsDir, `${size}x${size}.png`), render(size));
console.log(`Wrote build/icon.png and build/icons/{${ICON_SIZES.join(',')}}`);
