/**
 * The pane's actions that load what it plans from: a workbook, a file or the
 * sample, a source, its header row and column mapping; and, in Excel, the
 * listeners that follow the user's edits.
 */
import { mappingIsComplete, matchHeaders } from "../core/headers";
import { findHeaderRow, severalHeaderRowsMessage } from "../core/headerRow";
import { REQUIRED_HEADERS } from "../core/messages";
import type { FieldKey, MappingOverride } from "../core/model";
import { CELL_EDIT_MESSAGE } from "../workbook/office/officeErrors";
import type { PlannerWorkbook, SourceCandidate, SourceRef } from "../workbook/plannerWorkbook";
import { missingColumnsMessage, type ResolvedMapping } from "../workbook/savedMapping";
import { errorText } from "./errors";
import { ATTENTION_SHEET, LEAD_LOG_SHEET, SCENARIO_SHEET, SETTINGS_SHEET } from "../core/publicNames";
import { blockAddress, findVehicleTable, headerRowOf, sameSource, sheetNamed, tableOf } from "./paneSources";
import { say, type PaneContext } from "./paneContext";
import { plan } from "./planActions";
import { readSavedScenarios } from "./savedScenarios";
import { findSettingsTable, readSettingTexts } from "./settingsForm";

/** How long the sheet must be still before a followed edit replans. */
const REPLAN_DELAY_MS = 1500;
const SELECTION: SourceRef = { kind: "selection", name: "" };

/**
 * An automatic replan a moment after the last edit. Excel before ExcelApi
 * 1.11 refuses requests while the user types in a cell; the replan then
 * waits and tries again rather than leave the plan stale.
 */
function scheduleReplan(context: PaneContext): void {
  clearTimeout(context.run.replanTimer);
  context.run.replanTimer = setTimeout(async () => {
    await plan(context);
    if (context.getState().status?.text.includes(CELL_EDIT_MESSAGE)) scheduleReplan(context);
  }, REPLAN_DELAY_MS);
}

async function listenForChanges(context: PaneContext, source: SourceRef): Promise<void> {
  const { excel, run } = context;
  run.stopListening?.();
  run.stopListening = null;
  if (!excel || (source.kind === "selection" && !source.name)) return;
  try {
    run.stopListening = await excel.onSourceChanged(source, () => {
      const current = context.getState();
      if (!sameSource(current.source, source) || !current.workbook) return;
      void current.workbook
        .readSource(source)
        .then((block) => {
          const now = context.getState();
          if (!sameSource(now.source, source)) return;
          // A row inserted above the headers moves them: follow them when they are clear, else keep the row.
          const search = findHeaderRow(block);
          const headerRow = search.kind === "found" ? search.row : now.headerRow;
          const table = tableOf(block, headerRow);
          const headerMatch = table ? matchHeaders(table, now.mapping) : null;
          context.dispatch({ type: "sourceEdited", block, headerRow, headerMatch });
          if (!now.result) return;
          if (!now.replanOnChange) {
            say(context, "info", "The vehicle table changed. Press Plan to plan again.");
            return;
          }
          scheduleReplan(context);
        })
        // A read refused (the user still typing, the sheet gone) leaves the pane as it was; Plan reads again.
        .catch(() => undefined);
    });
  } catch {
    // Without change events the pane still plans from the cells as they are when Plan is pressed.
  }
}

/** False when a newer load overtook this one; else the warning about saved columns that have gone or an unclear header row, if any. */
async function loadSource(
  context: PaneContext,
  workbook: PlannerWorkbook,
  source: SourceRef,
  generation: number,
): Promise<false | { warning: string | null }> {
  const { excel } = context;
  const block = await workbook.readSource(source);
  const search = findHeaderRow(block);
  const headerRow = headerRowOf(search, block);
  const table = tableOf(block, headerRow);
  const saved =
    excel && source.kind !== "selection" && table
      ? await excel.readSavedMapping(source, table.cells[0] ?? [])
      : null;
  if (generation !== context.run.loadGeneration) return false;
  const mapping = saved?.mapping ?? {};
  const headerMatch = table ? matchHeaders(table, mapping) : null;
  // A selection is kept by the address it has now, so Plan reads the block shown, wherever the user clicks next.
  const shown = source.kind === "selection" ? { kind: source.kind, name: blockAddress(block) } : source;
  const selection: SourceCandidate | null =
    source.kind === "selection"
      ? { ...shown, label: `Selection (${shown.name})`, address: shown.name }
      : null;
  context.dispatch({
    type: "sourceLoaded",
    source: shown,
    block,
    headerRow,
    mapping,
    headerMatch,
    selection,
  });
  await listenForChanges(context, shown);
  if (search.kind === "several")
    return { warning: severalHeaderRowsMessage(block.sheet, search.rows, "choose it under Header row") };
  return { warning: saved && saved.missing.length > 0 ? missingColumnsMessage(saved.missing) : null };
}

