/**
 * The pane's controller: everything the pane knows and every action it can
 * take, over any `PlannerWorkbook`. Components only render this state and
 * call these actions, so the whole pane can be driven by a fake workbook.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { CellBlock } from "../core/cells";
import { columnLetters, quoteSheetName } from "../core/cellReference";
import { fieldsNamed, mappingIsComplete, matchHeaders, type HeaderMatch } from "../core/headers";
import {
  findHeaderRow,
  fromHeaderRow,
  severalHeaderRowsMessage,
  type HeaderRowSearch,
} from "../core/headerRow";
import type { Issue } from "../core/issues";
import type { FieldKey, MappingOverride, Plan, SettingKey } from "../core/model";
import type { PlanInputs } from "../core/plan";
import type { PlannerWorkbook, SourceCandidate, SourceRef, WrittenSheet } from "../workbook/plannerWorkbook";
import { CELL_EDIT_MESSAGE } from "../workbook/office/officeErrors";
import { missingColumnsMessage, type ResolvedMapping } from "../workbook/savedMapping";
import type { ExcelActions, FileWorkbook, PaneHost } from "./host";
import { errorText } from "./errors";
import type { ScenarioComparison } from "../core/scenarios";
import type { WhatIfChange } from "./whatIf";
import {
  readSavedScenarios,
  SCENARIO_HEADERS,
  SCENARIO_SHEET,
  SCENARIO_TABLE,
  type SavedScenario,
} from "./savedScenarios";
import type { PlanStep, RunHooks, RunResult, UnwrittenPlan } from "./planRun";
import {
  findSettingsTable,
  readSettingTexts,
  SETTINGS_HEADERS,
  SETTINGS_SHEET,
  SETTINGS_TABLE,
  settingRows,
  type SettingTexts,
} from "./settingsForm";

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

const INITIAL_STATE: PlannerState = {
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

export const ATTENTION_SHEET = "Audience Attention";
export const LEAD_LOG_SHEET = "Lead Log";
/** How long the sheet must be still before a followed edit replans. */
const REPLAN_DELAY_MS = 1500;
/** How many candidates are read to find the vehicle table before the user is left to pick one. */
const SOURCES_TO_PROBE = 12;
/** How far down a candidate the header row is looked for. */
const HEADER_ROWS_TO_PROBE = 20;
const SELECTION: SourceRef = { kind: "selection", name: "" };

export function sourceKey(source: SourceRef): string {
  return `${source.kind}:${source.name}`;
}

export function sameSource(a: SourceRef | null, b: SourceRef | null): boolean {
  return a !== null && b !== null && sourceKey(a) === sourceKey(b);
}

/** A block's address, `'Vehicle List'!B3:H40`: how the pane keeps the selection it shows. */
export function blockAddress(block: CellBlock): string {
  const height = Math.max(block.cells.length, 1);
  const width = Math.max(...block.cells.map((row) => row.length), 1);
  const start = `${columnLetters(block.left)}${block.top}`;
  const end = `${columnLetters(block.left + width - 1)}${block.top + height - 1}`;
  return `${quoteSheetName(block.sheet)}!${start}:${end}`;
}

/** The header row to read the source's columns from: the one found, or the likeliest when none matches. */
function headerRowOf(search: HeaderRowSearch, block: CellBlock): number | null {
  if (search.kind === "found") return search.row;
  if (search.kind === "several") return null;
  return search.likeliest ?? block.top;
}

/** The vehicle table of the source, from its header row down; null while the header row is unclear. */
function tableOf(block: CellBlock | null, headerRow: number | null): CellBlock | null {
  return block === null || headerRow === null ? null : fromHeaderRow(block, headerRow);
}

/**
 * The vehicle table to preselect: the first table, named range or sheet (in
 * that order) whose header row matches SPEC 1.1, else the first whose header
 * row names at least two fields, for the user to finish mapping by hand.
 */
