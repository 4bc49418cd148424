/**
 * What the pane's plain async actions work with: the host, the state as it
 * is now (read again after every await), the reducer's dispatch, and the
 * little the pane keeps between actions without showing it.
 */
import type { ExcelActions, PaneHost } from "./host";
import type { PlannerAction, PlannerState, Status, StatusIntent } from "./plannerReducer";

export interface PaneRun {
  cancelRequested: boolean;
  /** Each load bumps this; a slower, older load that finishes later is dropped. */
  loadGeneration: number;
  stopListening: (() => void) | null;
  replanTimer: ReturnType<typeof setTimeout> | undefined;
}

export interface PaneContext {
  host: PaneHost;
  excel: ExcelActions | null;
  getState(): PlannerState;
  dispatch(action: PlannerAction): void;
  run: PaneRun;
}

export function paneContext(
  host: PaneHost,
  getState: () => PlannerState,
  dispatch: (action: PlannerAction) => void,
): PaneContext {
  return {
    host,
    excel: host.kind === "excel" ? host.excel : null,
    getState,
    dispatch,
    run: { cancelRequested: false, loadGeneration: 0, stopListening: null, replanTimer: undefined },
  };
}

export function say(context: PaneContext, intent: StatusIntent, text: string): void {
  context.dispatch({ type: "said", status: { intent, text } });
}

/** Says it in the banner and hands it back, for the control that asked to show it beside itself. */
export function report(context: PaneContext, intent: StatusIntent, text: string): Status {
  say(context, intent, text);
  return { intent, text };
}
