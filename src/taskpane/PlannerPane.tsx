import { Button, Subtitle2, Text, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, useMemo, useRef, useState, type DragEvent, type ReactNode } from "react";
import { headerRowChoices } from "../core/headerRow";
import type { SettingKey } from "../core/model";
import type { PaneHost } from "./host";
import { FileOpener } from "./components/FileOpener";
import { HeaderRowPicker } from "./components/HeaderRowPicker";
import { PlanControls } from "./components/PlanControls";
import { ProblemList } from "./components/ProblemList";
import { SourcePicker } from "./components/SourcePicker";
import { StatusMessage } from "./components/StatusMessage";
import type { HealthTarget } from "./planHealth";
import { usePlanner, type PlanResult } from "./usePlanner";

// Results need a plan, so they load with the engine when the user first plans, not at start-up.
const ResultsView = lazy(() =>
  import(/* webpackChunkName: "plan" */ "./components/ResultsView").then((module) => ({
    default: module.ResultsView,
  })),
);

// The column mapping and the settings show once a workbook is open: they load while it is read,
// which keeps the start-up script within the issue 13 budget.
const MappingEditor = lazy(() =>
  import(/* webpackChunkName: "inputs" */ "./components/MappingEditor").then((module) => ({
    default: module.MappingEditor,
  })),
);

const SettingsForm = lazy(() =>
  import(/* webpackChunkName: "inputs" */ "./components/SettingsForm").then((module) => ({
    default: module.SettingsForm,
  })),
);

const WhatIfPanel = lazy(() =>
  import(/* webpackChunkName: "plan" */ "./components/WhatIfPanel").then((module) => ({
    default: module.WhatIfPanel,
  })),
);

