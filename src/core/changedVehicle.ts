/**
 * A row changed by a scenario or the what-if panel (SPEC 8): one field set
 * anew, its problems and the required values checked again.
 */
import { FIELD_HEADERS } from "./headers";
import { FIELD_KEYS, type FieldKey, type MessageLength, type ParsedVehicle, type Stage } from "./model";
import { checkRequired, isRequiredError, problem, type RequiredCheck } from "./requiredValues";
import type { FieldValue, Parsed } from "./values";
import { plainVehicle } from "./vehicleTable";

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
  const plain = plainVehicle(vehicle);
  const copy: ParsedVehicle = {
    ...plain,
    values: { ...vehicle.values, handAnswers: [...vehicle.values.handAnswers] },
    cells: { ...vehicle.cells, [field]: vehicle.cells[field] ?? cell },
    errors: vehicle.errors.filter((issue) => issue.field !== header && !isRequiredError(issue)),
    warnings: vehicle.warnings.filter((issue) => issue.field !== header),
  };
  if (parsed.kind === "error") copy.errors.push(problem("error", cell, field, parsed.message));
  if (parsed.kind === "ok" && parsed.warning !== undefined)
    copy.warnings.push(problem("warning", cell, field, parsed.warning));
  assign(copy, field, parsed);
  const failed = new Set(
    FIELD_KEYS.filter((key) => copy.errors.some((issue) => issue.field === FIELD_HEADERS[key])),
  );
  const check: RequiredCheck = {
    name: copy.name,
    values: copy.values,
    cellOf: (key) => copy.cells[key],
    errors: copy.errors,
  };
  checkRequired(check, copy.cells.conversion !== undefined, copy.cells.dealSize !== undefined, failed);
  copy.errors = check.errors;
  return copy;
}
