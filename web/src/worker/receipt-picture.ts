/**
 * The receipt as a picture the worker keeps in his phone's photos: the lookup code is shown only once,
 * and a photo is what people on a building site know how to keep and show. Drawn on a canvas here, so
 * nothing leaves the phone to make it.
 */
export interface ReceiptPictureText {
  /** The pages' font stack (Chinese system fonts first): a canvas has no CSS to inherit it from. */
  fontFamily: string;
  title: string;
  /** Label and value, each pair a block: the numbers are drawn large. */
  numbers: { label: string; value: string }[];
  lines: string[];
  footer: string;
}

/**
 * Lines of `text` no wider than `maxWidth` by `measure`: Chinese breaks between any two characters,
 * other words (a web address) at spaces, and a word wider than a line between its characters.
 */
export function wrapText(text: string, maxWidth: number, measure: (text: string) => number): string[] {
  const tokens = text.match(/[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]|[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F]+|\s+/gu) ?? [];
  const lines: string[] = [];
  let line = '';
  const push = () => {
    if (line.trim() !== '') lines.push(line.trimEnd());
    line = '';
  };
  for (const token of tokens) {
    if (/^\s+$/.test(token)) {
      if (line !== '') line += ' ';
      continue;
    }
    if (measure(line + token) <= maxWidth) {
      line += token;
      continue;
    }
    if (measure(token) <= maxWidth) {
      push();
      line = token;
      continue;
    }
    for (const character of token) {
      if (measure(line + character) > maxWidth && line.trim() !== '') push();
      line += character;
    }
  }
  push();
  return lines;
}

const WIDTH = 720;
const PAD = 48;
const INNER = WIDTH - 2 * PAD;

/** The receipt picture as a PNG. */
export async function drawReceiptPicture(text: ReceiptPictureText): Promise<Blob> {
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2d canvas');
  const font = (px: number, bold = false) => `${bold ? '600 ' : ''}${px}px ${text.fontFamily}`;
  const measureWith = (px: number, bold = false) => (line: string) => {
    context.font = font(px, bold);
    return context.measureText(line).width;
  };
  const wrapped = text.lines.map((line) => wrapText(line, INNER, measureWith(28)));
  const footer = wrapText(text.footer, INNER, measureWith(24));
  const height = 120 + text.numbers.length * 118 + 24 + wrapped.flat().length * 42 + 24 + footer.length * 36 + PAD;

  // twice the size drawn: sharp on a phone's screen, and still readable when a photo app shrinks it
  const scale = 2;
  canvas.width = WIDTH * scale;
  canvas.height = height * scale;
  context.scale(scale, scale);
  context.fillStyle = '#fff';
  context.fillRect(0, 0, WIDTH, height);
  context.fillStyle = '#0958d9';
  context.fillRect(0, 0, WIDTH, 96);
  context.textBaseline = 'middle';
  context.fillStyle = '#fff';
  context.font = font(38, true);
  context.textAlign = 'center';
  context.fillText(text.title, WIDTH / 2, 48);

  context.textAlign = 'left';
  context.textBaseline = 'alphabetic';
  let y = 120;
  for (const { label, value } of text.numbers) {
    context.fillStyle = '#595959';
    context.font = font(26);
    context.fillText(label, PAD, y + 30);
    context.fillStyle = '#1f1f1f';
    context.font = font(56, true);
    context.fillText(value, PAD, y + 94);
    y += 118;
  }
  y += 24;
  context.fillStyle = '#d9d9d9';
  context.fillRect(PAD, y - 20, INNER, 2);
  context.fillStyle = '#1f1f1f';
  context.font = font(28);
  for (const line of wrapped.flat()) {
    y += 42;
    context.fillText(line, PAD, y);
  }
  y += 24;
  context.fillStyle = '#595959';
  context.font = font(24);
  for (const line of footer) {
    y += 36;
    context.fillText(line, PAD, y);
  }
  context.strokeStyle = '#0958d9';
  context.lineWidth = 4;
  context.strokeRect(2, 2, WIDTH - 4, height - 4);

  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('the receipt picture could not be made');
  return blob;
}
