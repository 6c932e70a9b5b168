/**
 * The worker's photos, made small in his phone before they are sent: a phone's photo is several MB and
 * a building site's connection is slow, while a wage sheet or an IOU reads well at 1600 pixels.
 */

/** The API's bounds (its REPORT_LIMITS, answered with every receipt); the picker holds to them before sending. */
export const PHOTO_LIMITS = { count: 6, bytes: 5 * 1024 * 1024 } as const;
const LONGEST_SIDE = 1600;
const JPEG_QUALITY = 0.8;
/** The types the API takes, recognised by their bytes; any other is sent as bytes for the API to judge. */
const SENT_AS_IS = ['image/jpeg', 'image/png', 'image/heic', 'image/heif'];

/** The size to draw an image at so that its longest side is at most `longest`; never larger than it is. */
export function fitWithin(width: number, height: number, longest: number): { width: number; height: number } {
  const scale = Math.min(1, longest / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export interface PreparedPhoto {
  /** What is sent: the shrunk JPEG, or the file itself when the browser cannot draw it (HEIC in Chrome). */
  blob: Blob;
  /** The content type it is sent with. */
  type: string;
  /** Whether the browser could draw it, and so show it as a thumbnail. */
  drawable: boolean;
}

/** A picked photo, shrunk to a JPEG of at most 1600 pixels a side, or as it is when the browser cannot read it. */
export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  const asIs: PreparedPhoto = { blob: file, type: SENT_AS_IS.includes(file.type) ? file.type : 'application/octet-stream', drawable: false };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    return asIs;
  }
  try {
    const size = fitWithin(bitmap.width, bitmap.height, LONGEST_SIDE);
    const canvas = document.createElement('canvas');
    canvas.width = size.width;
    canvas.height = size.height;
    const context = canvas.getContext('2d');
    if (!context) return asIs;
    // a screenshot's transparent parts would turn black in a JPEG
    context.fillStyle = '#fff';
    context.fillRect(0, 0, size.width, size.height);
    context.drawImage(bitmap, 0, 0, size.width, size.height);
    const jpeg = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', JPEG_QUALITY));
    if (!jpeg) return { ...asIs, drawable: true };
    // a small picture already sent as JPEG or PNG can come out larger re-encoded: keep the smaller
    const keepOriginal = (file.type === 'image/jpeg' || file.type === 'image/png') && size.width === bitmap.width && file.size <= jpeg.size;
    return keepOriginal ? { blob: file, type: file.type, drawable: true } : { blob: jpeg, type: 'image/jpeg', drawable: true };
  } finally {
    bitmap.close();
  }
}
