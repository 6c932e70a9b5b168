/**
 * How sensitive numbers are shown by default (PIPL: show only what the reader needs).
 * 110101199003071234 → 110101********1234 (region and last four: enough to tell people apart on a list)
 * 13812345678 → 138****5678
 */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length < 10) return '*'.repeat(idNumber.length);
  return `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}

export function maskMobile(mobile: string): string {
  if (mobile.length < 7) return '*'.repeat(mobile.length);
  return `${mobile.slice(0, 3)}${'*'.repeat(mobile.length - 7)}${mobile.slice(-4)}`;
}

/**
 * A name on a page anyone with the receipt may open (the worker's lookup): the surname and, for three
 * characters or more, the last one. 李建国 → 李*国, 张明 → 张*.
 */
export function maskName(name: string): string {
  const characters = [...name.trim()];
  if (characters.length <= 1) return '*';
  if (characters.length === 2) return `${characters[0]}*`;
  return `${characters[0]}${'*'.repeat(characters.length - 2)}${characters[characters.length - 1]}`;
}
