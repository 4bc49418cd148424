/**
 * SPEC 10.2 the lead log: one lead a row, its headers matched as in 1.1, its
 * date-times and statuses parsed, its row problems named at their cells.
 *
 * A CRM export of 1,000,000 leads is normal, so the log is read straight
 * from the block's rows into typed columns (one number per lead per
 * column), with each vehicle and owner kept once as a small integer: no
 * object is made per lead, and no lower-cased copy of a name per row.
 */
import { isExcelError, type CellBlock, type CellValue } from "./cells";
import { cellReferenceMaker } from "./cellReference";
import { dayTimeToIso, parseDateTime, serialDayTime, type DayTime } from "./dates";
import { headerText, normaliseHeader } from "./headers";
import type { Issue } from "./issues";
import { columnUsedTwice, excelErrorInCell, needsHeaders, quotedHeaders } from "./messages";
import { failure, success, type Outcome } from "./outcome";
import { describeCellValue, parseText } from "./values";

export const LEAD_FIELDS = ["lead", "vehicle", "owner", "handedOff", "firstTouch", "status"] as const;
export type LeadField = (typeof LEAD_FIELDS)[number];

export const LEAD_HEADERS: Record<LeadField, string> = {
  lead: "Lead",
  vehicle: "Vehicle",
  owner: "Owner",
  handedOff: "Handed off",
  firstTouch: "First touch",
  status: "Status",
};

/** The other accepted names of SPEC 10.2, already normalised. */
const OTHER_NAMES: Record<LeadField, readonly string[]> = {
  lead: ["leadid", "id", "leadname", "contact"],
  vehicle: ["leadsource", "source", "campaign", "program", "tactic"],
  owner: ["rep", "salesrep", "assignedto", "leadowner"],
  handedOff: ["handoff", "handedoffat", "assigned", "assignedat", "mqldate", "created", "createddate"],
  firstTouch: ["firstactivity", "firstcontact", "firstcall", "firstresponse", "firsttouchat"],
  status: ["leadstatus", "stage"],
};

const NEEDED: readonly LeadField[] = ["vehicle", "owner", "handedOff"];

const FIELD_BY_NAME: ReadonlyMap<string, LeadField> = new Map(
  LEAD_FIELDS.flatMap((field) => [
    [normaliseHeader(LEAD_HEADERS[field]), field] as const,
    ...OTHER_NAMES[field].map((name) => [name, field] as const),
  ]),
);

/** A lead's status as SPEC 10.2 groups the words. */
export const IN_PROCESS = 0;
export const ADVANCED = 1;
export const CLOSED = 2;

const STATUS_WORDS: ReadonlyMap<string, number> = new Map([
  ...["new", "open", "working", "contacted", "attempting", "in process", "nurturing"].map(
    (word) => [word, IN_PROCESS] as const,
  ),
  ...["qualified", "converted", "opportunity", "sql", "accepted"].map((word) => [word, ADVANCED] as const),
  ...["disqualified", "unqualified", "dead", "lost", "rejected", "recycled"].map(
    (word) => [word, CLOSED] as const,
  ),
]);

const STATUS_LIST =
  "new, open, working, contacted, attempting, in process or nurturing (in process); qualified, converted, opportunity, sql or accepted (advanced); disqualified, unqualified, dead, lost, rejected or recycled (closed)";

/** The valid leads of a log in columns, lead k at index k of each. */
export interface LeadLog {
  sheet: string;
  /** How many valid leads the columns hold. */
  count: number;
  /** Index into `vehicleNames`. */
  vehicle: Int32Array;
  /** Index into `ownerNames`. */
  owner: Int32Array;
  handedOff: Float64Array;
  /** NaN when the lead has no First touch. */
  firstTouch: Float64Array;
  /** IN_PROCESS, ADVANCED or CLOSED. */
  status: Uint8Array;
  /** Each vehicle's first spelling (trimmed), in order of first appearance in a valid row. */
  vehicleNames: string[];
  /** The cell of the first valid row that names each vehicle ('' when none does). */
  vehicleCells: string[];
  /** The sheet row of that cell (0 when none). */
  vehicleFirstRows: number[];
  /** Each owner's first spelling (trimmed), in order of first appearance in a valid row. */
  ownerNames: string[];
  /** The latest Handed off or First touch of the valid rows; null without a valid row. */
  latest: DayTime | null;
  /** Header and row problems, in sheet order. */
  issues: Issue[];
}

