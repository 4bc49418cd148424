/**
 * Medians and binary searches over ascending numbers, for the questions
 * (SPEC 3's medians of questions 6 and 7) and "what it would take" (SPEC 9),
 * which asks them again with one value changed, many times, without copies.
 */
/** The first index of `sorted` (ascending) whose element is not below `value`. */
export function lowerBound(sorted: readonly number[], value: number): number {
  return prefixLength(sorted.length, (index) => sorted[index] < value);
}

/** Element `index` of `sorted` with the element at `removedAt` (or none, when < 0) taken out. */
function keptAt(sorted: readonly number[], removedAt: number, index: number): number {
  return removedAt < 0 || index < removedAt ? sorted[index] : sorted[index + 1];
}

/** Element `index` of the kept elements with `added` put in at `addedAt` (none, when < 0). */
function changedAt(
  sorted: readonly number[],
  removedAt: number,
  added: number,
  addedAt: number,
  index: number,
): number {
  if (addedAt < 0 || index < addedAt) return keptAt(sorted, removedAt, index);
  return index === addedAt ? added : keptAt(sorted, removedAt, index - 1);
}

/**
 * The median (SPEC 3: an even count takes the mean of the two middle values)
 * of `sorted` (ascending) with one occurrence of `removed` taken out and
 * `added` put in, without copying the array; null for an empty set.
 */
export function medianAfterChange(
  sorted: readonly number[],
  removed: number | null = null,
  added: number | null = null,
): number | null {
  const removedAt = removed === null ? -1 : lowerBound(sorted, removed);
  const addedAt =
    added === null ? -1 : lowerBound(sorted, added) - (removedAt >= 0 && sorted[removedAt] < added ? 1 : 0);
  const count = sorted.length - (removedAt < 0 ? 0 : 1) + (addedAt < 0 ? 0 : 1);
  if (count === 0) return null;
  const middle = count >> 1;
  const value = added ?? 0;
  const upper = changedAt(sorted, removedAt, value, addedAt, middle);
  return count % 2 === 1 ? upper : (changedAt(sorted, removedAt, value, addedAt, middle - 1) + upper) / 2;
}

/** SPEC 3's median: the middle value, or the mean of the two middle values of an even count; null when empty. */
export function median(values: readonly number[]): number | null {
  return medianAfterChange([...values].sort((a, b) => a - b));
}

/**
 * How many of the first `length` places a search holds for: `holds` is true on
 * a prefix (every place before one that holds holds too), found by bisection.
 */
export function prefixLength(length: number, holds: (index: number) => boolean): number {
  let low = 0;
  let high = length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (holds(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}
