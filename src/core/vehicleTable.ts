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
  type ColumnMapping,
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

/**
 * The problems of a row that has none, shared: most rows have no problem, and
 * two empty arrays a row add up on a large table. Frozen, so a push fails loudly.
 */
const NO_ISSUES: Issue[] = Object.freeze([]) as unknown as Issue[];

/** The hand answers of a row that sets none, shared for the same reason (frozen too). */
const NO_HAND_ANSWERS: (boolean | null)[] = Object.freeze(Array<boolean | null>(7).fill(null)) as unknown as (
  boolean | null
)[];

function required(vehicle: ParsedVehicle, field: FieldKey, blank: boolean, why: string): void {
  if (!blank) return;
  const cell = vehicle.cells[field];
  if (cell === undefined) return;
  const issue = problem("error", cell, field, why);
  REQUIRED_ERRORS.add(issue);
  if (vehicle.errors === NO_ISSUES) vehicle.errors = [issue];
  else vehicle.errors.push(issue);
}

/** SPEC 1.1: a required value blank is an error at its cell (at the Pipeline cell when a rate column is missing). */
function checkRequired(
  vehicle: ParsedVehicle,
  hasConversion: boolean,
  hasDealSize: boolean,
  failed: ReadonlySet<FieldKey> | null,
): void {
  const { values } = vehicle;
  required(
    vehicle,
    "vehicle",
    vehicle.name === "" && !failed?.has("vehicle"),
    "Vehicle is blank: give the vehicle a name",
  );
  required(
    vehicle,
    "investment",
    values.investment === null && !failed?.has("investment"),
    "Investment is blank: type what the vehicle costs (0 if it runs on team hours alone)",
  );
  required(
    vehicle,
    "leads",
    values.leads === null && !failed?.has("leads"),
    "Leads is blank: type how many leads the vehicle brings (0 if none)",
  );
  if (values.pipeline !== null || failed?.has("pipeline")) return;
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
    values.conversion === null && !failed?.has("conversion"),
    "Conversion rate is blank and Pipeline is not given: type the lead-to-opportunity rate (e.g. 12%) or the Pipeline",
  );
  required(
    vehicle,
    "dealSize",
    values.dealSize === null && !failed?.has("dealSize"),
    "Average deal size is blank and Pipeline is not given: type the average deal size or the Pipeline",
  );
}

/**
 * The numeric fields and the range a plain number is read in as is: such a
 * cell, the most common kind, is stored without going through its parser.
 * Anything else (text, a number out of range, NaN) takes the parser's path
 * and gets its message.
 */
const MONEY_RANGE = [0, Number.MAX_VALUE] as const;
const RATE_RANGE = [0, 1] as const;
const SCORE_RANGE = [1, 5] as const;
const NUMBER_AS_IS: Partial<Record<FieldKey, readonly [number, number]>> = {
  investment: MONEY_RANGE,
  leads: MONEY_RANGE,
  conversion: RATE_RANGE,
  dealSize: MONEY_RANGE,
  pipeline: MONEY_RANGE,
  reach: RATE_RANGE,
  resonance: SCORE_RANGE,
  skillToday: SCORE_RANGE,
  skillTomorrow: SCORE_RANGE,
  impactPotential: MONEY_RANGE,
  priorInvestment: MONEY_RANGE,
  priorPipeline: MONEY_RANGE,
  hours: MONEY_RANGE,
  risk: RATE_RANGE,
  minInvestment: MONEY_RANGE,
  maxInvestment: MONEY_RANGE,
};

/**
 * Where a table's matched columns are, as parallel arrays indexed by matched
 * column so the row loop does no lookups and makes no closures.
 */
interface RowLayout {
  fields: readonly FieldKey[];
  columns: readonly number[];
  /** Each matched column's slot in the row's parsed values. */
  slotOf: readonly number[];
  /** The range a plain number of that column is read in as is; an empty range (1 to 0) when there is none. */
  lowest: readonly number[];
  highest: readonly number[];
  hasConversion: boolean;
  hasDealSize: boolean;
  left: number;
  reference: (row: number, col: number) => string;
}

function rowLayout(block: CellBlock, mapping: ColumnMapping): RowLayout {
  const fields = FIELD_KEYS.filter((field) => mapping[field] !== undefined);
  return {
    fields,
    columns: fields.map((field) => mapping[field] as number),
    slotOf: fields.map((field) => FIELD_KEYS.indexOf(field)),
    lowest: fields.map((field) => NUMBER_AS_IS[field]?.[0] ?? 1),
    highest: fields.map((field) => NUMBER_AS_IS[field]?.[1] ?? 0),
    hasConversion: mapping.conversion !== undefined,
    hasDealSize: mapping.dealSize !== undefined,
    left: block.left,
    reference: cellReferenceMaker(block.sheet),
  };
}

/**
 * A parsed row whose cell references are made only when read: most rows
 * never need them, and making 27 strings a row would cost more than parsing.
 */
class TableRow implements ParsedVehicle {
  private madeCells: Partial<Record<FieldKey, string>> | undefined;

