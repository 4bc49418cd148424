/**
 * Issue 17.7: a number shown with its separators while it is typed
 * (`260000` reads `$260,000` at once), the caret kept after the same digit.
 * Only the separators, a money sign and a rate's `%` are added; text the
 * plan would read as another number (a rate typed `0.5` is a share, `0.5%`
 * is not) or text that is not a plain number (`$1.2k`) is left as typed.
 */
import type { FieldKey, SettingKey } from "../core/model";
import { typedNumber, valueKind } from "./valueText";

export interface TypedText {
  text: string;
  /** Where the caret goes in `text`. */
  caret: number;
}

/** A plain number as typed, with or without its `$`, separators or `%`; a trailing `.` is one still being typed. */
const PLAIN = /^(-?)\$?(\d[\d,]*)?(\.\d*)?(%?)$/;

function isKept(char: string): boolean {
  return (char >= "0" && char <= "9") || char === "." || char === "-";
}

/** The caret after the same count of digits, point and sign in `text` as before `caret` in `typed`. */
function sameCaret(typed: string, caret: number, text: string): number {
  let wanted = [...typed.slice(0, caret)].filter(isKept).length;
  if (wanted === 0) {
    const first = [...text].findIndex(isKept);
    return first < 0 ? text.length : first;
  }
  for (let i = 0; i < text.length; i++) {
    if (isKept(text[i]) && --wanted === 0) return i + 1;
  }
  return text.length;
}

function grouped(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** The number a text stands for, a point still being typed (`12.`) read as the whole number. */
function numberOf(target: "setting" | "vehicle", key: FieldKey | SettingKey, text: string): number | null {
  return typedNumber(target, key, text.replace(/\.(?=%?$)/, ""));
}

/** `typed` with the separators its kind of value takes, and the caret moved with the digits. */
export function numberAsTyped(
  target: "setting" | "vehicle",
  key: FieldKey | SettingKey,
  typed: string,
  caret: number,
): TypedText {
  const kind = valueKind(key);
  const unchanged = { text: typed, caret };
  const match = PLAIN.exec(typed);
  if (kind === "plain" || !match || (match[2] === undefined && !match[3]?.slice(1))) return unchanged;
  const [, sign, whole = "", fraction = "", percent] = match;
  if ((kind !== "money" && typed.includes("$")) || (kind !== "rate" && percent)) return unchanged;
  const digits = grouped(whole.replace(/,/g, ""));
  const number = `${digits}${fraction}`;
  let text: string;
  if (kind === "money") text = `${sign}$${number}`;
  else if (kind === "count") text = `${sign}${number}`;
  else {
    // A bare rate above 1 is read as a percentage already; 0 to 1 is a share, so it gets no `%`.
    const asPercent = percent !== "" || Number(number.replace(/,/g, "")) > 1;
    text = `${sign}${number}${asPercent ? "%" : ""}`;
  }
  if (text === typed || numberOf(target, key, text) !== numberOf(target, key, typed)) return unchanged;
  return { text, caret: sameCaret(typed, caret, text) };
}

/**
 * What a deletion that took only a separator meant: the digit beside it
 * (before it for Backspace, after it for Delete), so the key is not lost.
 */
export function deletedSeparator(
  before: string,
  typed: string,
  caret: number,
  backward: boolean,
): { typed: string; caret: number } | null {
  if (before.length !== typed.length + 1 || before[caret] !== ",") return null;
  if (before.slice(0, caret) + before.slice(caret + 1) !== typed) return null;
  if (backward) {
    return caret > 0 ? { typed: typed.slice(0, caret - 1) + typed.slice(caret), caret: caret - 1 } : null;
  }
  return caret < typed.length ? { typed: typed.slice(0, caret) + typed.slice(caret + 1), caret } : null;
}
