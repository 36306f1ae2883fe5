import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { makeThumbnail } from './thumbnails';

describe('thumbnails', () => {
  it('shrinks a photo to 200 px on the long side, keeping its colours', () => {
    const png = new PNG({ width: 800, height: 400 });
    for (let i = 0; i < png.data.length; i += 4) {
      const x = (i / 4) % 800;
      png.data[i] = x < 400 ? 220 : 20; // red left half, blue right half
      png.data[i + 1] = 20;
      png.data[i + 2] = x < 400 ? 20 : 220;
      png.data[i + 3] = 255;
    }
    const thumb = makeThumbnail(PNG.sync.write(png), 'image/png')!;
    const img = jpeg.decode(thumb, { useTArray: true });
    expect([img.width, img.height]).toEqual([200, 100]);
    const px = (x: number, y: number) =>
      Array.from(img.data.subarray((y * 200 + x) * 4, (y * 200 + x) * 4 + 3));
    expect(px(20, 50)[0]).toBeGreaterThan(180);
    expect(px(180, 50)[2]).toBeGreaterThan(180);
  });

  it('gives no thumbnail for non-images or broken images (never throws)', () => {
    expect(makeThumbnail(new Uint8Array([1, 2, 3]), 'application/pdf')).toBeNull();
    expect(makeThumbnail(new Uint8Array([0xff, 0xd8, 0, 0, 0]), 'image/jpeg')).toBeNull();
  });
});
