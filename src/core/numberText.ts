/**
 * Numbers written into reasons and notes the way a reader expects them:
 * "$40,000", "12%", "1.80". Written by hand instead of `toLocaleString` so
 * the words are the same on every machine and locale.
 */

function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Digits of |value| grouped by thousands, and "-" when the rounded value is below zero. */
function signedParts(value: number, decimals: number): { sign: string; digits: string } {
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split(".");
  const digits = groupThousands(whole) + (fraction ? `.${fraction}` : "");
  const roundsToZero = !/[1-9]/.test(digits);
  return { sign: value < 0 && !roundsToZero ? "-" : "", digits };
}

/** `$40,000`, `$1,234.50`, `-$300`: cents only when the amount has them. */
export function formatMoney(value: number): string {
  const hasCents = Math.abs(value - Math.round(value)) >= 0.005;
  const { sign, digits } = signedParts(value, hasCents ? 2 : 0);
  return `${sign}$${digits}`;
}

/** A rate as a percentage with at most one decimal, trailing zero dropped: `12%`, `16.2%`. */
export function formatPercent(rate: number): string {
  return `${trimZeros((rate * 100).toFixed(1))}%`;
}

/** A rate as a percentage with exactly one decimal, as the sheets' `0.0%` format shows it: `16.0%`. */
export function formatPercentFixed(rate: number): string {
  return `${(rate * 100).toFixed(1)}%`;
}

/** A ratio (pipeline per dollar, efficiency) with two decimals: `1.80`. */
export function formatRatio(value: number): string {
  const { sign, digits } = signedParts(value, 2);
  return sign + digits;
}

/** A score or count with at most two decimals, trailing zeros dropped: `3`, `2.5`. */
export function formatPlain(value: number): string {
  return trimZeros(value.toFixed(2));
}

function trimZeros(text: string): string {
  return text.includes(".") ? text.replace(/\.?0+$/, "") : text;
}

/** A number of leads with one decimal, grouped by thousands: `1,234.5`. */
export function formatLeads(value: number): string {
  const { sign, digits } = signedParts(value, 1);
  return sign + digits;
}

/** A number fit for a cell or the JSON: undefined numbers (NaN, Infinity, none at all) are null. */
export function finiteOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