async function findVehicleTable(
  workbook: PlannerWorkbook,
  candidates: SourceCandidate[],
): Promise<SourceRef | null> {
  const order: SourceRef["kind"][] = ["table", "name", "sheet"];
  const ordered = order.flatMap((kind) => candidates.filter((candidate) => candidate.kind === kind));
  let partial: SourceRef | null = null;
  const probed = ordered.slice(0, SOURCES_TO_PROBE);
  // One batch for all of them, and only their top rows, where a header row is.
  const blocks = await workbook.readSources(probed, { firstRows: HEADER_ROWS_TO_PROBE });
  for (const [i, candidate] of probed.entries()) {
    const block = blocks[i];
    if (!block) continue;
    const source = { kind: candidate.kind, name: candidate.name };
    const search = findHeaderRow(block);
    if (search.kind === "found") return source;
    const row = tableOf(block, headerRowOf(search, block))?.cells[0];
    const fields = row ? fieldsNamed(row).size : 0;
    if (!partial && (search.kind === "several" || fields >= 2)) partial = source;
  }
  return partial;
}

/** A file's bytes; FileReader rather than Blob.arrayBuffer, which older WebViews in Office lack. */
function readFileBytes(file: File): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("the file could not be read"));
    reader.readAsArrayBuffer(file);
  });
}

function defaultAttention(candidates: SourceCandidate[]): SourceRef | null {
  return sheetNamed(candidates, ATTENTION_SHEET);
}

function sheetNamed(candidates: SourceCandidate[], name: string): SourceRef | null {
  const sheet = candidates.find(
    (candidate) => candidate.kind === "sheet" && candidate.name.toLowerCase() === name.toLowerCase(),
  );
  return sheet ? { kind: "sheet", name: sheet.name } : null;
}

function changesText(count: number): string {
  return count === 1 ? "1 change" : `${count} changes`;
}

function planFileName(fileName: string | null): string {
  const base = (fileName ?? "workbook").replace(/\.xlsx$/i, "");
  return `${base}-plan.xlsx`;
}

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

