import zlib from 'node:zlib';

/**
 * A tiny PNG encoder for the tests (8-bit RGBA, no interlace): the signature and seal images are
 * drawn here from a pixel function, never committed as blobs.
 */

type Rgba = [number, number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(zlib.crc32(body), 8 + data.length);
  return out;
}

export const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** Encode `width`×`height` pixels; `colourType` 6 (RGBA) or 2 (RGB, no transparency: alpha dropped). */
export function encodePng(width: number, height: number, pixel: (x: number, y: number) => Rgba, colourType: 2 | 6 = 6): Buffer {
  const channels = colourType === 6 ? 4 : 3;
  const raw = Buffer.alloc((width * channels + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * channels + 1);
    for (let x = 0; x < width; x++) {
      const p = pixel(x, y);
      for (let c = 0; c < channels; c++) raw[row + 1 + x * channels + c] = p[c]!;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = colourType;
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const CLEAR: Rgba = [0, 0, 0, 0];

/** A blue handwritten-looking signature: a looping stroke over a transparent background. */
export function signaturePng(width = 400, height = 160): Buffer {
  const blue: Rgba = [20, 40, 170, 255];
  const pts: [number, number][] = [];
  for (let t = 0; t <= 1; t += 0.0005) {
    const x = width * (0.08 + 0.84 * t);
    const y = height * (0.55 - 0.28 * Math.sin(t * Math.PI * 5) * (1 - t * 0.5) - 0.12 * Math.cos(t * Math.PI * 13));
    pts.push([x, y]);
  }
  for (let t = 0; t <= 1; t += 0.001) pts.push([width * (0.2 + 0.7 * t), height * (0.82 - 0.06 * t)]);
  const grid = new Uint8Array(width * height);
  const r = Math.max(2, Math.round(height / 45));
  for (const [px, py] of pts) {
    for (let dy = -r; dy <= r; dy++) for (let dx = -r; dx <= r; dx++) {
      const x = Math.round(px + dx);
      const y = Math.round(py + dy);
      if (x >= 0 && y >= 0 && x < width && y < height && dx * dx + dy * dy <= r * r) grid[y * width + x] = 1;
    }
  }
  return encodePng(width, height, (x, y) => (grid[y * width + x] ? blue : CLEAR));
}

/** A red round seal: two rings and a five-pointed star, transparent around and inside. */
export function sealPng(size = 300): Buffer {
  const red: Rgba = [210, 20, 30, 235];
  const c = size / 2;
  const star = (x: number, y: number): boolean => {
    // Inside a five-pointed star of outer radius 0.22·size, by its polar outline.
    const dx = x - c;
    const dy = y - c;
    const a = Math.atan2(dy, dx) + Math.PI / 2;
    const k = ((a % ((2 * Math.PI) / 5)) + (2 * Math.PI) / 5) % ((2 * Math.PI) / 5);
    const outer = size * 0.22;
    const inner = outer * 0.382;
    const f = Math.abs(k - Math.PI / 5) / (Math.PI / 5);
    return Math.hypot(dx, dy) <= inner + (outer - inner) * f;
  };
  return encodePng(size, size, (x, y) => {
    const d = Math.hypot(x - c, y - c) / c;
    if ((d > 0.9 && d < 0.98) || (d > 0.62 && d < 0.66) || star(x, y)) return red;
    // Letters around the seal look like a ring of dashes at this size.
    const ang = Math.atan2(y - c, x - c);
    if (d > 0.7 && d < 0.84 && Math.floor(((ang + Math.PI) / (2 * Math.PI)) * 48) % 2 === 0) return red;
    return CLEAR;
  });
}
