/**
 * The SPEC's public names (its code font): the sheets and tables the planner
 * reads and writes, and the plan settings. Users, their formulas and their
 * scripts rely on them, so each is written here once and every face and the
 * engine take it from here. Add names; never rename one.
 */
import type { SettingKey } from "./model";
import type { OutputKind } from "./outputTable";

/** SPEC 1.2: the plan settings' sheet, its table and the table's headers. */
export const SETTINGS_SHEET = "Planner Settings";
export const SETTINGS_TABLE = "tblPlannerSettings";
export const SETTINGS_HEADERS = ["Setting", "Value"];

/** SPEC 8: the saved scenarios' sheet, its table and the table's headers. */
export const SCENARIO_SHEET = "Planner Scenarios";
export const SCENARIO_TABLE = "tblPlannerScenarios";
export const SCENARIO_HEADERS = ["Scenario", "Vehicle", "Field", "Value"];
/** SPEC 8: the plan without a scenario, as `compare` names it. */
export const BASE_SCENARIO = "Base";

/** SPEC 5: the attention table's sheet, read when the workbook has one. */
export const ATTENTION_SHEET = "Audience Attention";
/** SPEC 10.2: the lead log's sheet, read when the workbook has one. */
export const LEAD_LOG_SHEET = "Lead Log";

/** SPEC 6, 8, 10.2 and 11: the sheet each output is written to. */
export const OUTPUT_SHEETS: Readonly<Record<OutputKind, string>> = {
  shortlist: "Shortlist",
  filter: "Vehicle Filter",
  mix: "Media Mix",
  scenarios: "Scenarios",
  budgetCurve: "Budget Curve",
  leadHealth: "Lead Health",
};

/** The table each output sheet holds; `Lead Health` holds a second one, `tblLeadHealthByRep`. */
export const OUTPUT_TABLES: Readonly<Record<OutputKind, string>> = {
  shortlist: "tblShortlist",
  filter: "tblVehicleFilter",
  mix: "tblMediaMix",
  scenarios: "tblScenarios",
  budgetCurve: "tblBudgetCurve",
  leadHealth: "tblLeadHealthByVehicle",
};
export const LEAD_HEALTH_BY_REP_TABLE = "tblLeadHealthByRep";

/** SPEC 1.2 and 10.1: the name of each plan setting, as the settings table, the pane and messages give it. */
export const SETTING_NAMES: Readonly<Record<SettingKey, string>> = {
  objective: "Objective",
  bandwidth: "Bandwidth",
  budget: "Budget",
  pipelineGoal: "Pipeline goal",
  messageComplexity: "Message complexity",
  minimumReach: "Minimum reach",
  minimumResonance: "Minimum resonance",
  minimumSkill: "Minimum skill",
  countSkillTomorrow: "Count skill tomorrow",
  minimumImpactShare: "Minimum impact share",
  minimumRelativeReturn: "Minimum relative return",
  requireTrackRecord: "Require track record",
  hourlyRate: "Hourly rate",
  returnsElasticity: "Returns elasticity",
  floorFactor: "Floor factor",
  ceilingFactor: "Ceiling factor",
  salesReps: "Sales reps",
  leadsPerRep: "Leads per rep",
  leadExpiry: "Lead expiry",
  asOf: "As of",
};

/** SPEC 5 and 10.2: the label of the last row of the media mix and of both lead health tables. */
export const TOTAL_ROW = "Total";
