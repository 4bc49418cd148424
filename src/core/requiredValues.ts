/**
 * SPEC 1.1's required values: Vehicle, Investment, Leads, and Pipeline or
 * both Conversion rate and Average deal size. A blank one is an error at its
 * cell, checked as a row is read and again when a scenario or a what-if
 * changes it.
 */
import { FIELD_HEADERS } from "./headers";
import type { Issue } from "./issues";
import type { FieldKey, VehicleValues } from "./model";
import { NO_ISSUES } from "./vehicleColumns";

export function problem(severity: Issue["severity"], cell: string, field: FieldKey, message: string): Issue {
  return { severity, cell, field: FIELD_HEADERS[field], message };
}

/** The "required value blank" errors, so a changed row can drop them and check again. */
const REQUIRED_ERRORS = new WeakSet<Issue>();

/** True for an error `checkRequired` made. */
export function isRequiredError(issue: Issue): boolean {
  return REQUIRED_ERRORS.has(issue);
}

/** What the required-value check reads of a row, and where it reports. */
export interface RequiredCheck {
  name: string;
  values: VehicleValues;
  /** The reference of the row's cell of `field`, or undefined when the table has no such column. */
  cellOf(field: FieldKey): string | undefined;
  /** The row's errors so far, which the check adds to. */
  errors: Issue[];
}

function required(row: RequiredCheck, field: FieldKey, blank: boolean, why: string): void {
  if (!blank) return;
  const cell = row.cellOf(field);
  if (cell === undefined) return;
  const issue = problem("error", cell, field, why);
  REQUIRED_ERRORS.add(issue);
  if (row.errors === NO_ISSUES) row.errors = [issue];
  else row.errors.push(issue);
}

/** SPEC 1.1: a required value blank is an error at its cell (at the Pipeline cell when a rate column is missing). */
export function checkRequired(
  vehicle: RequiredCheck,
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
