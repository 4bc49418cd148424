/**
 * The engine's data model: what a parsed vehicle table, the plan settings and
 * a finished plan look like. Every face reads and renders these shapes; the
 * rules that fill them live in the files named after each SPEC section.
 */
import type { FieldKey, NumberValues } from "./fields";
import type { VehicleColumns } from "./vehicleColumns";
import type { Issue } from "./issues";
import type { LeadHealth } from "./leadHealth";

export const STAGES = ["Awareness", "Consideration", "Conversion", "Adoption", "Value", "Advocacy"] as const;
export type Stage = (typeof STAGES)[number];

export const MESSAGE_LENGTHS = ["Short", "Medium", "Long"] as const;
export type MessageLength = (typeof MESSAGE_LENGTHS)[number];

export const COMPLEXITIES = ["Simple", "Moderate", "Complex"] as const;
export type Complexity = (typeof COMPLEXITIES)[number];

/** The fields of the vehicle table (SPEC 1.1), in the order of its table: see fields.ts. */
export { FIELD_KEYS, type FieldKey } from "./fields";

/** Field → zero-based column index inside the vehicle block. */
export type ColumnMapping = Partial<Record<FieldKey, number>>;

/**
 * A hand-made change to the detected mapping (the add-in's dropdowns):
 * a column index, or null to leave the field unmatched.
 */
export type MappingOverride = Partial<Record<FieldKey, number | null>>;

/**
 * The parsed values of one row; null where the cell is blank or its column is
 * not matched (0 for the fields whose blank is 0, Hours and Risk). The numbers
 * come from the field table (fields.ts).
 */
export interface VehicleValues extends NumberValues {
  objectives: Stage[] | null;
  messageLength: MessageLength | null;
  /** Hand answers of Q1…Q7: true = Yes, false = No, null = compute it. */
  handAnswers: (boolean | null)[];
}

/**
 * One non-blank row of the vehicle table after cell-level parsing. Problems
 * that depend on the plan (duplicate names, nothing to compare by, bounds)
 * are found later, when the plan is made, because settings and scenarios
 * can change them.
 */
export interface ParsedVehicle {
  /** Sheet row number. */
  row: number;
  /** Trimmed Vehicle text ('' when blank). */
  name: string;
  /** Trimmed Channel text, or '' when blank or unmatched (then the name stands in). */
  channelText: string;
  values: VehicleValues;
  /** A1 reference (with sheet) of each matched field's cell in this row. */
  cells: Partial<Record<FieldKey, string>>;
  /** The reference of the cell a field would have in this row even when unmatched, for messages. */
  rowAnchor: string;
  /** Cell-level errors of this row (SPEC 1.1): any makes the row invalid. */
  errors: Issue[];
  /** Cell-level warnings of this row. */
  warnings: Issue[];
}

export interface VehicleTable {
  sheet: string;
  mapping: ColumnMapping;
  /** Headers as found, left to right, with the field each one matched or null. */
  headers: { column: number; text: string; field: FieldKey | null; cell: string }[];
  /** The rows as objects, made when first asked for (a face shows or changes a few). */
  vehicles: ParsedVehicle[];
  /**
   * The same rows in columns, what the engine plans from: built once, as read or
   * from `vehicles` (`tableWithVehicles`), never the two apart.
   */
  readonly columns: VehicleColumns;
  /** Table-level problems (a second column for one field, …). */
  issues: Issue[];
}

/** The plan settings of SPEC 1.2, resolved (defaults applied). */
export interface PlanSettings {
  objective: Stage;
  bandwidth: number;
  budget: number;
  pipelineGoal: number;
  messageComplexity: Complexity;
  minimumReach: number;
  minimumResonance: number;
  minimumSkill: number;
  countSkillTomorrow: boolean;
  minimumImpactShare: number;
  minimumRelativeReturn: number;
  requireTrackRecord: boolean;
  hourlyRate: number;
  returnsElasticity: number;
  floorFactor: number;
  ceilingFactor: number;
  /** SPEC 10.1; null when not given. */
  salesReps: number | null;
  /** SPEC 10.1; null when not given. */
  leadsPerRep: number | null;
  /** SPEC 10.2: hours an untouched lead may wait before it rots. */
  leadExpiry: number;
  /** SPEC 10.2: when lead health is judged (days since 1899-12-30, see dates.ts); null takes the log's latest date. */
  asOf: number | null;
}
export type SettingKey = keyof PlanSettings;

/**
 * Settings that were given (by the settings sheet, a scenario or a flag),
 * already parsed. A missing key leaves the value of the layer below; null
 * (a scenario's blank Value) sets it back to its default. Budget and
 * Pipeline goal default to sums over the valid rows, so they are resolved
 * with the plan.
 */
export type SettingValues = { [K in SettingKey]?: PlanSettings[K] | null };

