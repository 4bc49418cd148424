/**
 * SPEC 1.1's row checks that need the whole table or the plan's settings:
 * a name used again, a value a scenario cleared, bounds that cross (lo > hi),
 * metrics too large to compute. (Cell-level checks are the parsers', in
 * vehicleTable.ts.)
 */
import { investmentBounds } from "./allocation";
import { FIELD_HEADERS } from "./headers";
import type { Issue } from "./issues";
import { basePipeline, efficiencyOf, resourceCost } from "./metrics";
import type { FieldKey, PlanSettings, VehicleValues } from "./model";
import { formatMoney, formatPlain } from "./numberText";
import type { VehicleColumns } from "./vehicleColumns";
import { normalisedName } from "./vehicleTable";

function rowError(columns: VehicleColumns, index: number, field: FieldKey, message: string): Issue {
  return { severity: "error", cell: columns.problemCell(index, field), field: FIELD_HEADERS[field], message };
}

/** FNV-1a over the characters of `text`, upper-case ASCII letters read as lower-case; 30 bits, a small integer. */
function foldedHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    if (code >= 65 && code <= 90) code += 32;
    hash = Math.imul(hash ^ code, 0x01000193);
  }
  return hash & 0x3fffffff;
}

const PLAIN_ASCII = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

/**
 * A number for the match key of `name` (trimmed, lower-cased), had without
 * making that key when the name is plain ASCII with nothing to trim, the
 * usual kind: for 100,000 names the keys would be 100,000 strings kept until
 * every name is checked.
 */
function matchKeyHash(name: string): number {
  return foldedHash(PLAIN_ASCII.test(name) ? name : normalisedName(name));
}

/**
 * SPEC 1.1: every row after the first with a name already used (trimmed,
 * case-insensitive) is invalid. Names are told apart by `matchKeyHash` in a
 * table of row indices made once at full size (a Map of 100,000 names grows
 * by copies, each fresh memory); only names that share a hash are compared
 * by their match keys.
 */
export function duplicateNameErrors(columns: VehicleColumns): Map<number, Issue> {
  let size = 1024;
  while (size < columns.count * 2) size *= 2;
  const mask = size - 1;
  // Each slot holds a row index + 1 (0: empty): the first row of its hash.
  const firstOfHash = new Int32Array(size);
  const hashes = new Int32Array(size);
  const firstRowByKey = new Map<string, number>();
  const errors = new Map<number, Issue>();
  for (let index = 0; index < columns.count; index++) {
    const name = columns.names[index];
    if (name === "") continue;
    const hash = matchKeyHash(name);
    let slot = hash & mask;
    while (firstOfHash[slot] !== 0 && hashes[slot] !== hash) slot = (slot + 1) & mask;
    if (firstOfHash[slot] === 0) {
      firstOfHash[slot] = index + 1;
      hashes[slot] = hash;
      continue;
    }
    const first = firstOfHash[slot] - 1;
    const firstKey = normalisedName(columns.names[first]);
    if (!firstRowByKey.has(firstKey)) firstRowByKey.set(firstKey, columns.rows[first]);
    const key = normalisedName(name);
    const firstRow = firstRowByKey.get(key);
    if (firstRow === undefined) firstRowByKey.set(key, columns.rows[index]);
    else {
      const message = `"${name}" is used again (first in row ${firstRow}): give each vehicle its own name`;
      errors.set(index, rowError(columns, index, "vehicle", message));
    }
  }
  return errors;
}

/** A value the plan cannot do without, should a scenario have cleared one the table required. */
function missingValueError(columns: VehicleColumns, index: number, field: FieldKey): Issue {
  return rowError(
    columns,
    index,
    field,
    `${FIELD_HEADERS[field]} is blank: the vehicle cannot be planned without it`,
  );
}

function boundsError(
  columns: VehicleColumns,
  index: number,
  values: VehicleValues,
  settings: PlanSettings,
): Issue | null {
  const { investment, minInvestment, maxInvestment } = values;
  const current = investment ?? 0;
  const { lo, hi } = investmentBounds(current, minInvestment, maxInvestment, settings);
  if (!(lo > hi)) return null;
  const ofInvestment = `× Investment ${formatMoney(current)}`;
  if (minInvestment !== null) {
    const ceiling =
      maxInvestment !== null
        ? "Max investment"
        : `Ceiling factor ${formatPlain(settings.ceilingFactor)} ${ofInvestment}`;
    const message =
      `Min investment ${formatMoney(lo)} is above the highest investment allowed, ${formatMoney(hi)} ` +
      `(${ceiling}): lower Min investment or raise ${maxInvestment !== null ? "Max investment" : "the ceiling"}`;
    return rowError(columns, index, "minInvestment", message);
  }
  const message =
    `Max investment ${formatMoney(hi)} is below the lowest investment allowed, ${formatMoney(lo)} ` +
    `(Floor factor ${formatPlain(settings.floorFactor)} ${ofInvestment}): raise Max investment or give a lower Min investment`;
  return rowError(columns, index, "maxInvestment", message);
}

/** The plan-level error that makes row `index` (whose values are `values` and which has no cell error) invalid, or null. */
export function checkRow(
  columns: VehicleColumns,
  index: number,
  values: VehicleValues,
  settings: PlanSettings,
): Issue | null {
  if (values.investment === null) return missingValueError(columns, index, "investment");
  if (values.leads === null) return missingValueError(columns, index, "leads");
  const pipeline = basePipeline(values);
  if (pipeline === null) return missingValueError(columns, index, "pipeline");
  const cost = resourceCost(values, settings.hourlyRate);
  if (cost === 0) {
    const message =
      "Investment and Hours × Hourly rate are both zero, so there is nothing to compare this vehicle by: " +
      "give its Investment or its team Hours";
    return rowError(columns, index, "investment", message);
  }
  if (!Number.isFinite(pipeline)) {
    const message = "the pipeline (Leads × Conversion rate × Average deal size) is too large to compute";
    return rowError(columns, index, values.pipeline === null ? "leads" : "pipeline", message);
  }
  if (efficiencyOf(values, settings.hourlyRate, pipeline) === null || !Number.isFinite(cost)) {
    return rowError(columns, index, "investment", "the investment is too large to compute");
  }
  return boundsError(columns, index, values, settings);
}
