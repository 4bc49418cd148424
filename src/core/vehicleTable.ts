/**
 * SPEC 1.1 the vehicle table: match the header row, then read each non-blank
 * row into parsed values with the cell-level problems (errors make the row
 * invalid; warnings are reported and the row is planned).
 */
import type { CellBlock, CellValue } from "./cells";
import { cellReferenceMaker } from "./cellReference";
import { FIELD_HEADERS, headerText, matchHeaders, mappingIsComplete } from "./headers";
import type { Issue } from "./issues";
import {
  FIELD_KEYS,
  type FieldKey,
  type MappingOverride,
  type MessageLength,
  type ParsedVehicle,
  type Stage,
  type VehicleTable,
  type VehicleValues,
} from "./model";
import { failure, success, type Outcome } from "./outcome";
import { parseFieldValue, type FieldValue, type Parsed } from "./values";

/** Trimmed and lower-cased: how vehicle names are compared (duplicates, scenarios). */
export function normalisedName(name: string): string {
  return name.trim().toLowerCase();
}

const REQUIRED_HEADERS =
  "Vehicle, Investment, Leads, and Pipeline or both Conversion rate and Average deal size";

function emptyValues(): VehicleValues {
  return {
    investment: null,
    leads: null,
    conversion: null,
    dealSize: null,
    pipeline: null,
    objectives: null,
    reach: null,
    resonance: null,
    messageLength: null,
    skillToday: null,
    skillTomorrow: null,
    impactPotential: null,
    priorInvestment: null,
    priorPipeline: null,
    hours: 0,
    risk: 0,
    minInvestment: null,
    maxInvestment: null,
    handAnswers: [null, null, null, null, null, null, null],
  };
}

