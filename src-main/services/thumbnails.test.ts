import sharp, { type Sharp } from 'sharp';
import { describe, expect, it } from 'vitest';
import { makeThumbnail } from './thumbnails';

/** Width, height and format of an encoded image, and the RGB of one pixel of it. */
async function inspect(img: Buffer, x: number, y: number) {
  const meta = await sharp(img).metadata();
  const { data, info } = await sharp(img).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const i = (y * info.width + x) * info.channels;
  return {
    format: meta.format,
    width: meta.width,
    height: meta.height,
    rgb: [...data.subarray(i, i + 3)],
  };
}

/** An 800 x 400 picture: red left half, blue right half. */
function halves(): Sharp {
  const w = 800;
  const h = 400;
  const px = Buffer.alloc(w * h * 3);
  for (let i = 0; i < w * h; i++) {
    const left = i % w < w / 2;
    px.set(left ? [220, 20, 20] : [20, 20, 220], i * 3);
  }
  return sharp(px, { raw: { width: w, height: h, channels: 3 } });
}

describe('thumbnails', () => {
  it('shrinks a PNG to a 200 px JPEG on the long side, keeping its colours', async () => {
    const thumb = (await makeThumbnail(await halves().png().toBuffer(), 'image/png'))!;
    const left = await inspect(thumb, 20, 50);
    expect(left).toMatchObject({ format: 'jpeg', width: 200, height: 100 });
    expect(left.rgb[0]).toBeGreaterThan(180);
    expect((await inspect(thumb, 180, 50)).rgb[2]).toBeGreaterThan(180);
  });

  it('turns a phone photo upright by its EXIF orientation (6: rotate 90 degrees clockwise)', async () => {
    // stored 800 x 400 (red left, blue right) with Orientation 6, as a camera held upright writes it
    const photo = await halves().jpeg().withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(photo).metadata()).orientation).toBe(6);
    const thumb = (await makeThumbnail(photo, 'image/jpeg'))!;
    const top = await inspect(thumb, 50, 20);
    // upright it is 400 x 800, so the thumbnail is 100 x 200 (not 200 x 100) ...
    expect([top.width, top.height]).toEqual([100, 200]);
    // ... and rotated clockwise, the stored left half (red) is now the top half
    expect(top.rgb[0]).toBeGreaterThan(180);
    expect((await inspect(thumb, 50, 180)).rgb[2]).toBeGreaterThan(180);
  });

  it('never enlarges a small image', async () => {
    const small = await sharp({
      create: { width: 40, height: 30, channels: 3, background: '#0a0' },
    })
      .png()
      .toBuffer();
    const t = await inspect((await makeThumbnail(small, 'image/png'))!, 0, 0);
    expect([t.width, t.height]).toEqual([40, 30]);
  });

  it('gives no thumbnail for non-images or broken images (never rejects)', async () => {
    await expect(makeThumbnail(new Uint8Array([1, 2, 3]), 'application/pdf')).resolves.toBeNull();
    await expect(
      makeThumbnail(new Uint8Array([0xff, 0xd8, 0, 0, 0]), 'image/jpeg'),
    ).resolves.toBeNull();
    await expect(
      makeThumbnail(new Uint8Array([0x89, 0x50, 0x4e, 0x47]), 'image/png'),
    ).resolves.toBeNull();
  });
});