function isBlank(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/**
 * Names matched trimmed and case-insensitive: a raw cell value → an index.
 * The raw value is looked up first, so a name repeated a million times is
 * trimmed and lower-cased once.
 */
class NameIndex {
  readonly names: string[] = [];
  /** First valid sheet row naming each, 0 until one does. */
  readonly firstRows: number[] = [];
  private readonly byRaw = new Map<string | number | boolean, number>();
  private readonly byKey = new Map<string, number>();

  /** The index of the name in `raw` (not blank, not an error). */
  indexOf(raw: string | number | boolean): number {
    const known = this.byRaw.get(raw);
    if (known !== undefined) return known;
    const parsed = parseText(raw);
    const text = parsed.kind === "ok" ? parsed.value : String(raw);
    const key = text.toLowerCase();
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.names.length;
      this.names.push(text);
      this.firstRows.push(0);
      this.byKey.set(key, index);
    }
    this.byRaw.set(raw, index);
    return index;
  }
}

interface Columns {
  lead: number;
  vehicle: number;
  owner: number;
  handedOff: number;
  firstTouch: number;
  status: number;
}

function matchLeadHeaders(block: CellBlock, issues: Issue[]): Columns {
  const columns: Columns = { lead: -1, vehicle: -1, owner: -1, handedOff: -1, firstTouch: -1, status: -1 };
  const texts = (block.cells[0] ?? []).map(headerText);
  const cellOf = cellReferenceMaker(block.sheet);
  texts.forEach((text, column) => {
    const field = text === "" ? undefined : FIELD_BY_NAME.get(normaliseHeader(text));
    if (field === undefined) return;
    if (columns[field] < 0) {
      columns[field] = column;
      return;
    }
    issues.push({
      severity: "warning",
      cell: cellOf(block.top, block.left + column),
      field: LEAD_HEADERS[field],
      message: columnUsedTwice(text, LEAD_HEADERS[field], texts[columns[field]]),
    });
  });
  return columns;
}

type NamedField = "vehicle" | "owner";

const BLANK_NAME: Record<NamedField, string> = {
  vehicle: "Vehicle is blank: name the vehicle the lead came from, or clear the row",
  owner: "Owner is blank: name the sales rep who owns the lead, or clear the row",
};

/** The problems of the row being read, one object for the whole log. */
class RowChecks {
  valid = true;
  private sheetRow = 0;

  constructor(
    private readonly block: CellBlock,
    private readonly date1904: boolean,
    private readonly cellOf: (row: number, col: number) => string,
    private readonly issues: Issue[],
  ) {}

  start(sheetRow: number): void {
    this.sheetRow = sheetRow;
    this.valid = true;
  }

  problem(column: number, field: LeadField, message: string, severity: Issue["severity"] = "error"): void {
    if (severity === "error") this.valid = false;
    const cell = this.cellOf(this.sheetRow, this.block.left + column);
    this.issues.push({ severity, cell, field: LEAD_HEADERS[field], message });
  }

  /** An Excel error value is an error at its cell (SPEC 1.1); true when `value` is one. */
  cellError(value: CellValue, column: number, field: LeadField): boolean {
    if (!isExcelError(value)) return false;
    this.problem(column, field, excelErrorInCell(value.error, "type the value"));
    return true;
  }

  /** The index in `names` of the name in a required cell, or -1 (blank, or an Excel error), the problem recorded. */
  nameIndex(value: CellValue, column: number, field: NamedField, names: NameIndex): number {
    if (isBlank(value)) {
      this.problem(column, field, BLANK_NAME[field]);
      return -1;
    }
    if (this.cellError(value, column, field)) return -1;
    return names.indexOf(value as string | number | boolean);
  }

  /** The cell's date-time, or NaN (blank, or a problem recorded; a blank Handed off is one). */
  dateTime(value: CellValue, column: number, field: "handedOff" | "firstTouch"): DayTime {
    if (typeof value === "number") {
      const day = serialDayTime(value, this.date1904);
      if (!Number.isNaN(day)) return day;
    }
    const parsed = parseDateTime(value, this.date1904);
    if (parsed.kind === "ok") return parsed.value;
    if (parsed.kind === "error") this.problem(column, field, parsed.message);
    else if (field === "handedOff")
      this.problem(
        column,
        field,
        "Handed off is blank: type when the lead was handed to sales, such as 2026-11-03 14:20",
      );
    return NaN;
  }
}

function statusWord(text: string): number | undefined {
  return STATUS_WORDS.get(text.trim().toLowerCase().replace(/\s+/g, " "));
}

/**
 * Reads a lead log whose first row holds the headers. Fails, naming the
 * headers found and needed, when Vehicle, Owner or Handed off is missing.
 */
