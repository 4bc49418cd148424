/**
 * A row changed by a scenario or the what-if panel (SPEC 8): one field set
 * anew, its problems and the required values checked again.
 */
import { FIELD_STORES, type FieldTarget } from "./fieldStores";
import type { FieldValues } from "./fields";
import { FIELD_HEADERS } from "./headers";
import { FIELD_KEYS, type FieldKey, type ParsedVehicle } from "./model";
import { checkRequired, isRequiredError, problem, type RequiredCheck } from "./requiredValues";
import type { Parsed } from "./values";
import { setNumberValue } from "./vehicleColumns";
import { plainVehicle } from "./vehicleTable";

/** The row object as a place to store parsed values. */
function changedRow(vehicle: ParsedVehicle): FieldTarget {
  const { values } = vehicle;
  return {
    setName: (name) => {
      vehicle.name = name;
    },
    setChannel: (channel) => {
      vehicle.channelText = channel;
    },
    setObjectives: (stages) => {
      values.objectives = stages;
    },
    setMessageLength: (length) => {
      values.messageLength = length;
    },
    setHandAnswer: (question, answer) => {
      values.handAnswers[question - 1] = answer;
    },
    setNumber: (slot, value) => setNumberValue(values, slot, value),
  };
}

/**
 * A copy of the row with one field set (a scenario's change, the what-if
 * panel): the field's earlier problems are dropped and the new value's added,
 * and the required values are checked again (a Conversion rate given where the
 * table has no such column can make a blank Pipeline computable; a cleared
 * Investment is missing).
 */
export function setVehicleField<K extends FieldKey>(
  vehicle: ParsedVehicle,
  field: K,
  parsed: Parsed<FieldValues[K]>,
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
  // A blank or a value that does not parse clears the field (Hours and Risk to 0).
  FIELD_STORES[field](changedRow(copy), parsed.kind === "ok" ? parsed.value : null);
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
