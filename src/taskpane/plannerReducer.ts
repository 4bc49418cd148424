/**
 * The pane's state and every change to it, as a pure reducer: each action
 * says what happened (a source loaded, a setting typed, a plan finished) and
 * the reducer alone decides what the pane then shows, so it is tested
 * without React or a workbook (test/taskpane/plannerReducer.test.ts).
 */
import type { CellBlock } from "../core/cells";
import type { HeaderMatch } from "../core/headers";
import type { Issue } from "../core/issues";
import type { MappingOverride, Plan, SettingKey } from "../core/model";
import type { PlanInputs } from "../core/plan";
import type { ScenarioComparison } from "../core/scenarios";
import type { PlannerWorkbook, SourceCandidate, SourceRef, WrittenSheet } from "../workbook/plannerWorkbook";
import type { PlanStep, RunResult, UnwrittenPlan } from "./planRun";
import type { SavedScenario } from "./savedScenarios";
import type { SettingTexts } from "./settingsForm";

export type StatusIntent = "success" | "info" | "warning" | "error";
export interface Status {
  intent: StatusIntent;
  text: string;
}

export type HeaderInfo = HeaderMatch["headers"][number];

export interface Progress {
  step: PlanStep | "Opening the workbook";
  fraction: number;
  cancelling: boolean;
}

export interface PlanResult {
  plan: Plan;
  /** The inputs the plan was made from, so what-if changes replan without reading the workbook again. */
  inputs: PlanInputs;
  written: WrittenSheet[];
}

/** What Compare scenarios did, shown beside its button: the `Scenarios` rows when it worked. */
export interface CompareReport {
  status: Status;
  comparisons: ScenarioComparison[];
}

export interface PlannerState {
  workbook: PlannerWorkbook | null;
  /** The opened file's name (browser only). */
  fileName: string | null;
  sources: SourceCandidate[];
  source: SourceRef | null;
  sourceBlock: CellBlock | null;
  /**
   * The sheet row of the vehicle table's header row in `sourceBlock`: found
   * (a title may sit above it) or chosen by the user; null while several rows
   * could be it and the user has not said which.
   */
  headerRow: number | null;
  headerMatch: HeaderMatch | null;
  mapping: MappingOverride;
  attention: SourceRef | null;
  /** SPEC 10.2 the lead log, preselected like the attention table. */
  leads: SourceRef | null;
  /** The user picked the lead log (rather than its being preselected): without its headers nothing is planned. */
  leadsChosen: boolean;
  settings: SettingTexts;
  sheetSettings: SettingTexts;
  changedSettings: ReadonlySet<SettingKey>;
  progress: Progress | null;
  result: PlanResult | null;
  problems: Issue[];
  status: Status | null;
  /** Excel: replan (debounced) when the vehicle table is edited. */
  replanOnChange: boolean;
  /** A finished plan whose write failed: shown, and written again by `writeAgain` without replanning. */
  unwritten: UnwrittenPlan | null;
  /** SPEC 8 the scenarios saved in `Planner Scenarios`, read when the workbook loads and after each save or delete. */
  scenarios: SavedScenario[];
}

export const INITIAL_STATE: PlannerState = {
  workbook: null,
  fileName: null,
  sources: [],
  source: null,
  sourceBlock: null,
  headerRow: null,
  headerMatch: null,
  mapping: {},
  attention: null,
  leads: null,
  leadsChosen: false,
  settings: {},
  sheetSettings: {},
  changedSettings: new Set(),
  progress: null,
  result: null,
  problems: [],
  status: null,
  replanOnChange: false,
  unwritten: null,
  scenarios: [],
};

/** What happened; the reducer turns each into what the pane shows. */
export type PlannerAction =
  | { type: "said"; status: Status }
  | {
      type: "workbookLoaded";
      workbook: PlannerWorkbook;
      fileName: string | null;
      sources: SourceCandidate[];
      attention: SourceRef | null;
      leads: SourceRef | null;
      settings: SettingTexts;
      scenarios: SavedScenario[];
    }
  | {
      type: "sourceLoaded";
      source: SourceRef;
      block: CellBlock;
      headerRow: number | null;
      mapping: MappingOverride;
      headerMatch: HeaderMatch | null;
      /** The selection as a source the list offers, when the source is the selection. */
      selection: SourceCandidate | null;
    }
  | { type: "sourceEdited"; block: CellBlock; headerRow: number | null; headerMatch: HeaderMatch | null }
  | { type: "sourcesListed"; sources: SourceCandidate[] }
  | { type: "sourceGone"; sources: SourceCandidate[] }
  | { type: "headerRowChosen"; row: number; mapping: MappingOverride; headerMatch: HeaderMatch }
  | { type: "mappingSet"; mapping: MappingOverride; headerMatch: HeaderMatch }
  | { type: "attentionChosen"; source: SourceRef | null }
  | { type: "leadsChosen"; source: SourceRef | null }
  | { type: "settingTyped"; key: SettingKey; text: string }
  | { type: "settingsSaved"; settings: SettingTexts }
  | { type: "started"; step: Progress["step"]; fraction: number }
  | { type: "stepped"; step: PlanStep; fraction: number }
  | { type: "stopped" }
  | { type: "cancelRequested" }
  | { type: "planFinished"; outcome: RunResult; browser: boolean }
  | { type: "scenariosRead"; scenarios: SavedScenario[] }
  | { type: "problemsFound"; problems: Issue[] }
  | { type: "replanOnChangeSet"; on: boolean };

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : `${count} ${many}`;
}

