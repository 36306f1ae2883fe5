// Writes build/icon.png (512x512 RGBA) with zlib only: a rounded navy square with a white sign
// panel on a pole. Run: node build/make-icon.mjs. Replace with the designer's icon when it exists.
import { Buffer } from 'node:buffer';
import { writeFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';
import { deflateSync } from 'node:zlib';

const S = 512;
const px = Buffer.alloc(S * S * 4);
const put = (x, y, [r, g, b, a]) => px.set([r, g, b, a], (y * S + x) * 4);
const inRounded = (x, y, x0, y0, x1, y1, rad) => {
  const cx = Math.min(Math.max(x, x0 + rad), x1 - rad);
  const cy = Math.min(Math.max(y, y0 + rad), y1 - rad);
  return (x - cx) ** 2 + (y - cy) ** 2 <= rad * rad && x >= x0 && x <= x1 && y >= y0 && y <= y1;
};
for (let y = 0; y < S; y++) {
  for (let x = 0; x < S; x++) {
    let c = [0, 0, 0, 0];
    if (inRounded(x, y, 16, 16, 495, 495, 96)) c = [24, 48, 96, 255];
    if (x >= 244 && x <= 268 && y >= 250 && y <= 440) c = [200, 205, 215, 255]; // pole
    if (inRounded(x, y, 96, 96, 416, 260, 20)) c = [255, 255, 255, 255]; // sign panel
    if (x >= 136 && x <= 376 && ((y >= 150 && y <= 166) || (y >= 190 && y <= 206)))
      c = [24, 48, 96, 255];
    put(x, y, c);
  }
}
const raw = Buffer.alloc(S * (S * 4 + 1));
for (let y = 0; y < S; y++) px.copy(raw, y * (S * 4 + 1) + 1, y * S * 4, (y + 1) * S * 4);

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(S, 0);
ihdr.writeUInt32BE(S, 4);
ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('./icon.png', import.meta.url), png);
process.stdout.write(`build/icon.png ${png.length} bytes\n`);
