import sharp from 'sharp';

const MAX_SIDE = 200;
/** Decoding is bounded: a photo bigger than this many pixels gets no thumbnail (no memory blow-up). */
const MAX_PIXELS = 50_000_000;

// Thumbnails are made once per file and written to disk: libvips' operation cache would only hold
// memory in a long-running main process.
sharp.cache(false);

function isJpeg(bytes: Uint8Array, contentType: string): boolean {
  return contentType === 'image/jpeg' || (bytes[0] === 0xff && bytes[1] === 0xd8);
}
function isPng(bytes: Uint8Array, contentType: string): boolean {
  return contentType === 'image/png' || (bytes[0] === 0x89 && bytes[1] === 0x50);
}

/**
 * A small JPEG preview of a photo or PNG: turned upright by its EXIF orientation (a phone photo
 * taken in portrait is stored landscape with Orientation 6), shrunk to 200 px on the long side,
 * transparency flattened onto white. sharp (libvips) decodes and resizes on the libuv thread pool,
 * so a 12 MP photo does not block the main process while it is done. Resolves to null for other
 * files or anything undecodable, never rejects.
 */
export async function makeThumbnail(
  bytes: Uint8Array,
  contentType: string,
): Promise<Buffer | null> {
  if (!isJpeg(bytes, contentType) && !isPng(bytes, contentType)) return null;
  try {
    return await sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error' })
      .rotate()
      .resize(MAX_SIDE, MAX_SIDE, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer();
  } catch {
    return null;
  }
}
