import type { RawCell, RawRosterRow } from './roster-reader';

/**
 * The claims of a roster in the roster's order, which the case keeps (claims.position): by the 序号
 * column when the file has one — a sheet sorted by name in Excel still carries the order the workers
 * know — otherwise, and for rows whose 序号 is blank or not a number, in the file's order after the
 * numbered ones. Equal numbers keep the file's order. Each claim keeps its row number for messages.
 */
export function inRosterOrder<T extends { row: number }>(claims: T[], rows: RawRosterRow[]): T[] {
  const serialOfRow = new Map(rows.map((raw) => [raw.row, serialOf(raw.cells.serial)]));
  const key = (claim: T) => serialOfRow.get(claim.row) ?? Number.POSITIVE_INFINITY;
  // Infinity - Infinity is NaN, which falls through to the file's order as a tie does
  return [...claims].sort((a, b) => key(a) - key(b) || a.row - b.row);
}

/** 3, "3", "3." or " 3 " as typed in a 序号 cell; a blank or anything else gives no order. */
function serialOf(cell: RawCell | undefined): number | null {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell !== 'string' || cell.trim() === '') return null;
  const value = Number(cell.trim().replace(/\.$/, ''));
  return Number.isFinite(value) ? value : null;
}
