/**
 * A rule's days as a clerk types them: "30, 14, 7, 3, 1" (commas, Chinese commas or spaces between).
 * Empty means every day. Pure, tested in days-text.spec.ts.
 */

/** The days typed, or null when something typed is not a whole number of days (the API would refuse it). */
export function parseDays(text: string): number[] | null {
  const parts = text.split(/[\s,，、;；]+/).filter(Boolean);
  if (!parts.every((part) => /^\d{1,3}$/.test(part))) return null;
  return parts.map(Number);
}

/** The days as they are shown to be edited. */
export const daysText = (days: readonly number[]) => days.join(', ');
