/** An `info` is a note on what the planner did with the input (a `Total` row skipped); it needs no fix. */
export type Severity = "error" | "warning" | "info";

/**
 * One problem found in the user's input, as the JSON of SPEC 7 shows it.
 * `cell` is an A1 reference with its sheet (`Vehicles!C7`), or null when the
 * problem belongs to no cell (a budget the shortlist cannot absorb).
 * `field` is the field's header (`Investment`), or the setting's name
 * (`Budget`, `Pipeline goal`), or the column of an attention or scenario table.
 */
export interface Issue {
  readonly severity: Severity;
  readonly cell: string | null;
  readonly field: string;
  readonly message: string;
}