export function usePlanner(host: PaneHost): Planner {
  const [state, setState] = useState<PlannerState>(() => ({
    ...INITIAL_STATE,
    workbook: host.kind === "excel" ? host.workbook : null,
  }));
  // The latest state, for actions that run across awaits.
  const stateRef = useRef(state);
  const cancelRequested = useRef(false);
  // Each load bumps this; a slower, older load that finishes later is dropped.
  const loadGeneration = useRef(0);
  const stopListening = useRef<(() => void) | null>(null);
  const replanTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  // The listener is set up before `plan` exists; it replans through this.
  const planRef = useRef<(() => Promise<void>) | null>(null);

  const update = useCallback(
    (change: Partial<PlannerState> | ((s: PlannerState) => Partial<PlannerState>)) => {
      const patch = typeof change === "function" ? change(stateRef.current) : change;
      stateRef.current = { ...stateRef.current, ...patch };
      setState(stateRef.current);
    },
    [],
  );

  const excel: ExcelActions | null = host.kind === "excel" ? host.excel : null;

  const say = useCallback(
    (intent: StatusIntent, text: string) => update({ status: { intent, text } }),
    [update],
  );

  /** Says it in the banner and hands it back, for the control that asked to show it beside itself. */
  const report = useCallback(
    (intent: StatusIntent, text: string): Status => {
      say(intent, text);
      return { intent, text };
    },
    [say],
  );

  /**
   * An automatic replan a moment after the last edit. Excel before ExcelApi
   * 1.11 refuses requests while the user types in a cell; the replan then
   * waits and tries again rather than leave the plan stale.
   */
  const scheduleReplan = useCallback(() => {
    clearTimeout(replanTimer.current);
    replanTimer.current = setTimeout(async () => {
      await planRef.current?.();
      if (stateRef.current.status?.text.includes(CELL_EDIT_MESSAGE)) scheduleReplan();
    }, REPLAN_DELAY_MS);
  }, []);

  const listenForChanges = useCallback(
    async (source: SourceRef) => {
      stopListening.current?.();
      stopListening.current = null;
      if (!excel || (source.kind === "selection" && !source.name)) return;
      try {
        stopListening.current = await excel.onSourceChanged(source, () => {
          const current = stateRef.current;
          if (!sameSource(current.source, source) || !current.workbook) return;
          void current.workbook
            .readSource(source)
            .then((block) => {
              if (!sameSource(stateRef.current.source, source)) return;
              // A row inserted above the headers moves them: follow them when they are clear, else keep the row.
              const search = findHeaderRow(block);
              const headerRow = search.kind === "found" ? search.row : stateRef.current.headerRow;
              const table = tableOf(block, headerRow);
              const headerMatch = table ? matchHeaders(table, stateRef.current.mapping) : null;
              update({ sourceBlock: block, headerRow, headerMatch });
              if (!stateRef.current.result) return;
              if (!stateRef.current.replanOnChange) {
                say("info", "The vehicle table changed. Press Plan to plan again.");
                return;
              }
              scheduleReplan();
            })
            // A read refused (the user still typing, the sheet gone) leaves the pane as it was; Plan reads again.
            .catch(() => undefined);
        });
      } catch {
        // Without change events the pane still plans from the cells as they are when Plan is pressed.
      }
    },
    [excel, say, scheduleReplan, update],
  );

  useEffect(() => () => stopListening.current?.(), []);

  const loadSource = useCallback(
    /** False when a newer load overtook this one; else the warning about saved columns that have gone or an unclear header row, if any. */
    async (
      workbook: PlannerWorkbook,
      source: SourceRef,
      generation: number,
    ): Promise<false | { warning: string | null }> => {
      const block = await workbook.readSource(source);
      const search = findHeaderRow(block);
      const headerRow = headerRowOf(search, block);
      const table = tableOf(block, headerRow);
      const saved =
        excel && source.kind !== "selection" && table
          ? await excel.readSavedMapping(source, table.cells[0] ?? [])
          : null;
      if (generation !== loadGeneration.current) return false;
      const mapping = saved?.mapping ?? {};
      const headerMatch = table ? matchHeaders(table, mapping) : null;
      // A selection is kept by the address it has now, so Plan reads the block shown, wherever the user clicks next.
      const shown = source.kind === "selection" ? { kind: source.kind, name: blockAddress(block) } : source;
      const patch: Partial<PlannerState> = {
        source: shown,
        sourceBlock: block,
        headerRow,
        mapping,
        headerMatch,
        result: null,
        problems: [],
      };
      if (source.kind === "selection") {
        const selection: SourceCandidate = {
          ...shown,
          label: `Selection (${shown.name})`,
          address: shown.name,
        };
        patch.sources = [...stateRef.current.sources.filter((s) => s.kind !== "selection"), selection];
      }
      update(patch);
      await listenForChanges(shown);
      if (search.kind === "several")
        return { warning: severalHeaderRowsMessage(block.sheet, search.rows, "choose it under Header row") };
      return { warning: saved && saved.missing.length > 0 ? missingColumnsMessage(saved.missing) : null };
    },
    [excel, listenForChanges, update],
  );

  const loadWorkbook = useCallback(
    async (workbook: PlannerWorkbook, fileName: string | null, preferred: SourceRef | null) => {
      const generation = ++loadGeneration.current;
      const sources = await workbook.listSources();
      const settingsTable = findSettingsTable(await workbook.readSheet(SETTINGS_SHEET));
      const sheetSettings = readSettingTexts(settingsTable);
      const scenarios = readSavedScenarios(await workbook.readSheet(SCENARIO_SHEET));
      const source = preferred ?? (await findVehicleTable(workbook, sources));
      if (generation !== loadGeneration.current) return;
      update({
        ...INITIAL_STATE,
        workbook,
        fileName,
        sources,
        attention: defaultAttention(sources),
        leads: sheetNamed(sources, LEAD_LOG_SHEET),
        settings: sheetSettings,
        sheetSettings,
        changedSettings: new Set(),
        scenarios,
      });
      if (!source) {
        say(
          "warning",
          "No table with the headers Vehicle, Investment, Leads and Pipeline (or Conversion rate and " +
            "Average deal size) was found. Choose the vehicle table.",
        );
        return;
      }
      const loaded = await loadSource(workbook, source, generation);
      if (!loaded) return;
      const label = sources.find((c) => sameSource(c, source))?.label ?? source.name;
      const mapped = new Set(Object.keys(stateRef.current.headerMatch?.mapping ?? {}) as FieldKey[]);
      if (loaded.warning) say("warning", `Found the vehicle table in ${label}. ${loaded.warning}`);
      else if (mappingIsComplete(mapped)) say("info", `Found the vehicle table in ${label}.`);
      else say("warning", `Found vehicles in ${label}: choose the columns marked required.`);
    },
    [loadSource, say, update],
  );

  useEffect(() => {
    if (host.kind !== "excel") return;
    loadWorkbook(host.workbook, null, null).catch((error: unknown) =>
      say("error", `Could not read the workbook: ${errorText(error)}`),
    );
  }, [host, loadWorkbook, say]);

  // The list of sources follows sheets and tables the user adds or deletes while the pane is open.
  useEffect(() => {
    if (host.kind !== "excel" || !host.excel.onSourcesChanged) return;
    let stop: (() => void) | null = null;
    let ended = false;
    const refresh = () =>
      void host.workbook
        .listSources()
        .then((listed) => {
          const kept = stateRef.current.sources.filter((source) => source.kind === "selection");
          update({ sources: [...listed, ...kept] });
        })
        .catch(() => undefined);
    host.excel
      .onSourcesChanged(refresh)
      .then((remove) => (ended ? remove() : (stop = remove)))
      .catch(() => undefined);
    return () => {
      ended = true;
      stop?.();
    };
  }, [host, update]);

  const openBytes = useCallback(
    async (read: () => Promise<Uint8Array>, fileName: string) => {
      if (host.kind !== "browser") return;
      update({ progress: { step: "Opening the workbook", fraction: 0, cancelling: false }, status: null });
      try {
        const opened = await host.openFile(await read());
        await loadWorkbook(opened.workbook, fileName, opened.vehicleSource);
        const current = stateRef.current.status;
        say(current?.intent ?? "info", `Opened ${fileName}. ${current?.text ?? ""}`.trim());
      } catch (error) {
        say("error", `Could not open ${fileName}: ${errorText(error)}`);
      } finally {
        update({ progress: null });
      }
    },
    [host, loadWorkbook, say, update],
  );

  const openFile = useCallback((file: File) => openBytes(() => readFileBytes(file), file.name), [openBytes]);

  const openSample = useCallback(() => {
    if (host.kind !== "browser") return Promise.resolve();
    return openBytes(host.loadSample, "vehicle-planner-sample.xlsx");
  }, [host, openBytes]);

  const chooseSource = useCallback(
    async (source: SourceRef) => {
      const workbook = stateRef.current.workbook;
      if (!workbook) return;
      const generation = ++loadGeneration.current;
      try {
        const loaded = await loadSource(workbook, source, generation);
        if (loaded) {
          const shown = stateRef.current.source;
          const label = stateRef.current.sources.find((c) => sameSource(c, shown))?.label ?? source.name;
          if (loaded.warning) say("warning", `Reading the vehicles from ${label}. ${loaded.warning}`);
          else say("info", `Reading the vehicles from ${label}.`);
        }
      } catch (error) {
        say("error", `Could not read ${source.name || "the selection"}: ${errorText(error)}`);
      }
    },
    [loadSource, say],
  );

  const chooseSelection = useCallback(() => chooseSource(SELECTION), [chooseSource]);

  const chooseHeaderRow = useCallback(
    async (row: number) => {
      const { sourceBlock, source } = stateRef.current;
      const table = tableOf(sourceBlock, row);
      if (!table || !source) return;
      let saved: ResolvedMapping | null = null;
      try {
        saved =
          excel && source.kind !== "selection"
            ? await excel.readSavedMapping(source, table.cells[0] ?? [])
            : null;
      } catch {
        // Without the saved mapping the columns are matched afresh, as for a new source.
      }
      if (!sameSource(stateRef.current.source, source)) return;
      const mapping = saved?.mapping ?? {};
      const headerMatch = matchHeaders(table, mapping);
      update({ headerRow: row, mapping, headerMatch, result: null, problems: [] });
      const mapped = new Set(Object.keys(headerMatch.mapping) as FieldKey[]);
      if (mappingIsComplete(mapped)) say("info", `Reading the headers from row ${row} of ${table.sheet}.`);
      else
        say(
          "warning",
          `Reading the headers from row ${row} of ${table.sheet}: choose the columns marked required.`,
        );
    },
    [excel, say, update],
  );

  const setMapping = useCallback(
    (field: FieldKey, column: number | null) => {
      const { sourceBlock, source, mapping, headerRow } = stateRef.current;
      const table = tableOf(sourceBlock, headerRow);
      if (!table || !source) return;
      const next: MappingOverride = { ...mapping, [field]: column };
      update({ mapping: next, headerMatch: matchHeaders(table, next) });
      if (excel && source.kind !== "selection") {
        excel
          .saveMapping(source, next, table.cells[0] ?? [])
          .catch((error: unknown) =>
            say("warning", `Could not save the column mapping with the workbook: ${errorText(error)}`),
          );
      }
    },
    [excel, say, update],
  );

  const chooseAttention = useCallback((source: SourceRef | null) => update({ attention: source }), [update]);
  const chooseLeads = useCallback(
    (source: SourceRef | null) => update({ leads: source, leadsChosen: source !== null }),
    [update],
  );

  const setSetting = useCallback(
    (key: SettingKey, text: string) =>
      update((s) => ({
        settings: { ...s.settings, [key]: text },
        changedSettings: new Set([...s.changedSettings, key]),
      })),
    [update],
  );

  const saveSettings = useCallback(async () => {
    const { workbook, settings, sheetSettings } = stateRef.current;
    if (!workbook) return;
    const rows = settingRows(settings, sheetSettings);
    if (!rows) {
      say("error", "Settings not saved: correct the settings marked in red first.");
      return;
    }
    try {
      await workbook.writeInputTable(
        SETTINGS_SHEET,
        SETTINGS_TABLE,
        SETTINGS_HEADERS,
        rows,
        "upsert-by-first-column",
      );
      const saved = readSettingTexts(findSettingsTable(await workbook.readSheet(SETTINGS_SHEET)));
      update({ settings: saved, sheetSettings: saved, changedSettings: new Set() });
      say("success", `Saved ${rows.length} settings on the ${SETTINGS_SHEET} sheet.`);
    } catch (error) {
      say("error", `Could not save the settings: ${errorText(error)}`);
    }
  }, [say, update]);

  const hooks: RunHooks = useMemo(
    () => ({
      onProgress: (step, fraction) =>
        update((s) => ({ progress: { step, fraction, cancelling: s.progress?.cancelling ?? false } })),
      isCancelled: () => cancelRequested.current,
    }),
    [update],
  );

  /** After the vehicle table was renamed or deleted: the list as the workbook has it now, and no source chosen. */
  const listSourcesAgain = useCallback(async () => {
    const workbook = stateRef.current.workbook;
    if (!workbook) return;
    try {
      const sources = await workbook.listSources();
      update({ sources, source: null, sourceBlock: null, headerRow: null, headerMatch: null, result: null });
    } catch {
      // The message already says to choose again; the old list stays until the workbook answers.
    }
  }, [update]);

  const showOutcome = useCallback(
    (outcome: RunResult) => {
      update({ progress: null });
      if (outcome.kind === "cancelled") {
        say(
          "warning",
          outcome.duringWrite
            ? "Planning cancelled. The output sheets were left as they were."
            : "Planning cancelled. Nothing was written.",
        );
      } else if (outcome.kind === "failed") {
        if (outcome.sourceGone) void listSourcesAgain();
        const kept = outcome.unwritten ?? null;
        update({
          problems: outcome.issues,
          unwritten: kept,
          ...(kept ? { result: { plan: kept.plan, inputs: kept.inputs, written: [] } } : {}),
        });
        say("error", outcome.message);
      } else {
        update({
          result: { plan: outcome.plan, inputs: outcome.inputs, written: outcome.written },
          problems: outcome.plan.issues,
          unwritten: null,
        });
        const extra = host.kind === "browser" ? " Download plan saves the workbook with these sheets." : "";
        const { warnings } = outcome;
        const checks =
          warnings.length === 0
            ? ""
            : ` ${warnings.length === 1 ? "One warning" : `${warnings.length} warnings`}: ${warnings
                .map((warning) => warning.text)
                .join(" ")}`;
        say(warnings.length === 0 ? "success" : "warning", outcome.message + extra + checks);
      }
    },
    [host.kind, listSourcesAgain, say, update],
  );

  const plan = useCallback(async () => {
    const current = stateRef.current;
    if (!current.workbook || !current.source || current.progress) return;
    cancelRequested.current = false;
    update({ progress: { step: "Reading the workbook", fraction: 0, cancelling: false }, status: null });
    let outcome: RunResult;
    try {
      const { runPlan } = await import(/* webpackChunkName: "plan" */ "./planRun");
      outcome = await runPlan(
        current.workbook,
        {
          source: current.source,
          headerRow: current.headerRow ?? undefined,
          mapping: current.mapping,
          attention: current.attention,
          leads: current.leads,
          leadsNamed: current.leadsChosen,
          settings: current.settings,
          changedSettings: current.changedSettings,
        },
        hooks,
      );
    } catch (error) {
      outcome = { kind: "failed", message: `Could not plan: ${errorText(error)}`, issues: [] };
    }
    showOutcome(outcome);
  }, [hooks, showOutcome, update]);

  const writeAgain = useCallback(async () => {
    const { workbook, unwritten, progress } = stateRef.current;
    if (!workbook || !unwritten || progress) return;
    cancelRequested.current = false;
    update({ progress: { step: "Writing the plan", fraction: 0.5, cancelling: false }, status: null });
    const { writePlan } = await import(/* webpackChunkName: "plan" */ "./planRun");
    showOutcome(await writePlan(workbook, unwritten, hooks));
  }, [hooks, showOutcome, update]);

  const cancel = useCallback(() => {
    cancelRequested.current = true;
    update((s) => ({ progress: s.progress ? { ...s.progress, cancelling: true } : null }));
  }, [update]);

  const selectCell = useCallback(
    async (reference: string) => {
      if (!excel) return;
      try {
        await excel.selectCell(reference);
        say("info", `Selected ${reference}.`);
      } catch (error) {
        say("error", `Could not select ${reference}: ${errorText(error)}`);
      }
    },
    [excel, say],
  );

  const activateSheet = useCallback(
    async (sheetName: string) => {
      if (!excel) return;
      try {
        await excel.activateSheet(sheetName);
        say("info", `Showing the ${sheetName} sheet.`);
      } catch (error) {
        say("error", `Could not show the ${sheetName} sheet: ${errorText(error)}`);
      }
    },
    [excel, say],
  );

  const downloadPlan = useCallback(async () => {
    const { workbook, fileName } = stateRef.current;
    if (host.kind !== "browser" || !workbook) return;
    const name = planFileName(fileName);
    try {
      host.download(await (workbook as FileWorkbook).toBytes(), name);
      say("success", `Downloaded ${name}.`);
    } catch (error) {
      say("error", `Could not save ${name}: ${errorText(error)}`);
    }
  }, [host, say]);

  /** The saved scenarios read again after a change, so the list shows what the sheet holds. */
  const readScenariosAgain = useCallback(
    async (workbook: PlannerWorkbook) => {
      update({ scenarios: readSavedScenarios(await workbook.readSheet(SCENARIO_SHEET)) });
    },
    [update],
  );

  const saveScenario = useCallback(
    async (name: string, changes: WhatIfChange[]): Promise<Status> => {
      const { workbook } = stateRef.current;
      if (!workbook) return { intent: "error", text: "No workbook is open." };
      try {
        const rows = changes.map((change) => [
          name,
          change.vehicle,
          change.field,
          change.number ?? change.value,
        ]);
        const had = await workbook.replaceInputRows(
          SCENARIO_SHEET,
          SCENARIO_TABLE,
          SCENARIO_HEADERS,
          name,
          rows,
        );
        await readScenariosAgain(workbook);
        const count = changes.length === 1 ? "the change" : `${changes.length} changes`;
        return report(
          "success",
          had > 0
            ? `Replaced scenario "${name}" in ${SCENARIO_SHEET}: it now has ${changesText(changes.length)} (it had ${changesText(had)}).`
            : `Saved ${count} as scenario "${name}" in ${SCENARIO_SHEET}.`,
        );
      } catch (error) {
        return report("error", `Could not save the scenario: ${errorText(error)}`);
      }
    },
    [readScenariosAgain, report],
  );

  const deleteScenario = useCallback(
    async (name: string): Promise<Status> => {
      const { workbook } = stateRef.current;
      if (!workbook) return { intent: "error", text: "No workbook is open." };
      try {
        const had = await workbook.replaceInputRows(
          SCENARIO_SHEET,
          SCENARIO_TABLE,
          SCENARIO_HEADERS,
          name,
          [],
        );
        await readScenariosAgain(workbook);
        return had > 0
          ? report("success", `Deleted scenario "${name}" (${changesText(had)}) from ${SCENARIO_SHEET}.`)
          : report("warning", `${SCENARIO_SHEET} has no scenario "${name}" any more; nothing was deleted.`);
      } catch (error) {
        return report("error", `Could not delete the scenario: ${errorText(error)}`);
      }
    },
    [readScenariosAgain, report],
  );

  const compareSavedScenarios = useCallback(async (): Promise<CompareReport> => {
    const { workbook, result } = stateRef.current;
    if (!workbook || !result) return { status: { intent: "error", text: "Plan first." }, comparisons: [] };
    try {
      const { compareSaved } = await import(/* webpackChunkName: "plan" */ "./whatIf");
      const compared = await compareSaved(workbook, result.inputs);
      update({ problems: compared.issues });
      if (!compared.ok) return { status: report("error", compared.message), comparisons: [] };
      const sheets = compared.written.map((sheet) => sheet.sheetName).join(", ");
      const count = compared.comparisons.length - 1;
      return {
        status: report(
          "success",
          `Compared ${count} scenario${count === 1 ? "" : "s"} with the base plan. Wrote ${sheets}.`,
        ),
        comparisons: compared.comparisons,
      };
    } catch (error) {
      return {
        status: report("error", `Could not compare the scenarios: ${errorText(error)}`),
        comparisons: [],
      };
    }
  }, [report, update]);

  const setReplanOnChange = useCallback(
    (on: boolean) => {
      update({ replanOnChange: on });
      say(
        "info",
        on
          ? "The plan will be made again a moment after the vehicle table changes."
          : "Edits to the vehicle table no longer replan.",
      );
    },
    [say, update],
  );
  planRef.current = plan;

  return {
    state,
    saveScenario,
    deleteScenario,
    compareSavedScenarios,
    setReplanOnChange,
    openFile,
    openSample,
    chooseSource,
    chooseSelection,
    chooseHeaderRow,
    setMapping,
    chooseAttention,
    chooseLeads,
    setSetting,
    saveSettings,
    plan,
    writeAgain,
    cancel,
    selectCell,
    activateSheet,
    downloadPlan,
  };
}
