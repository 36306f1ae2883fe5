import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

const MAX_SIDE = 200;
/** Decoding is bounded: a photo bigger than this many pixels gets no thumbnail (no memory blow-up). */
const MAX_PIXELS = 50_000_000;

interface Rgba {
  width: number;
  height: number;
  data: Uint8Array;
}

function decode(bytes: Uint8Array, contentType: string): Rgba | null {
  if (contentType === 'image/jpeg' || (bytes[0] === 0xff && bytes[1] === 0xd8)) {
    return jpeg.decode(bytes, {
      useTArray: true,
      maxResolutionInMP: MAX_PIXELS / 1e6,
      maxMemoryUsageInMB: 1024,
    });
  }
  if (contentType === 'image/png' || (bytes[0] === 0x89 && bytes[1] === 0x50)) {
    const png = PNG.sync.read(Buffer.from(bytes));
    return { width: png.width, height: png.height, data: png.data };
  }
  return null;
}

/**
 * A small JPEG preview of a photo or PNG (box-filtered down to 200 px on the long side), made in
 * the main process with pure-JS codecs. Returns null for other files or anything undecodable.
 */
export function makeThumbnail(bytes: Uint8Array, contentType: string): Buffer | null {
  let img: Rgba | null;
  try {
    img = decode(bytes, contentType);
  } catch {
    return null;
  }
  if (!img || img.width * img.height > MAX_PIXELS || !img.width || !img.height) return null;
  const scale = Math.min(1, MAX_SIDE / Math.max(img.width, img.height));
  const w = Math.max(1, Math.round(img.width * scale));
  const h = Math.max(1, Math.round(img.height * scale));
  const out = Buffer.alloc(w * h * 4);
  for (let y = 0; y < h; y++) {
    const y0 = Math.floor(y / scale);
    const y1 = Math.min(img.height, Math.max(y0 + 1, Math.floor((y + 1) / scale)));
    for (let x = 0; x < w; x++) {
      const x0 = Math.floor(x / scale);
      const x1 = Math.min(img.width, Math.max(x0 + 1, Math.floor((x + 1) / scale)));
      let r = 0;
      let g = 0;
      let b = 0;
      let n = 0;
      // average a few samples of the source box (every other pixel keeps big photos fast)
      const step = Math.max(1, Math.floor((x1 - x0) / 4));
      for (let sy = y0; sy < y1; sy += step) {
        for (let sx = x0; sx < x1; sx += step) {
          const i = (sy * img.width + sx) * 4;
          r += img.data[i];
          g += img.data[i + 1];
          b += img.data[i + 2];
          n++;
        }
      }
      const o = (y * w + x) * 4;
      out[o] = r / n;
      out[o + 1] = g / n;
      out[o + 2] = b / n;
      out[o + 3] = 255;
    }
  }
  return Buffer.from(jpeg.encode({ width: w, height: h, data: out }, 80).data);
}
