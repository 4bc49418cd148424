/**
 * SPEC 10.2 date-times: an Excel date serial in the workbook's 1900 or 1904
 * date system, or ISO 8601 text, read as local wall-clock time without a
 * zone. Every date-time becomes a `DayTime`: days (with the time of day as
 * the fraction) since 1899-12-30 00:00 wall-clock time, worked out from the
 * calendar alone. The JavaScript Date's time zone never comes into it, so a
 * lead handed off at 14:20 is 14:20 on every machine, and a day across a
 * daylight-saving change is 24 hours as the wall clock reads it.
 */
import { isExcelError, type CellValue } from "./cells";
import { excelErrorInCell } from "./messages";
import { describeCellValue, type Parsed } from "./values";

/** Days since 1899-12-30 00:00 wall-clock time; the fraction is the time of day. */
export type DayTime = number;

/** 1904-01-01, day 0 of the 1904 date system, as a DayTime. */
const DAY_1904 = 1462;
/** 9999-12-31 is the last day Excel stores. */
const LAST_DAY = 2958465;
const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The calendar date of a day count from 1970-01-01 (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): { year: number; month: number; day: number } {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

const EPOCH = daysFromCivil(1899, 12, 30);

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * An Excel serial as a DayTime. The 1900 system counts a 29 February 1900
 * that never was (serial 60), so serials before it are one day behind the
 * calendar; that fictitious day reads as 1 March.
 */
export function serialToDayTime(serial: number, date1904: boolean): DayTime {
  if (date1904) return serial + DAY_1904;
  if (serial < 60) return serial + 1;
  return serial < 61 ? 61 : serial;
}

/** A cell's number as a DayTime when it is a serial of a day Excel knows (1900-01-01 to 9999-12-31), else NaN. */
export function serialDayTime(value: number, date1904: boolean): DayTime {
  if (!(value >= 0)) return NaN;
  const day = serialToDayTime(value, date1904);
  return day >= 2 && day < LAST_DAY + 1 ? day : NaN;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?$/;
const ZONE = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

const ISO_HINT = "type a date-time such as 2026-11-03 14:20 or an Excel date";

/** ISO 8601 text (`2026-11-03`, `2026-11-03 14:20`, `2026-11-03T14:20:00`) as a DayTime, or null when it is not one. */
export function isoToDayTime(text: string): DayTime | null {
  const match = ISO.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = match[4] === undefined ? 0 : Number(match[4]);
  const minute = match[5] === undefined ? 0 : Number(match[5]);
  const second =
    match[6] === undefined ? 0 : Number(match[6]) + (match[7] === undefined ? 0 : Number(match[7]));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second >= 60) return null;
  const days = daysFromCivil(year, month, day) - EPOCH;
  if (days < 2) return null;
  return days + (hour * 3600 + minute * 60 + second) / 86400;
}

/**
 * A cell as a date-time (SPEC 10.2): a number is a serial of the workbook's
 * date system; text is ISO 8601 without a zone. Blank is blank.
 */
export function parseDateTime(value: CellValue, date1904: boolean): Parsed<DayTime> {
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "number") {
    const day = serialDayTime(value, date1904);
    if (!Number.isNaN(day)) return { kind: "ok", value: day };
    return { kind: "error", message: `${describeCellValue(value)} is not a date Excel knows: ${ISO_HINT}` };
  }
  if (typeof value === "string") {
    const text = value.trim();
    if (text === "") return { kind: "blank" };
    const day = isoToDayTime(text);
    if (day !== null) return { kind: "ok", value: day };
    if (ZONE.test(text) && isoToDayTime(text.replace(ZONE, "")) !== null) {
      return {
        kind: "error",
        message: `${describeCellValue(value)} has a time zone, which the planner cannot place on the local clock: give the local time without a zone, such as 2026-11-03 14:20`,
      };
    }
    return { kind: "error", message: `${describeCellValue(value)} is not a date-time: ${ISO_HINT}` };
  }
  if (isExcelError(value))
    return {
      kind: "error",
      message: excelErrorInCell(value.error, "type the date"),
    };
  return { kind: "error", message: `${describeCellValue(value)} is not a date-time: ${ISO_HINT}` };
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, "0");
}

/** A DayTime as ISO 8601 local wall-clock text, `2026-11-03T14:20:00`, to the nearest second. */
export function dayTimeToIso(day: DayTime): string {
  const totalSeconds = Math.round(day * 86400);
  const whole = Math.floor(totalSeconds / 86400);
  const seconds = totalSeconds - whole * 86400;
  const { year, month, day: date } = civilFromDays(whole + EPOCH);
  const time = `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
  return `${pad(year, 4)}-${pad(month)}-${pad(date)}T${time}`;
}

/**
 * How many hours one DayTime lies after another, to the millisecond, so a
 * serial's rounding dust never tips a comparison with the Lead expiry.
 */
export function hoursBetween(from: DayTime, to: DayTime): number {
  return Math.round((to - from) * MS_PER_DAY) / MS_PER_HOUR;
}

const DURATION = /^([+-]?(?:\d+\.?\d*|\.\d+))\s*([a-z]*)$/;
const HOURS_PER_UNIT: ReadonlyMap<string, number> = new Map([
  ["", 1],
  ["h", 1],
  ["hr", 1],
  ["hrs", 1],
  ["hour", 1],
  ["hours", 1],
  ["d", 24],
  ["day", 24],
  ["days", 24],
  ["w", 168],
  ["wk", 168],
  ["week", 168],
  ["weeks", 168],
]);

const EXPIRY_HINT = "type hours above 0, such as 24, 36 hours, 3d or 1 week";

/** SPEC 10.2 `Lead expiry`: hours as a number (`24`) or text (`24h`, `36 hours`, `3d`, `1 week`), above 0. */
export function parseLeadExpiry(value: CellValue): Parsed<number> {
  if (value === null || value === undefined) return { kind: "blank" };
  let hours: number | null = null;
  if (typeof value === "number") hours = value;
  else if (typeof value === "string") {
    const text = value.trim();
    if (text === "") return { kind: "blank" };
    const match = DURATION.exec(text.toLowerCase());
    const unit = match ? HOURS_PER_UNIT.get(match[2]) : undefined;
    if (match && unit !== undefined) hours = Number(match[1]) * unit;
  } else if (isExcelError(value)) {
    return {
      kind: "error",
      message: excelErrorInCell(value.error, EXPIRY_HINT),
    };
  }
  if (hours !== null && Number.isFinite(hours) && hours > 0) return { kind: "ok", value: hours };
  return { kind: "error", message: `${describeCellValue(value)} is not a lead expiry: ${EXPIRY_HINT}` };
}