function isBlankCell(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Puts one parsed value into the row (blank: null, or 0 for Hours and Risk). */
function assign(vehicle: ParsedVehicle, field: FieldKey, parsed: Parsed<FieldValue>): void {
  const value = parsed.kind === "ok" ? parsed.value : null;
  const values = vehicle.values;
  switch (field) {
    case "vehicle":
      vehicle.name = (value as string | null) ?? "";
      return;
    case "channel":
      vehicle.channelText = (value as string | null) ?? "";
      return;
    case "objectives":
      values.objectives = value as Stage[] | null;
      return;
    case "messageLength":
      values.messageLength = value as MessageLength | null;
      return;
    case "hours":
    case "risk":
      values[field] = (value as number | null) ?? 0;
      return;
    case "q1":
    case "q2":
    case "q3":
    case "q4":
    case "q5":
    case "q6":
    case "q7":
      values.handAnswers[Number(field.slice(1)) - 1] = value as boolean | null;
      return;
    default:
      values[field] = value as number | null;
  }
}

function problem(severity: Issue["severity"], cell: string, field: FieldKey, message: string): Issue {
  return { severity, cell, field: FIELD_HEADERS[field], message };
}

/** The "required value blank" errors, so a changed row can drop them and check again. */
const REQUIRED_ERRORS = new WeakSet<Issue>();

function required(vehicle: ParsedVehicle, field: FieldKey, blank: boolean, why: string): void {
  if (!blank) return;
  const cell = vehicle.cells[field];
  if (cell === undefined) return;
  const issue = problem("error", cell, field, why);
  REQUIRED_ERRORS.add(issue);
  vehicle.errors.push(issue);
}

/** SPEC 1.1: a required value blank is an error at its cell (at the Pipeline cell when a rate column is missing). */
function checkRequired(
  vehicle: ParsedVehicle,
  hasColumn: (field: FieldKey) => boolean,
  failed: ReadonlySet<FieldKey>,
): void {
  const { values } = vehicle;
  const blank = (field: FieldKey, value: unknown) => value === null && !failed.has(field);
  required(
    vehicle,
    "vehicle",
    blank("vehicle", vehicle.name === "" ? null : vehicle.name),
    "Vehicle is blank: give the vehicle a name",
  );
  required(
    vehicle,
    "investment",
    blank("investment", values.investment),
    "Investment is blank: type what the vehicle costs (0 if it runs on team hours alone)",
  );
  required(
    vehicle,
    "leads",
    blank("leads", values.leads),
    "Leads is blank: type how many leads the vehicle brings (0 if none)",
  );
  if (values.pipeline !== null || failed.has("pipeline")) return;
  const hasConversion = hasColumn("conversion");
  const hasDealSize = hasColumn("dealSize");
  if (!hasConversion || !hasDealSize) {
    const missing = [hasConversion ? null : "Conversion rate", hasDealSize ? null : "Average deal size"]
      .filter((name): name is string => name !== null)
      .join(" and ");
    required(
      vehicle,
      "pipeline",
      true,
      `Pipeline is blank and the table has no ${missing} column to compute it: type the vehicle's pipeline`,
    );
    return;
  }
  required(
    vehicle,
    "conversion",
    blank("conversion", values.conversion),
    "Conversion rate is blank and Pipeline is not given: type the lead-to-opportunity rate (e.g. 12%) or the Pipeline",
  );
  required(
    vehicle,
    "dealSize",
    blank("dealSize", values.dealSize),
    "Average deal size is blank and Pipeline is not given: type the average deal size or the Pipeline",
  );
}

/** Where a table's matched columns are, so a row can name its cells when asked. */
interface RowLayout {
  columns: readonly [FieldKey, number][];
  left: number;
  reference: (row: number, col: number) => string;
}

/**
 * A parsed row whose cell references are made only when read: most rows
 * never need them, and making 27 strings a row would cost more than parsing.
 */
class TableRow implements ParsedVehicle {
  name = "";
  channelText = "";
  values = emptyValues();
  errors: Issue[] = [];
  warnings: Issue[] = [];
  private madeCells: Partial<Record<FieldKey, string>> | undefined;

  constructor(
    readonly row: number,
    private readonly layout: RowLayout,
  ) {}

  hasColumn(field: FieldKey): boolean {
    return this.layout.columns.some(([mapped]) => mapped === field);
  }

  get rowAnchor(): string {
    return this.layout.reference(this.row, this.layout.left);
  }

  get cells(): Partial<Record<FieldKey, string>> {
    if (this.madeCells === undefined) {
      const cells: Partial<Record<FieldKey, string>> = {};
      for (const [field, column] of this.layout.columns) {
        cells[field] = this.layout.reference(this.row, this.layout.left + column);
      }
      this.madeCells = cells;
    }
    return this.madeCells;
  }

  /** A plain copy, as spreading a class instance would lose its getters. */
  toPlain(): ParsedVehicle {
    return {
      row: this.row,
      name: this.name,
      channelText: this.channelText,
      values: this.values,
      cells: this.cells,
      rowAnchor: this.rowAnchor,
      errors: this.errors,
      warnings: this.warnings,
    };
  }
}

function readRow(block: CellBlock, rowIndex: number, layout: RowLayout): ParsedVehicle | null {
  const cells = block.cells[rowIndex] ?? [];
  if (layout.columns.every(([, column]) => isBlankCell(cells[column]))) return null;
  const vehicle = new TableRow(block.top + rowIndex, layout);
  let failed: Set<FieldKey> | null = null;
  for (const [field, column] of layout.columns) {
    const parsed = parseFieldValue(field, cells[column] ?? null);
    if (parsed.kind === "error") {
      (failed ??= new Set<FieldKey>()).add(field);
      vehicle.errors.push(problem("error", vehicle.cells[field] as string, field, parsed.message));
    } else if (parsed.kind === "ok" && parsed.warning !== undefined) {
      vehicle.warnings.push(problem("warning", vehicle.cells[field] as string, field, parsed.warning));
    }
    assign(vehicle, field, parsed);
  }
  checkRequired(vehicle, (field) => vehicle.hasColumn(field), failed ?? NOTHING_FAILED);
  return vehicle;
}

const NOTHING_FAILED: ReadonlySet<FieldKey> = new Set();

/**
 * Reads the vehicle table whose header row is the block's first row. Fails,
 * naming the headers found and the ones expected, when that row does not match.
 */
export function readVehicleTable(block: CellBlock, override?: MappingOverride): Outcome<VehicleTable> {
  const { mapping, headers, issues } = matchHeaders(block, override);
  const found = new Set(FIELD_KEYS.filter((field) => mapping[field] !== undefined));
  if (!mappingIsComplete(found)) {
    const texts = (block.cells[0] ?? []).map(headerText).filter((text) => text !== "");
    const foundText = texts.length ? texts.map((text) => `"${text}"`).join(", ") : "no headers";
    return failure(
      `No vehicle table found on ${block.sheet}: its header row has ${foundText}; a vehicle table needs the headers ${REQUIRED_HEADERS}.`,
      issues,
    );
  }
  const columns = FIELD_KEYS.filter((field) => mapping[field] !== undefined).map(
    (field) => [field, mapping[field] as number] as [FieldKey, number],
  );
  const vehicles: ParsedVehicle[] = [];
  const layout: RowLayout = { columns, left: block.left, reference: cellReferenceMaker(block.sheet) };
  for (let rowIndex = 1; rowIndex < block.cells.length; rowIndex++) {
    const vehicle = readRow(block, rowIndex, layout);
    if (vehicle) vehicles.push(vehicle);
  }
  return success({ sheet: block.sheet, mapping, headers, vehicles, issues });
}

/**
 * A copy of the row with one field set (a scenario's change, the what-if
 * panel): the field's earlier problems are dropped and the new value's added,
 * and the required values are checked again (a Conversion rate given where the
 * table has no such column can make a blank Pipeline computable; a cleared
 * Investment is missing).
 */
export function setVehicleField(
  vehicle: ParsedVehicle,
  field: FieldKey,
  parsed: Parsed<FieldValue>,
  cell: string,
): ParsedVehicle {
  const header = FIELD_HEADERS[field];
  const plain = vehicle instanceof TableRow ? vehicle.toPlain() : vehicle;
  const copy: ParsedVehicle = {
    ...plain,
    values: { ...vehicle.values, handAnswers: [...vehicle.values.handAnswers] },
    cells: { ...vehicle.cells, [field]: vehicle.cells[field] ?? cell },
    errors: vehicle.errors.filter((issue) => issue.field !== header && !REQUIRED_ERRORS.has(issue)),
    warnings: vehicle.warnings.filter((issue) => issue.field !== header),
  };
  if (parsed.kind === "error") copy.errors.push(problem("error", cell, field, parsed.message));
  if (parsed.kind === "ok" && parsed.warning !== undefined)
    copy.warnings.push(problem("warning", cell, field, parsed.warning));
  assign(copy, field, parsed);
  const failed = new Set(
    FIELD_KEYS.filter((key) => copy.errors.some((issue) => issue.field === FIELD_HEADERS[key])),
  );
  checkRequired(copy, (key) => copy.cells[key] !== undefined, failed);
  return copy;
}
