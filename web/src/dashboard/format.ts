import { formatYuan } from '../common/money';

/** How the report pages write their figures: rates as fractions from the API, days as decimals, yuan as exact strings. */

/** 0.8125 → "81.3%"; the API rounds rates to four places, so one decimal of a percent is exact enough. */
export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** An amount of yuan from the API as read on a chart's label or tooltip. */
export function yuanText(yuan: string): string {
  return `¥${formatYuan(yuan)}`;
}

/**
 * The length of a bar for an amount of yuan. Only the drawing uses this number: every amount people
 * read comes from the API's exact string (yuanText), and nothing is added up from it.
 */
export function barLength(yuan: string): number {
  return Number(yuan);
}
