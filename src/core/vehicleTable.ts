/**
 * SPEC 1.1 the vehicle table: match the header row, then read each non-blank
 * row into parsed values with the cell-level problems (errors make the row
 * invalid; warnings are reported and the row is planned).
 */
import type { CellBlock, CellValue } from "./cells";
import { cellReferenceMaker } from "./cellReference";
import { FIELD_HEADERS, headerText, matchHeaders, mappingIsComplete, normaliseHeader } from "./headers";
import type { Issue } from "./issues";
import { FIELD_STORES, type FieldTarget } from "./fieldStores";
import { quotedHeaders, REQUIRED_HEADERS } from "./messages";
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
import { FIELD_PARSERS, type Parsed } from "./values";
import { checkRequired, problem, type RequiredCheck } from "./requiredValues";
import {
  NO_HAND_ANSWERS,
  NO_ISSUES,
  isNumberAsIs,
  NUMBER_FIELDS,
  numberSlot,
  ValuesCursor,
  VehicleColumns,
  type CellLocator,
} from "./vehicleColumns";

/** Trimmed and lower-cased: how vehicle names are compared (duplicates, scenarios). */
export function normalisedName(name: string): string {
  return name.trim().toLowerCase();
}

function isBlankCell(value: CellValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** Parses a cell of one column and, when it reads, stores the value in the row being read. */
type CellReader = (value: CellValue, row: FieldTarget) => Parsed<unknown>;

/** The reader of a column of `field`: its parser and its store, chosen once for the column. */
function cellReader<K extends FieldKey>(field: K): CellReader {
  const parse = FIELD_PARSERS[field];
  const store = FIELD_STORES[field];
  return (value, row) => {
    const parsed = parse(value);
    if (parsed.kind === "ok") store(row, parsed.value);
    return parsed;
  };
}

/**
 * Where a table's matched columns are, as parallel arrays indexed by matched
 * column so the row loop does no lookups and makes no closures.
 */
interface RowLayout {
  fields: readonly FieldKey[];
  columns: readonly number[];
  readers: readonly CellReader[];
  /** Each matched column's slot in `VehicleColumns.numbers`, or -1 for a field not held as a number. */
  numberSlots: readonly number[];
  mapping: ColumnMapping;
  /** Each number slot's column in the block's rows, or -1 when the table has none. */
  cellColumnOfSlot: Int32Array;
  hasConversion: boolean;
  hasDealSize: boolean;
  left: number;
  reference: (row: number, col: number) => string;
}

function rowLayout(block: CellBlock, mapping: ColumnMapping): RowLayout {
  const fields: FieldKey[] = [];
  const columns: number[] = [];
  for (const field of FIELD_KEYS) {
    const column = mapping[field];
    if (column === undefined) continue;
    fields.push(field);
    columns.push(column);
  }
  return {
    fields,
    columns,
    readers: fields.map((field) => cellReader(field)),
    numberSlots: fields.map((field) => numberSlot(field) ?? -1),
    mapping,
    cellColumnOfSlot: Int32Array.from(NUMBER_FIELDS, (field) => mapping[field] ?? -1),
    hasConversion: mapping.conversion !== undefined,
    hasDealSize: mapping.dealSize !== undefined,
    left: block.left,
    reference: cellReferenceMaker(block.sheet),
  };
}

/** The reference of sheet row `row`'s cell of `field`, or undefined when the table has no such column. */
function layoutCell(layout: RowLayout, row: number, field: FieldKey): string | undefined {
  const column = layout.mapping[field];
  return column === undefined ? undefined : layout.reference(row, layout.left + column);
}

/**
 * A row made from the columns for a face, whose cell references are made
 * only when read: most rows never need them, and 27 strings a row would cost
 * more than the row.
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

/** The row as a plain object: a row read from the sheet is a class whose getters a spread would lose. */
export function plainVehicle(vehicle: ParsedVehicle): ParsedVehicle {
  return vehicle instanceof TableRow ? vehicle.toPlain() : vehicle;
}

function isBlankRow(cells: readonly CellValue[], columns: readonly number[]): boolean {
  for (let i = 0; i < columns.length; i++) if (!isBlankCell(cells[columns[i]])) return false;
  return true;
}

/**
 * The row being read: its text fields and problems, gathered column by
 * column before they go into the columns. One of these serves every row.
 */
class RowBeingRead implements RequiredCheck, FieldTarget {
  name = "";
  channelText = "";
  objectives: Stage[] | null = null;
  messageLength: MessageLength | null = null;
  handAnswers: (boolean | null)[] = NO_HAND_ANSWERS;
  errors: Issue[] = NO_ISSUES;
  warnings: Issue[] = NO_ISSUES;
  failed: Set<FieldKey> | null = null;
  sheetRow = 0;

  constructor(
    private readonly layout: RowLayout,
    private readonly table: VehicleColumns,
    readonly values: ValuesCursor,
  ) {}

  start(sheetRow: number, index: number): void {
    this.sheetRow = sheetRow;
    this.values.index = index;
    this.name = "";
    this.channelText = "";
    this.objectives = null;
    this.messageLength = null;
    this.handAnswers = NO_HAND_ANSWERS;
    this.errors = NO_ISSUES;
    this.warnings = NO_ISSUES;
    this.failed = null;
  }

  cellOf(field: FieldKey): string | undefined {
    return layoutCell(this.layout, this.sheetRow, field);
  }

  setName(name: string): void {
    this.name = name;
  }

  setChannel(channel: string): void {
    this.channelText = channel;
  }

  setObjectives(stages: Stage[] | null): void {
    this.objectives = stages;
  }

  setMessageLength(length: MessageLength | null): void {
    this.messageLength = length;
  }

  setHandAnswer(question: number, answer: boolean | null): void {
    if (this.handAnswers === NO_HAND_ANSWERS) this.handAnswers = NO_HAND_ANSWERS.slice();
    this.handAnswers[question - 1] = answer;
  }

  setNumber(slot: number, value: number | null): void {
    if (value !== null) this.table.setParsedNumber(this.values.index, slot, value);
  }
}

function readRow(
  cells: readonly CellValue[],
  sheetRow: number,
  layout: RowLayout,
  table: VehicleColumns,
  row: RowBeingRead,
): void {
  const { fields, columns, readers, numberSlots } = layout;
  if (isBlankRow(cells, columns)) return;
  const index = table.count++;
  table.rows[index] = sheetRow;
  table.cellRows[index] = cells;
  row.start(sheetRow, index);
  for (let i = 0; i < fields.length; i++) {
    const value = cells[columns[i]];
    if (value === null || value === undefined) continue;
    const slot = numberSlots[i];
    // The columns read such a number from the cell itself.
    if (slot >= 0 && isNumberAsIs(value, slot)) continue;
    const field = fields[i];
    const parsed = readers[i](value, row);
    if (parsed.kind === "ok") {
      if (parsed.warning !== undefined) {
        if (row.warnings === NO_ISSUES) row.warnings = [];
        row.warnings.push(
          problem("warning", layout.reference(sheetRow, layout.left + columns[i]), field, parsed.warning),
        );
      }
    } else if (parsed.kind === "error") {
      (row.failed ??= new Set<FieldKey>()).add(field);
      if (row.errors === NO_ISSUES) row.errors = [];
      row.errors.push(
        problem("error", layout.reference(sheetRow, layout.left + columns[i]), field, parsed.message),
      );
    }
  }
  checkRequired(row, layout.hasConversion, layout.hasDealSize, row.failed);
  table.setRow(index, row, row);
}

const TOTAL_LABELS: ReadonlySet<string> = new Set(["total", "totals", "grandtotal"]);

/**
 * Issue 17.9: the table's last non-blank row, when it is a `Total` row (its
 * Vehicle cell, or with that blank its first cell with anything in it, reads
 * Total, Totals or Grand total in any case): its index in the block and the
 * note that says it was skipped.
 */
function totalRow(block: CellBlock, layout: RowLayout): { index: number; note: Issue } | null {
  let index = block.cells.length - 1;
  while (index > 0 && isBlankRow(block.cells[index] ?? [], layout.columns)) index--;
  if (index < 1) return null;
  const cells = block.cells[index] ?? [];
  const vehicleColumn = layout.mapping.vehicle as number;
  const labelColumn = isBlankCell(cells[vehicleColumn])
    ? cells.findIndex((cell) => !isBlankCell(cell))
    : vehicleColumn;
  const label = labelColumn < 0 ? "" : headerText(cells[labelColumn]);
  if (!TOTAL_LABELS.has(normaliseHeader(label))) return null;
  const cell = layout.reference(block.top + index, layout.left + labelColumn);
  const message = `"${label}" is read as the table's total row and skipped: it is not a vehicle, so it is not checked or planned.`;
  return { index, note: { severity: "info", cell, field: FIELD_HEADERS.vehicle, message } };
}

/**
 * The table with its rows replaced by `vehicles` (a scenario's or a
 * what-if's changed rows), and its columns built again from them.
 */
export function tableWithVehicles(table: VehicleTable, vehicles: ParsedVehicle[]): VehicleTable {
  return {
    sheet: table.sheet,
    mapping: table.mapping,
    headers: table.headers,
    vehicles,
    columns: VehicleColumns.fromVehicles(vehicles),
    issues: table.issues,
  };
}

/**
 * Where the rows read with `layout` into `columns()` are, and their row
 * objects, made when first asked for.
 */
function readLocator(
  layout: RowLayout,
  columns: () => VehicleColumns,
): CellLocator & { vehicles(): ParsedVehicle[] } {
  let made: ParsedVehicle[] | null = null;
  const rowAt = (index: number): ParsedVehicle => {
    const table = columns();
    return new TableRow(
      table.rows[index],
      layout,
      table.names[index],
      table.channelTexts[index],
      table.valuesAt(index),
      table.errors(index),
      table.warnings(index),
    );
  };
  return {
    cellOf: (index, field) => layoutCell(layout, columns().rows[index], field),
    anchorOf: (index) => layout.reference(columns().rows[index], layout.left),
    vehicleAt: (index) => made?.[index] ?? rowAt(index),
    vehicles: () => (made ??= Array.from({ length: columns().count }, (_, index) => rowAt(index))),
  };
}

/**
 * Reads the vehicle table whose header row is the block's first row. Fails,
 * naming the headers found and the ones expected, when that row does not match.
 * The table reads its plain numbers from the block's rows when asked for, so
 * the block must not be changed afterwards.
 */
export function readVehicleTable(block: CellBlock, override?: MappingOverride): Outcome<VehicleTable> {
  const { mapping, headers, issues } = matchHeaders(block, override);
  const found = new Set(FIELD_KEYS.filter((field) => mapping[field] !== undefined));
  if (!mappingIsComplete(found)) {
    return failure(
      `No vehicle table found on ${block.sheet}: its header row has ${quotedHeaders(block.cells[0] ?? [])}; a vehicle table needs the headers ${REQUIRED_HEADERS}.`,
      issues,
    );
  }
  const layout = rowLayout(block, mapping);
  // The locator reads the columns it is part of once they are filled.
  const locator = readLocator(layout, () => columns);
  const columns = new VehicleColumns(Math.max(block.cells.length - 1, 0), locator, layout.cellColumnOfSlot);
  const row = new RowBeingRead(layout, columns, new ValuesCursor(columns));
  const total = totalRow(block, layout);
  if (total) issues.push(total.note);
  const end = total ? total.index : block.cells.length;
  for (let rowIndex = 1; rowIndex < end; rowIndex++) {
    readRow(block.cells[rowIndex] ?? [], block.top + rowIndex, layout, columns, row);
  }
  const table: VehicleTable = {
    sheet: block.sheet,
    mapping,
    headers,
    get vehicles() {
      return locator.vehicles();
    },
    columns,
    issues,
  };
  return success(table);
}
