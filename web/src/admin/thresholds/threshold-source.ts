/**
 * A threshold's source is one text in the API; the page asks for the document and its date apart and
 * keeps them as "document（YYYY-MM-DD）", so both are read back. Pure, tested in threshold-source.spec.ts.
 */

export interface ThresholdSource {
  document: string;
  date?: string;
}

export function sourceText({ document, date }: ThresholdSource): string {
  return date ? `${document.trim()}（${date}）` : document.trim();
}

export function readSource(text: string): ThresholdSource {
  const dated = /^(.*)（(\d{4}-\d{2}-\d{2})）$/.exec(text.trim());
  return dated ? { document: dated[1], date: dated[2] } : { document: text };
}