export interface AttentionRow {
  /** Trimmed channel as written in the attention table. */
  channel: string;
  share: number;
}

export type Answer = "Pass" | "Fail" | "n/a";
export interface QuestionAnswer {
  answer: Answer;
  /** Plain words with the numbers: "Reach 12% is below the minimum of 20%". */
  reason: string;
}

/**
 * A valid row's seven answers (SPEC 3). A plan keeps them in its answer
 * sheet, a byte an answer, and words an answer's reason only when it is read:
 * a list of answer objects for every row was a third of a large plan.
 */
export interface RowAnswers {
  /** Question `index` + 1's word (0-based `index`). */
  answer(index: number): Answer;
  /** Question `index` + 1's answer with its reason. */
  at(index: number): QuestionAnswer;
  /** The seven answers with their reasons, in order. */
  list(): QuestionAnswer[];
}

export type Bound = "floor" | "ceiling" | "free";

/** One row of the plan, in input order; the SPEC 7 JSON fields plus what the sheets show. */
export interface PlannedVehicle {
  vehicle: string;
  channel: string;
  row: number;
  /** `Invalid input`, `Eliminated (Qk)`, `Shortlisted` or `Reserve`. */
  status: string;
  eliminatedAt: number | null;
  /** The seven answers with reasons, asked when read; null for an invalid row. */
  answers: RowAnswers | null;
  /** Why the row is invalid (each error's message, with its cell). */
  invalidReasons: string[];
  investment: number | null;
  pipeline: number | null;
  pipelinePerDollar: number | null;
  costPerLead: number | null;
  efficiency: number | null;
  /** Resource cost R = Investment + Hours × Hourly rate. */
  resourceCost: number | null;
  rank: number | null;
  recommendedInvestment: number | null;
  expectedPipeline: number | null;
  bound: Bound | null;
  marginalPer1k: number | null;
  /** SPEC 10.1 L_i(x_i); null unless shortlisted and allocated. */
  expectedLeads: number | null;
  /** SPEC 10.1 p_i = P_i / Leads_i; null for an invalid row or Leads_i = 0. */
  pipelinePerLead: number | null;
  /** SPEC 9 multiplier, or null. */
  toShortlist: number | null;
  /** The conversion rate that would reach `toShortlist`, when P comes from the conversion rate and it stays ≤ 100 %. */
  toShortlistConversion: number | null;
  /** SPEC 10.2: the vehicle's rotting rate in the lead log; null without a log or a lead in process. */
  rottingRate: number | null;
  /** The Shortlist sheet's `Why`: rank, efficiency and the allocation's reason in words. */
  why: string;
}

export interface AllocationSummary {
  budget: number;
  /** Null when no allocation was made (the floors exceed the budget). */
  allocated: number | null;
  unallocated: number | null;
  expectedPipeline: number | null;
  pipelineGoal: number;
  /** Smallest budget whose optimal allocation reaches the goal; null when out of reach. */
  budgetForGoal: number | null;
}

/** What SPEC 10.1 adds to the budget summary. */
export interface LeadSummary {
  /** Σ L_i(x_i); null when no allocation was made. */
  expectedLeads: number | null;
  /** Sales reps × Leads per rep; null without a capacity or when no allocation was made. */
  leadCapacity: number | null;
  /** min(Budget, Σ hi) − Allocated when the capacity binds, else 0; null when no allocation was made. */
  heldBackForCapacity: number | null;
  /** Expected leads / Sales reps; null without Sales reps or when no allocation was made. */
  leadsPerRep: number | null;
}

/** One row of SPEC 11's budget curve: the optimal allocation at that budget. */
export interface BudgetCurveRow {
  budget: number;
  expectedPipeline: number;
  expectedLeads: number;
  /** 1000 λ; 0 when the capacity holds money back; null when no vehicle is free. */
  marginalPer1k: number | null;
  /** Null when the budget is 0. */
  pipelinePerDollar: number | null;
  /** `Budget`, `Budget for the goal`, both joined by "; ", or null. */
  note: string | null;
}

export interface MixRow {
  channel: string;
  currentInvestment: number;
  currentShare: number | null;
  currentPipeline: number;
  pipelinePerDollar: number | null;
  recommendedInvestment: number | null;
  recommendedShare: number | null;
  expectedPipeline: number | null;
  change: number | null;
  attentionShare: number | null;
  gap: number | null;
}

export interface Plan {
  settings: PlanSettings;
  vehicles: PlannedVehicle[];
  allocation: AllocationSummary & LeadSummary;
  /** Channel rows sorted as SPEC 5 says, then the `Total` row. */
  mix: MixRow[];
  /** SPEC 11, sorted by budget; empty only when the shortlist is. */
  budgetCurve: BudgetCurveRow[];
  /** SPEC 10.2; null (or absent) without a lead log. */
  leadHealth?: LeadHealth | null;
  issues: Issue[];
}