const useStyles = makeStyles({
  pane: {
    display: "grid",
    gap: tokens.spacingVerticalL,
    padding: tokens.spacingHorizontalM,
    minHeight: "100vh",
    boxSizing: "border-box",
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyBase,
    alignContent: "start",
  },
  dropTarget: { outline: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}` },
  section: { display: "grid", gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  // Plan stays in reach at the bottom of a narrow pane while the user scrolls through settings.
  planBar: {
    position: "sticky",
    bottom: 0,
    zIndex: 1,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

const RESULTS_HEADING = "results-heading";
const PROBLEMS_HEADING = "problems-heading";

/** Scrolls a section's heading to the top and puts the keyboard there, so the user lands on what just appeared. */
function bringToHeading(id: string): void {
  const heading = document.getElementById(id);
  if (!heading) return;
  heading.scrollIntoView?.({ block: "start" });
  heading.focus({ preventScroll: true });
}

function Section({ title, headingId, children }: { title: string; headingId?: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-label={title}>
      <h2 className={styles.heading} id={headingId} tabIndex={headingId ? -1 : undefined}>
        <Subtitle2>{title}</Subtitle2>
      </h2>
      {children}
    </section>
  );
}

/** The whole task pane, over whichever workbook the host hands it. */
export function PlannerPane({ host }: { host: PaneHost }) {
  const styles = useStyles();
  const planner = usePlanner(host);
  const { state } = planner;
  const [dragging, setDragging] = useState(false);
  const busy = state.progress !== null;
  const inExcel = host.kind === "excel";
  const [settingToFocus, setSettingToFocus] = useState<{ key: SettingKey } | null>(null);
  // The result on screen when Plan was pressed: a different one afterwards means the plan is new.
  const revealAfter = useRef<PlanResult | null | undefined>(undefined);

  useEffect(() => {
    if (revealAfter.current === undefined || busy) return;
    if (state.result && state.result !== revealAfter.current) bringToHeading(RESULTS_HEADING);
    revealAfter.current = undefined;
  }, [busy, state.result]);

  const goTo = (target: HealthTarget) => {
    if (target.kind === "problems") bringToHeading(PROBLEMS_HEADING);
    else setSettingToFocus({ key: target.key });
  };

  const dropHandlers =
    host.kind === "browser"
      ? {
          onDragOver: (event: DragEvent) => {
            event.preventDefault();
            setDragging(true);
          },
          onDragLeave: () => setDragging(false),
          onDrop: (event: DragEvent) => {
            event.preventDefault();
            setDragging(false);
            const file = event.dataTransfer.files[0];
            if (file && !busy) void planner.openFile(file);
          },
        }
      : {};

  const rowChoices = useMemo(
    () => (state.sourceBlock ? headerRowChoices(state.sourceBlock) : []),
    [state.sourceBlock],
  );
  // Only a source whose first row is not its header row needs to be told which row is.
  const askHeaderRow = rowChoices.length > 0 && !rowChoices[0].matches;

  return (
    <div className={`${styles.pane} ${dragging ? styles.dropTarget : ""}`} {...dropHandlers}>
      <h1 className={styles.heading}>
        <Title3>Vehicle Planner</Title3>
      </h1>
      <StatusMessage status={state.status} />
      {state.unwritten && !state.progress && (
        <Button appearance="primary" onClick={() => void planner.writeAgain()}>
          Write the plan again
        </Button>
      )}

      <Section title="Vehicle table">
        {host.kind === "browser" && (
          <FileOpener
            fileName={state.fileName}
            busy={busy}
            onOpen={planner.openFile}
            onSample={planner.openSample}
          />
        )}
        {state.workbook && (
          <SourcePicker
            label="Vehicle table"
            placeholder="Choose the table of vehicles"
            sources={state.sources}
            selected={state.source}
            disabled={busy}
            onChoose={(source) => source && void planner.chooseSource(source)}
            onUseSelection={inExcel ? () => void planner.chooseSelection() : undefined}
          />
        )}
        {state.workbook && askHeaderRow && (
          <HeaderRowPicker
            choices={rowChoices}
            selected={state.headerRow}
            disabled={busy}
            onChoose={(row) => void planner.chooseHeaderRow(row)}
          />
        )}
        {state.workbook &&
          [
            {
              label: "Audience attention table",
              selected: state.attention,
              onChoose: planner.chooseAttention,
            },
            { label: "Lead log", selected: state.leads, onChoose: planner.chooseLeads },
          ].map(({ label, selected, onChoose }) => (
            <SourcePicker
              key={label}
              label={label}
              placeholder="None"
              noneLabel="None"
              sources={state.sources.filter((source) => source.kind !== "selection")}
              selected={selected}
              disabled={busy}
              onChoose={onChoose}
            />
          ))}
      </Section>

      {state.headerMatch && state.sourceBlock && (
        <Section title="Columns">
          <Suspense fallback={<Text>Loading the columns…</Text>}>
            <MappingEditor
              headers={state.headerMatch.headers}
              mapping={state.headerMatch.mapping}
              firstColumn={state.sourceBlock.left}
              disabled={busy}
              onChange={planner.setMapping}
            />
          </Suspense>
        </Section>
      )}

      {state.workbook && (
        <Section title="Settings">
          <Suspense fallback={<Text>Loading the settings…</Text>}>
            <SettingsForm
              texts={state.settings}
              disabled={busy}
              focusRequest={settingToFocus}
              onChange={planner.setSetting}
              onSave={() => void planner.saveSettings()}
            />
          </Suspense>
        </Section>
      )}

      <div className={styles.planBar}>
        <PlanControls
          canPlan={state.source !== null}
          progress={state.progress}
          onPlan={() => {
            revealAfter.current = state.result;
            void planner.plan();
          }}
          onCancel={planner.cancel}
        />
      </div>

      {state.result && (
        <Section title="Results" headingId={RESULTS_HEADING}>
          <Suspense fallback={<Text>Loading the results…</Text>}>
            <ResultsView
              plan={state.result.plan}
              inputs={state.result.inputs}
              written={state.result.written}
              problemCount={state.problems.length}
              onGoTo={goTo}
              onShowSheet={inExcel ? (name) => void planner.activateSheet(name) : undefined}
              onDownload={inExcel ? undefined : () => void planner.downloadPlan()}
            />
          </Suspense>
        </Section>
      )}

      {state.result && (
        <Section title="What if">
          <Suspense fallback={<Text>Loading…</Text>}>
            <WhatIfPanel
              inputs={state.result.inputs}
              plan={state.result.plan}
              busy={busy}
              scenarios={state.scenarios}
              onSaveScenario={planner.saveScenario}
              onDeleteScenario={planner.deleteScenario}
              onCompare={planner.compareSavedScenarios}
              replanOnChange={
                inExcel ? { on: state.replanOnChange, onToggle: planner.setReplanOnChange } : undefined
              }
            />
          </Suspense>
        </Section>
      )}

      {state.problems.length > 0 && (
        <Section title={`Problems (${state.problems.length})`} headingId={PROBLEMS_HEADING}>
          {inExcel && <Text>Choose a problem to select its cell.</Text>}
          <ProblemList
            problems={state.problems}
            onSelectCell={inExcel ? (cell) => void planner.selectCell(cell) : undefined}
          />
        </Section>
      )}
    </div>
  );
}
