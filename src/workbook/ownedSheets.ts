/**
 * How a workbook remembers which sheets the planner made: one hidden
 * workbook-level name per output sheet, referring to that sheet's A1
 * (`VehiclePlanner_Shortlist` = `'Shortlist'!$A$1`). Excel keeps such a name
 * pointing at the sheet when the user renames or moves it, and both the
 * add-in and the file writer read and write the same names, so a rerun in
 * either face replaces only the planner's own sheets.
 */
import { quoteSheetName } from "../core/cellReference";
import type { OutputKind } from "../core/outputTable";

const NAMES: Record<OutputKind, string> = {
  shortlist: "VehiclePlanner_Shortlist",
  filter: "VehiclePlanner_VehicleFilter",
  mix: "VehiclePlanner_MediaMix",
  scenarios: "VehiclePlanner_Scenarios",
  budgetCurve: "VehiclePlanner_BudgetCurve",
  leadHealth: "VehiclePlanner_LeadHealth",
};

export function ownedSheetName(kind: OutputKind): string {
  return NAMES[kind];
}

/** The output kind a workbook name marks, or null for any other name. */
export function ownedKind(name: string): OutputKind | null {
  const found = (Object.keys(NAMES) as OutputKind[]).find(
    (kind) => NAMES[kind].toLowerCase() === name.toLowerCase(),
  );
  return found ?? null;
}

/** The formula of the marker: the sheet's A1. */
export function ownedSheetFormula(sheetName: string): string {
  return `${quoteSheetName(sheetName)}!$A$1`;
}

/** The sheet a marker's formula refers to (`='Media Mix'!$A$1` → `Media Mix`), or null when it is broken (#REF!). */
export function sheetOfFormula(formula: string): string | null {
  const match = /^=?(?:'((?:[^']|'')+)'|([^'!#]+))!\$?A\$?1$/.exec(formula.trim());
  if (!match) return null;
  return match[1] !== undefined ? match[1].replace(/''/g, "'") : match[2];
}
