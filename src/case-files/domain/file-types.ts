/**
 * What a file is, by its content: the first bytes every format begins with, not the name or the type
 * a browser guessed from the name (a program renamed to .jpg is still a program). Pure.
 */

/** What a case may hold: photos from a desk or a phone (JPEG, PNG, and HEIC/HEIF as iPhones save them) and PDF scans. */
export const ACCEPTED_MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/heic', 'image/heif', 'application/pdf'] as const;
export type AcceptedMediaType = (typeof ACCEPTED_MEDIA_TYPES)[number];

/** Formats recognised to say what a refused file is; anything else is "not recognised". */
export const REFUSED_KINDS = ['windows_program', 'linux_program', 'zip_or_office', 'gif', 'unknown'] as const;
export type RefusedKind = (typeof REFUSED_KINDS)[number];

export type Sniffed = { accepted: true; mediaType: AcceptedMediaType } | { accepted: false; kind: RefusedKind };

// ISO base media brands of HEIF images: HEVC-coded (heic…) and the general image brands (mif1, msf1)
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis']);
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'heif']);

export function sniffFileType(bytes: Uint8Array): Sniffed {
  const starts = (...signature: number[]) => signature.every((byte, i) => bytes[i] === byte);
  const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
  if (starts(0xff, 0xd8, 0xff)) return { accepted: true, mediaType: 'image/jpeg' };
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return { accepted: true, mediaType: 'image/png' };
  if (ascii(0, 5) === '%PDF-') return { accepted: true, mediaType: 'application/pdf' };
  if (bytes.length >= 12 && ascii(4, 8) === 'ftyp') {
    const brand = ascii(8, 12);
    if (HEIC_BRANDS.has(brand)) return { accepted: true, mediaType: 'image/heic' };
    if (HEIF_BRANDS.has(brand)) return { accepted: true, mediaType: 'image/heif' };
  }
  if (starts(0x4d, 0x5a)) return { accepted: false, kind: 'windows_program' };
  if (starts(0x7f, 0x45, 0x4c, 0x46)) return { accepted: false, kind: 'linux_program' };
  if (starts(0x50, 0x4b, 0x03, 0x04)) return { accepted: false, kind: 'zip_or_office' };
  if (ascii(0, 4) === 'GIF8') return { accepted: false, kind: 'gif' };
  return { accepted: false, kind: 'unknown' };
}

/** A file name as the user gave it, cut to what a name needs: no path, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  return base.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
}
