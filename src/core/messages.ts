/**
 * Messages that more than one place gives, each worded here once so the
 * engine, the task pane and the command line say the same thing the same way.
 */
import type { CellValue } from "./cells";
import { FIELD_HEADERS, headerText } from "./headers";
import { SCENARIO_SHEET } from "./publicNames";

const { vehicle, investment, leads, pipeline, conversion, dealSize } = FIELD_HEADERS;

/** SPEC 1.1: the headers a vehicle table cannot do without. */
export const REQUIRED_HEADERS = `${vehicle}, ${investment}, ${leads}, and ${pipeline} or both ${conversion} and ${dealSize}`;

/** "A", "A and B", "A, B and C". */
export function listWithAnd(items: readonly (string | number)[]): string {
  return items.length <= 1
    ? items.join("")
    : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The non-blank headers of a row, quoted: `"Name", "Cost"`, or `no headers`. */
export function quotedHeaders(row: readonly CellValue[]): string {
  const texts = row.map(headerText).filter((text) => text !== "");
  return texts.length ? texts.map((text) => `"${text}"`).join(", ") : "no headers";
}

/** `The lead log Leads needs the headers Vehicle, Owner and Handed off in its first row`. */
export function needsHeaders(table: string, headers: readonly string[]): string {
  return `${table} needs the headers ${listWithAnd(headers)} in its first row`;
}

/** SPEC 1.1: a second column whose header matches a field that an earlier column already gave. */
export function columnUsedTwice(text: string, header: string, usedText: string): string {
  return `"${text}" also matches ${header}; the column "${usedText}" to its left is used and this one is ignored. Rename one of them to use the other.`;
}

/** SPEC 8: a scenario asked for by a name the scenario table does not hold. */
export function noScenarioNamed(name: string, known: readonly string[]): string {
  return `There is no scenario named "${name}" in ${SCENARIO_SHEET}${known.length ? ` (it has ${known.join(", ")})` : ""}.`;
}

/** SPEC 1.1 and 10.2: an Excel error value in a cell the planner reads; `fix` says what to type instead. */
export function excelErrorInCell(error: string, fix: string): string {
  return `the cell holds the Excel error ${error}: fix the formula or ${fix}`;
}

/** A write the user cancelled left the workbook untouched. */
export const WRITE_CANCELLED = "Writing was cancelled; the workbook is as it was.";

/** The workbook could not be read; `detail` is what the host said. */
export function readFailed(detail: string): string {
  return `Could not read the workbook: ${detail}`;
}