export function readLeadLog(block: CellBlock, date1904: boolean): Outcome<LeadLog> {
  const issues: Issue[] = [];
  const columns = matchLeadHeaders(block, issues);
  const missing = NEEDED.filter((field) => columns[field] < 0);
  if (missing.length > 0) {
    const needed = NEEDED.map((field) => LEAD_HEADERS[field]);
    const lacks = missing.map((field) => LEAD_HEADERS[field]).join(", ");
    return failure(
      `${needsHeaders(`The lead log ${block.sheet}`, needed)}; it lacks ${lacks} and has ${quotedHeaders(block.cells[0] ?? [])}.`,
      issues,
    );
  }

  const rows = Math.max(0, block.cells.length - 1);
  const vehicleOf = new Int32Array(rows);
  const ownerOf = new Int32Array(rows);
  const handedOff = new Float64Array(rows);
  const firstTouch = new Float64Array(rows);
  const status = new Uint8Array(rows);
  const vehicles = new NameIndex();
  const owners = new NameIndex();
  const statusByRaw = new Map<string | number | boolean, number>();
  const cellOf = cellReferenceMaker(block.sheet);
  const row = new RowChecks(block, date1904, cellOf, issues);
  const { lead: leadColumn, vehicle: vehicleColumn, owner: ownerColumn } = columns;
  const { handedOff: handedColumn, firstTouch: firstColumn, status: statusColumn } = columns;
  let count = 0;
  // Every valid date-time is after day 0 (dates.ts reads none before 1900-01-01); null without a valid row.
  let latest = 0;

  for (let r = 1; r < block.cells.length; r++) {
    const cells = block.cells[r];
    if (cells === undefined) continue;
    const lead = leadColumn < 0 ? null : (cells[leadColumn] ?? null);
    const vehicle = cells[vehicleColumn] ?? null;
    const owner = cells[ownerColumn] ?? null;
    const handed = cells[handedColumn] ?? null;
    const first = firstColumn < 0 ? null : (cells[firstColumn] ?? null);
    const word = statusColumn < 0 ? null : (cells[statusColumn] ?? null);
    if (
      isBlank(vehicle) &&
      isBlank(owner) &&
      isBlank(handed) &&
      isBlank(first) &&
      isBlank(word) &&
      isBlank(lead)
    )
      continue;

    const sheetRow = block.top + r;
    row.start(sheetRow);
    if (lead !== null) row.cellError(lead, leadColumn, "lead");

    const vehicleIndex = row.nameIndex(vehicle, vehicleColumn, "vehicle", vehicles);
    const ownerIndex = row.nameIndex(owner, ownerColumn, "owner", owners);

    const handedAt = row.dateTime(handed, handedColumn, "handedOff");
    const firstAt = first === null ? NaN : row.dateTime(first, firstColumn, "firstTouch");
    if (firstAt < handedAt) {
      row.problem(
        firstColumn,
        "firstTouch",
        `First touch ${dayTimeToIso(firstAt)} is before Handed off ${dayTimeToIso(handedAt)}: correct one of the two`,
      );
    }

    let code = IN_PROCESS;
    if (!isBlank(word) && !row.cellError(word as CellValue, statusColumn, "status")) {
      const raw = word as string | number | boolean;
      let known = statusByRaw.get(raw);
      if (known === undefined) {
        known = (typeof raw === "string" ? statusWord(raw) : undefined) ?? -1;
        statusByRaw.set(raw, known);
      }
      if (known >= 0) code = known;
      else
        row.problem(
          statusColumn,
          "status",
          `${describeCellValue(raw)} is not a status the planner knows, so the lead counts as in process: use ${STATUS_LIST}`,
          "warning",
        );
    }

    if (!row.valid) continue;
    vehicleOf[count] = vehicleIndex;
    ownerOf[count] = ownerIndex;
    handedOff[count] = handedAt;
    firstTouch[count] = firstAt;
    status[count] = code;
    count++;
    if (vehicles.firstRows[vehicleIndex] === 0) vehicles.firstRows[vehicleIndex] = sheetRow;
    if (owners.firstRows[ownerIndex] === 0) owners.firstRows[ownerIndex] = sheetRow;
    if (handedAt > latest) latest = handedAt;
    if (firstAt > latest) latest = firstAt;
  }

  return success({
    sheet: block.sheet,
    count,
    vehicle: vehicleOf.subarray(0, count),
    owner: ownerOf.subarray(0, count),
    handedOff: handedOff.subarray(0, count),
    firstTouch: firstTouch.subarray(0, count),
    status: status.subarray(0, count),
    vehicleNames: vehicles.names,
    vehicleCells: vehicles.firstRows.map((row) => (row === 0 ? "" : cellOf(row, block.left + vehicleColumn))),
    vehicleFirstRows: vehicles.firstRows,
    ownerNames: owners.names,
    latest: count === 0 ? null : latest,
    issues,
  });
}
