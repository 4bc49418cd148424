/**
 * The pane's controller as a hook: the state of `plannerReducer` and every
 * action the pane can take (the plain async functions of loadActions,
 * planActions and scenarioActions) bound to one host. Components only render
 * this state and call these actions, so the whole pane can be driven by a
 * fake workbook.
 */
import { useEffect, useMemo, useReducer, useRef } from "react";
import { readFailed } from "../core/messages";
import type { FieldKey, SettingKey } from "../core/model";
import type { SourceRef } from "../workbook/plannerWorkbook";
import type { PaneHost } from "./host";
import { errorText } from "./errors";
import {
  chooseHeaderRow,
  chooseSelection,
  chooseSource,
  followSourceList,
  loadWorkbook,
  openFile,
  openSample,
  setMapping,
} from "./loadActions";
import { paneContext, say } from "./paneContext";
import {
  activateSheet,
  cancel,
  downloadPlan,
  plan,
  saveSettings,
  selectCell,
  writeAgain,
} from "./planActions";
import {
  INITIAL_STATE,
  plannerReducer,
  type CompareReport,
  type PlannerAction,
  type PlannerState,
  type Status,
} from "./plannerReducer";
import { compareSavedScenarios, deleteScenario, saveScenario } from "./scenarioActions";
import type { WhatIfChange } from "./whatIf";

export type {
  CompareReport,
  HeaderInfo,
  PlannerState,
  PlanResult,
  Progress,
  Status,
  StatusIntent,
} from "./plannerReducer";
export { blockAddress, sameSource, sourceKey } from "./paneSources";

export interface Planner {
  state: PlannerState;
  openFile(file: File): Promise<void>;
  openSample(): Promise<void>;
  chooseSource(source: SourceRef): Promise<void>;
  chooseSelection(): Promise<void>;
  /** Issue 17.9: reads the vehicle table's headers from this sheet row of the source. */
  chooseHeaderRow(row: number): Promise<void>;
  setMapping(field: FieldKey, column: number | null): void;
  chooseAttention(source: SourceRef | null): void;
  chooseLeads(source: SourceRef | null): void;
  setSetting(key: SettingKey, text: string): void;
  saveSettings(): Promise<void>;
  plan(): Promise<void>;
  /** Writes the plan on screen whose write failed, without planning again. */
  writeAgain(): Promise<void>;
  cancel(): void;
  selectCell(reference: string): Promise<void>;
  activateSheet(sheetName: string): Promise<void>;
  downloadPlan(): Promise<void>;
  /** Saves the changes under the name, replacing a saved scenario of that name (the panel asks first). */
  saveScenario(name: string, changes: WhatIfChange[]): Promise<Status>;
  deleteScenario(name: string): Promise<Status>;
  compareSavedScenarios(): Promise<CompareReport>;
  setReplanOnChange(on: boolean): void;
}

function initialState(host: PaneHost): PlannerState {
  return { ...INITIAL_STATE, workbook: host.kind === "excel" ? host.workbook : null };
}

export function usePlanner(host: PaneHost): Planner {
  // The reducer's state for rendering, and its latest value for actions that read it again after an await.
  const [state, render] = useReducer(
    (_shown: PlannerState, latest: PlannerState) => latest,
    host,
    initialState,
  );
  const latest = useRef(state);
  const context = useMemo(() => {
    const dispatch = (action: PlannerAction) => {
      latest.current = plannerReducer(latest.current, action);
      render(latest.current);
    };
    return paneContext(host, () => latest.current, dispatch);
  }, [host]);

  useEffect(() => () => context.run.stopListening?.(), [context]);

  useEffect(() => {
    if (host.kind !== "excel") return;
    loadWorkbook(context, host.workbook, null, null).catch((error: unknown) =>
      say(context, "error", readFailed(errorText(error))),
    );
  }, [host, context]);

  useEffect(() => followSourceList(context), [context]);

  const actions = useMemo(
    (): Omit<Planner, "state"> => ({
      openFile: (file) => openFile(context, file),
      openSample: () => openSample(context),
      chooseSource: (source) => chooseSource(context, source),
      chooseSelection: () => chooseSelection(context),
      chooseHeaderRow: (row) => chooseHeaderRow(context, row),
      setMapping: (field, column) => setMapping(context, field, column),
      chooseAttention: (source) => context.dispatch({ type: "attentionChosen", source }),
      chooseLeads: (source) => context.dispatch({ type: "leadsChosen", source }),
      setSetting: (key, text) => context.dispatch({ type: "settingTyped", key, text }),
      saveSettings: () => saveSettings(context),
      plan: () => plan(context),
      writeAgain: () => writeAgain(context),
      cancel: () => cancel(context),
      selectCell: (reference) => selectCell(context, reference),
      activateSheet: (sheetName) => activateSheet(context, sheetName),
      downloadPlan: () => downloadPlan(context),
      saveScenario: (name, changes) => saveScenario(context, name, changes),
      deleteScenario: (name) => deleteScenario(context, name),
      compareSavedScenarios: () => compareSavedScenarios(context),
      setReplanOnChange: (on) => context.dispatch({ type: "replanOnChangeSet", on }),
    }),
    [context],
  );
  return { state, ...actions };
}
