import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF that Chromium printed (Skia), read well enough to check what a printed page says:
 * Skia writes each font's glyphs as hexadecimal codes with a ToUnicode map beside the font, so the
 * text is the codes of each show-text operation mapped through the map of the font in use. Not a
 * general PDF reader (no object streams, no encodings besides ToUnicode); no dependency for one test.
 * The text comes in NFKC form: compare it with `.normalize('NFKC')` of what is expected.
 */
export function pdfText(pdf: Buffer): { pages: number; mediaBox: number[]; text: string } {
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  const raw = pdf.toString('latin1');
  for (const match of raw.matchAll(/(\d+) 0 obj\s*([\s\S]*?)endobj/g)) {
    const body = match[2];
    const start = body.indexOf('stream');
    if (start < 0) {
      objects.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, start);
    const length = Number(/\/Length (\d+)/.exec(dict)?.[1] ?? 0);
    const offset = match.index + match[0].indexOf(body) + start + 'stream'.length + (body[start + 6] === '\r' ? 2 : 1);
    const bytes = pdf.subarray(offset, offset + length);
    objects.set(Number(match[1]), { dict, stream: dict.includes('/FlateDecode') ? inflateSync(bytes) : bytes });
  }
  const referenced = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);

  // each font's name in the page resources → its code-to-text map
  const maps = new Map<string, { bytes: number; chars: Map<number, string> }>();
  for (const { dict } of objects.values()) {
    const fonts = /\/Font\s*<<([^>]*)>>/.exec(dict)?.[1];
    for (const [, name, id] of fonts?.matchAll(/\/(\S+?) (\d+) 0 R/g) ?? []) {
      const font = objects.get(Number(id));
      const descendant = font && /\/DescendantFonts \[(\d+) 0 R\]/.exec(font.dict);
      const cmap = font && objects.get(referenced(font.dict, 'ToUnicode'))?.stream?.toString('latin1');
      if (cmap) maps.set(name, toUnicodeMap(cmap, descendant ? 2 : 1));
    }
  }

  const pages = [...objects.values()].filter(({ dict }) => /\/Type \/Page\b(?!s)/.test(dict));
  const mediaBox = (/\/MediaBox \[([^\]]+)\]/.exec(pages[0]?.dict ?? '')?.[1] ?? '').trim().split(/\s+/).map(Number);
  let text = '';
  for (const page of pages) {
    const contents = objects.get(referenced(page.dict, 'Contents'))?.stream?.toString('latin1') ?? '';
    let font: { bytes: number; chars: Map<number, string> } | undefined;
    for (const [, name, shown] of contents.matchAll(/\/(\S+) [\d.]+ Tf|(\[[^\]]*\]\s*TJ|<[0-9A-Fa-f]*>\s*Tj)/g)) {
      if (name) font = maps.get(name);
      else if (font) for (const [, hex] of shown.matchAll(/<([0-9A-Fa-f]*)>/g)) text += decode(hex, font);
    }
    text += '\n';
  }
  // some fonts map CJK characters to their Kangxi-radical look-alikes (⼯ for 工): compare in NFKC form
  return { pages: pages.length, mediaBox, text: text.normalize('NFKC') };
}

function decode(hex: string, font: { bytes: number; chars: Map<number, string> }): string {
  let out = '';
  for (let i = 0; i < hex.length; i += font.bytes * 2) out += font.chars.get(parseInt(hex.slice(i, i + font.bytes * 2), 16)) ?? '';
  return out;
}

/** A ToUnicode CMap's bfchar and bfrange entries. */
function toUnicodeMap(cmap: string, bytes: number) {
  const chars = new Map<number, string>();
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));
  for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, unicode] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) chars.set(parseInt(code, 16), utf16(unicode));
  }
  for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, unicode] of block.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const first = parseInt(unicode, 16);
      for (let code = parseInt(from, 16); code <= parseInt(to, 16); code++) chars.set(code, String.fromCodePoint(first + code - parseInt(from, 16)));
    }
  }
  return { bytes, chars };
}
