/** Figures as the pane shows them: the same words as the sheets and the CLI, an empty figure as a dash. */
import { formatMoney, formatPercentFixed } from "../core/numberText";

export const EMPTY_FIGURE = "—";

export function money(value: number | null): string {
  return value === null ? EMPTY_FIGURE : formatMoney(Math.round(value));
}

export function percent(value: number | null): string {
  return value === null ? EMPTY_FIGURE : formatPercentFixed(value);
}
