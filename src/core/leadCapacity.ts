/** SPEC 10.1's lead capacity: the setting it comes from, and the warning when half of it is given. */
import type { Issue } from "./issues";
import type { PlanSettings } from "./model";
import { SETTING_NAMES } from "./publicNames";

/** SPEC 10.1: Sales reps × Leads per rep, or null, with the warning when only one of them is given. */
export function leadCapacity(settings: PlanSettings): { capacity: number | null; issue: Issue | null } {
  const { salesReps, leadsPerRep } = settings;
  if (salesReps !== null && leadsPerRep !== null) return { capacity: salesReps * leadsPerRep, issue: null };
  if (salesReps === null && leadsPerRep === null) return { capacity: null, issue: null };
  const [given, missing] =
    salesReps === null
      ? [SETTING_NAMES.leadsPerRep, SETTING_NAMES.salesReps]
      : [SETTING_NAMES.salesReps, SETTING_NAMES.leadsPerRep];
  return {
    capacity: null,
    issue: {
      severity: "warning",
      cell: null,
      field: missing,
      message:
        `${given} is given but ${missing} is not, so the plan has no lead capacity: give ${missing} ` +
        `as well (the capacity is Sales reps × Leads per rep), or clear ${given}`,
    },
  };
}