/** The state after a run: what it planned, what went wrong, and the banner's words. */
function finished(state: PlannerState, outcome: RunResult, browser: boolean): PlannerState {
  const stopped = { ...state, progress: null };
  if (outcome.kind === "cancelled") {
    const text = outcome.duringWrite
      ? "Planning cancelled. The output sheets were left as they were."
      : "Planning cancelled. Nothing was written.";
    return { ...stopped, status: { intent: "warning", text } };
  }
  if (outcome.kind === "failed") {
    const kept = outcome.unwritten ?? null;
    return {
      ...stopped,
      problems: outcome.issues,
      unwritten: kept,
      ...(kept ? { result: { plan: kept.plan, inputs: kept.inputs, written: [] } } : {}),
      status: { intent: "error", text: outcome.message },
    };
  }
  const extra = browser ? " Download plan saves the workbook with these sheets." : "";
  const { warnings } = outcome;
  const checks =
    warnings.length === 0
      ? ""
      : ` ${plural(warnings.length, "One warning", "warnings")}: ${warnings.map((w) => w.text).join(" ")}`;
  return {
    ...stopped,
    result: { plan: outcome.plan, inputs: outcome.inputs, written: outcome.written },
    problems: outcome.plan.issues,
    unwritten: null,
    status: { intent: warnings.length === 0 ? "success" : "warning", text: outcome.message + extra + checks },
  };
}

export function plannerReducer(state: PlannerState, action: PlannerAction): PlannerState {
  switch (action.type) {
    case "said":
      return { ...state, status: action.status };
    case "workbookLoaded":
      return {
        ...INITIAL_STATE,
        workbook: action.workbook,
        fileName: action.fileName,
        sources: action.sources,
        attention: action.attention,
        leads: action.leads,
        settings: action.settings,
        sheetSettings: action.settings,
        changedSettings: new Set(),
        scenarios: action.scenarios,
      };
    case "sourceLoaded": {
      const { selection } = action;
      return {
        ...state,
        source: action.source,
        sourceBlock: action.block,
        headerRow: action.headerRow,
        mapping: action.mapping,
        headerMatch: action.headerMatch,
        result: null,
        problems: [],
        ...(selection
          ? { sources: [...state.sources.filter((s) => s.kind !== "selection"), selection] }
          : {}),
      };
    }
    case "sourceEdited":
      return {
        ...state,
        sourceBlock: action.block,
        headerRow: action.headerRow,
        headerMatch: action.headerMatch,
      };
    case "sourcesListed":
      return {
        ...state,
        sources: [...action.sources, ...state.sources.filter((source) => source.kind === "selection")],
      };
    case "sourceGone":
      return {
        ...state,
        sources: action.sources,
        source: null,
        sourceBlock: null,
        headerRow: null,
        headerMatch: null,
        result: null,
      };
    case "headerRowChosen":
      return {
        ...state,
        headerRow: action.row,
        mapping: action.mapping,
        headerMatch: action.headerMatch,
        result: null,
        problems: [],
      };
    case "mappingSet":
      return { ...state, mapping: action.mapping, headerMatch: action.headerMatch };
    case "attentionChosen":
      return { ...state, attention: action.source };
    case "leadsChosen":
      return { ...state, leads: action.source, leadsChosen: action.source !== null };
    case "settingTyped":
      return {
        ...state,
        settings: { ...state.settings, [action.key]: action.text },
        changedSettings: new Set([...state.changedSettings, action.key]),
      };
    case "settingsSaved":
      return {
        ...state,
        settings: action.settings,
        sheetSettings: action.settings,
        changedSettings: new Set(),
      };
    case "started":
      return {
        ...state,
        progress: { step: action.step, fraction: action.fraction, cancelling: false },
        status: null,
      };
    case "stepped":
      return {
        ...state,
        progress: {
          step: action.step,
          fraction: action.fraction,
          cancelling: state.progress?.cancelling ?? false,
        },
      };
    case "stopped":
      return { ...state, progress: null };
    case "cancelRequested":
      return { ...state, progress: state.progress ? { ...state.progress, cancelling: true } : null };
    case "planFinished":
      return finished(state, action.outcome, action.browser);
    case "scenariosRead":
      return { ...state, scenarios: action.scenarios };
    case "problemsFound":
      return { ...state, problems: action.problems };
    case "replanOnChangeSet":
      return {
        ...state,
        replanOnChange: action.on,
        status: {
          intent: "info",
          text: action.on
            ? "The plan will be made again a moment after the vehicle table changes."
            : "Edits to the vehicle table no longer replan.",
        },
      };
  }
}
