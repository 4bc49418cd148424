/** Axis arithmetic for the pane's charts: round tick steps and short money labels. */

/** A round step (1, 2 or 5 times a power of ten) giving about `count` ticks over `span`. */
export function tickStep(span: number, count: number): number {
  if (!(span > 0)) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const factor = [1, 2, 5, 10].find((f) => f * power >= raw) ?? 10;
  return factor * power;
}

/** The ticks from `min` to `max` at a round step, and the axis's ends widened to the outer ticks. */
export function ticks(
  min: number,
  max: number,
  count: number,
): { ticks: number[]; min: number; max: number } {
  const step = tickStep(max - min, count);
  // Twelve significant digits keep 3 × 0.2 = 0.6000000000000001 dust out of the labels.
  const round = (value: number) => Number(value.toPrecision(12));
  const first = Math.floor(min / step);
  const last = Math.max(first + 1, Math.ceil(max / step));
  const values: number[] = [];
  for (let i = first; i <= last; i++) values.push(round(i * step));
  return { ticks: values, min: values[0], max: values[values.length - 1] };
}

/** `$1.2M`, `$250k`, `$900`: money short enough for an axis in a 320-pixel pane. */
export function shortMoney(value: number): string {
  const size = Math.abs(value);
  const [divisor, suffix] =
    size >= 1e9 ? [1e9, "B"] : size >= 1e6 ? [1e6, "M"] : size >= 1e3 ? [1e3, "k"] : [1, ""];
  const scaled = value / divisor;
  const digits = Math.abs(scaled) >= 100 || Number.isInteger(scaled) ? 0 : 1;
  return `${value < 0 ? "-" : ""}$${Math.abs(scaled).toFixed(digits).replace(/\.0$/, "")}${suffix}`;
}