export async function loadWorkbook(
  context: PaneContext,
  workbook: PlannerWorkbook,
  fileName: string | null,
  preferred: SourceRef | null,
): Promise<void> {
  const generation = ++context.run.loadGeneration;
  const sources = await workbook.listSources();
  const settings = readSettingTexts(findSettingsTable(await workbook.readSheet(SETTINGS_SHEET)));
  const scenarios = readSavedScenarios(await workbook.readSheet(SCENARIO_SHEET));
  const source = preferred ?? (await findVehicleTable(workbook, sources));
  if (generation !== context.run.loadGeneration) return;
  context.dispatch({
    type: "workbookLoaded",
    workbook,
    fileName,
    sources,
    attention: sheetNamed(sources, ATTENTION_SHEET),
    leads: sheetNamed(sources, LEAD_LOG_SHEET),
    settings,
    scenarios,
  });
  if (!source) {
    say(
      context,
      "warning",
      `No table with the headers ${REQUIRED_HEADERS} was found. Choose the vehicle table.`,
    );
    return;
  }
  const loaded = await loadSource(context, workbook, source, generation);
  if (!loaded) return;
  const label = sources.find((c) => sameSource(c, source))?.label ?? source.name;
  const mapped = new Set(Object.keys(context.getState().headerMatch?.mapping ?? {}) as FieldKey[]);
  if (loaded.warning) say(context, "warning", `Found the vehicle table in ${label}. ${loaded.warning}`);
  else if (mappingIsComplete(mapped)) say(context, "info", `Found the vehicle table in ${label}.`);
  else say(context, "warning", `Found vehicles in ${label}: choose the columns marked required.`);
}

/** The list of sources follows sheets and tables the user adds or deletes while the pane is open; returns how to stop. */
export function followSourceList(context: PaneContext): () => void {
  const { host } = context;
  if (host.kind !== "excel" || !host.excel.onSourcesChanged) return () => undefined;
  let stop: (() => void) | null = null;
  let ended = false;
  const refresh = () =>
    void host.workbook
      .listSources()
      .then((sources) => context.dispatch({ type: "sourcesListed", sources }))
      .catch(() => undefined);
  host.excel
    .onSourcesChanged(refresh)
    .then((remove) => (ended ? remove() : (stop = remove)))
    .catch(() => undefined);
  return () => {
    ended = true;
    stop?.();
  };
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

async function openBytes(
  context: PaneContext,
  read: () => Promise<Uint8Array>,
  fileName: string,
): Promise<void> {
  const { host } = context;
  if (host.kind !== "browser") return;
  context.dispatch({ type: "started", step: "Opening the workbook", fraction: 0 });
  try {
    const opened = await host.openFile(await read());
    await loadWorkbook(context, opened.workbook, fileName, opened.vehicleSource);
    const current = context.getState().status;
    say(context, current?.intent ?? "info", `Opened ${fileName}. ${current?.text ?? ""}`.trim());
  } catch (error) {
    say(context, "error", `Could not open ${fileName}: ${errorText(error)}`);
  } finally {
    context.dispatch({ type: "stopped" });
  }
}

export function openFile(context: PaneContext, file: File): Promise<void> {
  return openBytes(context, () => readFileBytes(file), file.name);
}

export function openSample(context: PaneContext): Promise<void> {
  const { host } = context;
  if (host.kind !== "browser") return Promise.resolve();
  return openBytes(context, host.loadSample, "vehicle-planner-sample.xlsx");
}

export async function chooseSource(context: PaneContext, source: SourceRef): Promise<void> {
  const workbook = context.getState().workbook;
  if (!workbook) return;
  const generation = ++context.run.loadGeneration;
  try {
    const loaded = await loadSource(context, workbook, source, generation);
    if (loaded) {
      const { source: shown, sources } = context.getState();
      const label = sources.find((c) => sameSource(c, shown))?.label ?? source.name;
      if (loaded.warning) say(context, "warning", `Reading the vehicles from ${label}. ${loaded.warning}`);
      else say(context, "info", `Reading the vehicles from ${label}.`);
    }
  } catch (error) {
    say(context, "error", `Could not read ${source.name || "the selection"}: ${errorText(error)}`);
  }
}

export function chooseSelection(context: PaneContext): Promise<void> {
  return chooseSource(context, SELECTION);
}

/** Issue 17.9: reads the vehicle table's headers from this sheet row of the source. */
export async function chooseHeaderRow(context: PaneContext, row: number): Promise<void> {
  const { excel } = context;
  const { sourceBlock, source } = context.getState();
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
  if (!sameSource(context.getState().source, source)) return;
  const mapping = saved?.mapping ?? {};
  const headerMatch = matchHeaders(table, mapping);
  context.dispatch({ type: "headerRowChosen", row, mapping, headerMatch });
  const mapped = new Set(Object.keys(headerMatch.mapping) as FieldKey[]);
  if (mappingIsComplete(mapped))
    say(context, "info", `Reading the headers from row ${row} of ${table.sheet}.`);
  else
    say(
      context,
      "warning",
      `Reading the headers from row ${row} of ${table.sheet}: choose the columns marked required.`,
    );
}

export function setMapping(context: PaneContext, field: FieldKey, column: number | null): void {
  const { excel } = context;
  const { sourceBlock, source, mapping, headerRow } = context.getState();
  const table = tableOf(sourceBlock, headerRow);
  if (!table || !source) return;
  const next: MappingOverride = { ...mapping, [field]: column };
  context.dispatch({ type: "mappingSet", mapping: next, headerMatch: matchHeaders(table, next) });
  if (excel && source.kind !== "selection") {
    excel
      .saveMapping(source, next, table.cells[0] ?? [])
      .catch((error: unknown) =>
        say(context, "warning", `Could not save the column mapping with the workbook: ${errorText(error)}`),
      );
  }
}
