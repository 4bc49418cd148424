/** The words the pane says about a finished plan. */
import type { Plan } from "../core/model";
import { QUESTION_HEADERS, questionsNotAskedOfAny } from "../core/outputSheets";
import type { WrittenSheet } from "../workbook/plannerWorkbook";

/** The seven questions as the `Vehicle Filter` sheet heads them (SPEC 6). */
export const QUESTION_TITLES = QUESTION_HEADERS;

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export interface StatusCounts {
  total: number;
  shortlisted: number;
  reserve: number;
  invalid: number;
  /** Vehicles eliminated at question k + 1. */
  eliminated: number[];
}

export function statusCounts(plan: Plan): StatusCounts {
  const eliminated = QUESTION_TITLES.map(() => 0);
  let shortlisted = 0;
  let reserve = 0;
  let invalid = 0;
  for (const vehicle of plan.vehicles) {
    if (vehicle.eliminatedAt !== null) eliminated[vehicle.eliminatedAt - 1] += 1;
    else if (vehicle.status === "Shortlisted") shortlisted += 1;
    else if (vehicle.status === "Reserve") reserve += 1;
    else if (vehicle.status === "Invalid input") invalid += 1;
  }
  return { total: plan.vehicles.length, shortlisted, reserve, invalid, eliminated };
}

/**
 * "Q1 Objective fit: No Objectives given" for each question that is n/a for
 * every vehicle with one reason: the `Reasons` column leaves those out.
 */
export function notAskedOfAnyLines(plan: Plan): string[] {
  return questionsNotAskedOfAny(plan.vehicles).map(({ question, reason }) => `${question}: ${reason}`);
}

/** "Planned 24 vehicles: 5 shortlisted. Wrote Shortlist, Vehicle Filter, Media Mix." and any notes. */
export function plannedMessage(plan: Plan, written: WrittenSheet[]): string {
  const counts = statusCounts(plan);
  const parts = [`Planned ${plural(counts.total, "vehicle")}: ${counts.shortlisted} shortlisted.`];
  if (counts.invalid > 0) parts.push(`${plural(counts.invalid, "row")} with invalid input.`);
  if (written.length > 0) parts.push(`Wrote ${written.map((sheet) => sheet.sheetName).join(", ")}.`);
  for (const sheet of written) if (sheet.note) parts.push(sheet.note);
  return parts.join(" ");
}
