/**
 * SPEC 1.1 the vehicle table: match the header row, then read each non-blank
 * row into parsed values with the cell-level problems (errors make the row
 * invalid; warnings are reported and the row is planned).
 */
import type { CellBlock, CellValue } from "./cells";
import { cellReference } from "./cellReference";
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

function required(vehicle: ParsedVehicle, field: FieldKey, blank: boolean, why: string): void {
  const cell = vehicle.cells[field];
  if (blank && cell !== undefined) vehicle.errors.push(problem("error", cell, field, why));
}

/** SPEC 1.1: a required value blank is an error at its cell (at the Pipeline cell when a rate column is missing). */
function checkRequired(vehicle: ParsedVehicle, failed: ReadonlySet<FieldKey>): void {
  const { values, cells } = vehicle;
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
  if (cells.conversion === undefined || cells.dealSize === undefined) {
    const missing = [
      cells.conversion === undefined ? "Conversion rate" : null,
      cells.dealSize === undefined ? "Average deal size" : null,
    ]
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

function readRow(
  block: CellBlock,
  rowIndex: number,
  columns: readonly [FieldKey, number][],
): ParsedVehicle | null {
  const cells = block.cells[rowIndex];
  if (columns.every(([, column]) => isBlankCell(cells[column]))) return null;
  const row = block.top + rowIndex;
  const vehicle: ParsedVehicle = {
    row,
    name: "",
    channelText: "",
    values: emptyValues(),
    cells: {},
    rowAnchor: cellReference(block.sheet, row, block.left),
    errors: [],
    warnings: [],
  };
  const failed = new Set<FieldKey>();
  for (const [field, column] of columns) {
    const cell = cellReference(block.sheet, row, block.left + column);
    vehicle.cells[field] = cell;
    const parsed = parseFieldValue(field, cells[column] ?? null);
    if (parsed.kind === "error") {
      failed.add(field);
      vehicle.errors.push(problem("error", cell, field, parsed.message));
    } else if (parsed.kind === "ok" && parsed.warning !== undefined) {
      vehicle.warnings.push(problem("warning", cell, field, parsed.warning));
    }
    assign(vehicle, field, parsed);
  }
  checkRequired(vehicle, failed);
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
  const columns = FIELD_KEYS.filter((field) => mapping[field] !== undefined).map(
    (field) => [field, mapping[field] as number] as [FieldKey, number],
  );
  const vehicles: ParsedVehicle[] = [];
  for (let rowIndex = 1; rowIndex < block.cells.length; rowIndex++) {
    const vehicle = readRow(block, rowIndex, columns);
    if (vehicle) vehicles.push(vehicle);
  }
  return success({ sheet: block.sheet, mapping, headers, vehicles, issues });
}

/**
 * A copy of the row with one field set (a scenario's change, the what-if
 * panel): the field's earlier problems are dropped and the new value's added.
 */
export function setVehicleField(
  vehicle: ParsedVehicle,
  field: FieldKey,
  parsed: Parsed<FieldValue>,
  cell: string,
): ParsedVehicle {
  const header = FIELD_HEADERS[field];
  const copy: ParsedVehicle = {
    ...vehicle,
    values: { ...vehicle.values, handAnswers: [...vehicle.values.handAnswers] },
    cells: { ...vehicle.cells, [field]: vehicle.cells[field] ?? cell },
    errors: vehicle.errors.filter((issue) => issue.field !== header),
    warnings: vehicle.warnings.filter((issue) => issue.field !== header),
  };
  if (parsed.kind === "error") copy.errors.push(problem("error", cell, field, parsed.message));
  if (parsed.kind === "ok" && parsed.warning !== undefined)
    copy.warnings.push(problem("warning", cell, field, parsed.warning));
  assign(copy, field, parsed);
  return copy;
}