  constructor(
    readonly row: number,
    private readonly layout: RowLayout,
    public name: string,
    public channelText: string,
    public values: VehicleValues,
    public errors: Issue[],
    public warnings: Issue[],
  ) {}

  get rowAnchor(): string {
    return this.layout.reference(this.row, this.layout.left);
  }

  get cells(): Partial<Record<FieldKey, string>> {
    if (this.madeCells === undefined) {
      const { fields, columns, left, reference } = this.layout;
      const cells: Partial<Record<FieldKey, string>> = {};
      for (let i = 0; i < fields.length; i++) cells[fields[i]] = reference(this.row, left + columns[i]);
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

function isBlankRow(cells: readonly CellValue[], columns: readonly number[]): boolean {
  for (let i = 0; i < columns.length; i++) if (!isBlankCell(cells[columns[i]])) return false;
  return true;
}

/** Each field's position in FIELD_KEYS, the index of its slot in a row's parsed values. */
const SLOT = Object.fromEntries(FIELD_KEYS.map((field, index) => [field, index])) as Record<FieldKey, number>;

/** The slots of the row being read, filled column by column and reused for the next row. */
const slots: (FieldValue | null)[] = FIELD_KEYS.map(() => null);

/** The row's values from its slots: one object of one shape, made in one go. */
function valuesFromSlots(): VehicleValues {
  return {
    investment: slots[SLOT.investment] as number | null,
    leads: slots[SLOT.leads] as number | null,
    conversion: slots[SLOT.conversion] as number | null,
    dealSize: slots[SLOT.dealSize] as number | null,
    pipeline: slots[SLOT.pipeline] as number | null,
    objectives: slots[SLOT.objectives] as Stage[] | null,
    reach: slots[SLOT.reach] as number | null,
    resonance: slots[SLOT.resonance] as number | null,
    messageLength: slots[SLOT.messageLength] as MessageLength | null,
    skillToday: slots[SLOT.skillToday] as number | null,
    skillTomorrow: slots[SLOT.skillTomorrow] as number | null,
    impactPotential: slots[SLOT.impactPotential] as number | null,
    priorInvestment: slots[SLOT.priorInvestment] as number | null,
    priorPipeline: slots[SLOT.priorPipeline] as number | null,
    hours: (slots[SLOT.hours] as number | null) ?? 0,
    risk: (slots[SLOT.risk] as number | null) ?? 0,
    minInvestment: slots[SLOT.minInvestment] as number | null,
    maxInvestment: slots[SLOT.maxInvestment] as number | null,
    handAnswers: handAnswersFromSlots(),
  };
}

function handAnswersFromSlots(): (boolean | null)[] {
  for (let slot = SLOT.q1; slot <= SLOT.q7; slot++) {
    if (slots[slot] !== null) return slots.slice(SLOT.q1, SLOT.q7 + 1) as (boolean | null)[];
  }
  return NO_HAND_ANSWERS;
}

function readRow(cells: readonly CellValue[], sheetRow: number, layout: RowLayout): ParsedVehicle | null {
  const { fields, columns, lowest, highest, slotOf } = layout;
  if (isBlankRow(cells, columns)) return null;
  slots.fill(null);
  let errors = NO_ISSUES;
  let warnings = NO_ISSUES;
  let failed: Set<FieldKey> | null = null;
  for (let i = 0; i < fields.length; i++) {
    const value = cells[columns[i]];
    if (value === null || value === undefined) continue;
    if (typeof value === "number" && value >= lowest[i] && value <= highest[i]) {
      // + 0 turns -0 into 0.
      slots[slotOf[i]] = value + 0;
      continue;
    }
    const field = fields[i];
    const parsed = parseFieldValue(field, value);
    if (parsed.kind === "ok") {
      slots[slotOf[i]] = parsed.value;
      if (parsed.warning !== undefined) {
        if (warnings === NO_ISSUES) warnings = [];
        warnings.push(
          problem("warning", layout.reference(sheetRow, layout.left + columns[i]), field, parsed.warning),
        );
      }
    } else if (parsed.kind === "error") {
      (failed ??= new Set<FieldKey>()).add(field);
      if (errors === NO_ISSUES) errors = [];
      errors.push(
        problem("error", layout.reference(sheetRow, layout.left + columns[i]), field, parsed.message),
      );
    }
  }
  const vehicle = new TableRow(
    sheetRow,
    layout,
    (slots[SLOT.vehicle] as string | null) ?? "",
    (slots[SLOT.channel] as string | null) ?? "",
    valuesFromSlots(),
    errors,
    warnings,
  );
  checkRequired(vehicle, layout.hasConversion, layout.hasDealSize, failed);
  return vehicle;
}

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
  const layout = rowLayout(block, mapping);
  const vehicles: ParsedVehicle[] = [];
  for (let rowIndex = 1; rowIndex < block.cells.length; rowIndex++) {
    const vehicle = readRow(block.cells[rowIndex] ?? [], block.top + rowIndex, layout);
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
  checkRequired(copy, copy.cells.conversion !== undefined, copy.cells.dealSize !== undefined, failed);
  return copy;
}
