/**
 * Draws the Teams app icons with pngjs: a white shield on the charity's purple (color.png, 192x192)
 * and the shield's white outline on a transparent background (outline.png, 32x32).
 *
 *   node scripts/make-icons.ts        (writes teamsAppManifest/color.png and outline.png)
 *
 * The PNGs are committed; run this again only to change the design.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The parts of pngjs we use (it ships no type declarations). */
export interface PngImage {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, row by row. */
  data: Buffer;
}
interface PngModule {
  PNG: {
    new (options: { width: number; height: number }): PngImage;
    sync: {
      read(buffer: Buffer): PngImage;
      write(png: PngImage, options?: { colorType?: number }): Buffer;
    };
  };
}
const pngjs = createRequire(import.meta.url)('pngjs') as PngModule;

export function readPng(buffer: Buffer): PngImage {
  return pngjs.PNG.sync.read(buffer);
}

/** Encodes as 8-bit RGBA (colour type 6), so transparency survives. */
export function encodePng(image: PngImage): Buffer {
  const png = new pngjs.PNG({ width: image.width, height: image.height });
  image.data.copy(png.data);
  return pngjs.PNG.sync.write(png, { colorType: 6 });
}

export const ACCENT = '#5B2C83';
export const COLOR_SIZE = 192;
export const OUTLINE_SIZE = 32;

function hexToRgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

interface Shield {
  cx: number;
  top: number;
  halfWidth: number;
  height: number;
}

/** A shield: straight sides for the top half, then curving in to a point at the bottom. */
function insideShield(s: Shield, x: number, y: number): boolean {
  const v = (y - s.top) / s.height;
  if (v < 0 || v > 1) return false;
  const u = Math.abs(x - s.cx) / s.halfWidth;
  const w = v < 0.45 ? 1 : Math.cos(((v - 0.45) / 0.55) * (Math.PI / 2));
  return u <= w;
}

function inset(s: Shield, by: number): Shield {
  return { cx: s.cx, top: s.top + by, halfWidth: s.halfWidth - by, height: s.height - by * 2.2 };
}

/** 192x192: the accent colour edge to edge, a white shield with a purple inner shield and a white core. */
export function drawColorIcon(size = COLOR_SIZE): PngImage {
  const [ar, ag, ab] = hexToRgb(ACCENT);
  const outer: Shield = { cx: size / 2, top: size * 0.2, halfWidth: size * 0.28, height: size * 0.62 };
  const ring = inset(outer, size * 0.05);
  const core = inset(outer, size * 0.09);
  const data = Buffer.alloc(size * size * 4);
  const samples = 4; // 4x4 supersampling for smooth edges
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let white = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const px = x + (sx + 0.5) / samples;
          const py = y + (sy + 0.5) / samples;
          const inWhite =
            insideShield(outer, px, py) && (!insideShield(ring, px, py) || insideShield(core, px, py));
          if (inWhite) white++;
        }
      }
      const a = white / (samples * samples);
      const i = (y * size + x) * 4;
      data[i] = Math.round(ar + (255 - ar) * a);
      data[i + 1] = Math.round(ag + (255 - ag) * a);
      data[i + 2] = Math.round(ab + (255 - ab) * a);
      data[i + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}

/** 32x32: the shield's outline in pure white; every other pixel fully transparent. */
export function drawOutlineIcon(size = OUTLINE_SIZE): PngImage {
  const outer: Shield = { cx: size / 2, top: size * 0.08, halfWidth: size * 0.36, height: size * 0.84 };
  const inner = inset(outer, 2);
  const data = Buffer.alloc(size * size * 4); // all zero = transparent
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      if (insideShield(outer, px, py) && !insideShield(inner, px, py)) {
        data.fill(255, (y * size + x) * 4, (y * size + x) * 4 + 4);
      }
    }
  }
  return { width: size, height: size, data };
}

export function writeIcons(dir: URL = new URL('../teamsAppManifest/', import.meta.url)): string[] {
  const color = fileURLToPath(new URL('color.png', dir));
  const outline = fileURLToPath(new URL('outline.png', dir));
  writeFileSync(color, encodePng(drawColorIcon()));
  writeFileSync(outline, encodePng(drawOutlineIcon()));
  return [color, outline];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const file of writeIcons()) console.log(`wrote ${file}`);
}
