/**
 * Issue 14.5: Replan when the sheet changes never fights the user's typing.
 * Excel before ExcelApi 1.11 refuses requests in cell-edit mode; the
 * automatic replan then waits and tries again.
 */
import { act, renderHook, waitFor } from "@testing-library/react";
import type { PaneHost } from "../../src/taskpane/host";
import { usePlanner } from "../../src/taskpane/usePlanner";
import { CELL_EDIT_MESSAGE } from "../../src/workbook/office/officeErrors";
import type { SourceRef } from "../../src/workbook/plannerWorkbook";
import { FakeWorkbook, fakeExcel } from "./fakeWorkbook";

test("an automatic replan refused while the user types in a cell is tried again, and the plan is written", async () => {
  const workbook = new FakeWorkbook();
  const excel = fakeExcel();
  const host: PaneHost = { kind: "excel", workbook, excel };
  const { result } = renderHook(() => usePlanner(host));
  await waitFor(() => expect(result.current.state.source).not.toBeNull());
  await act(() => result.current.plan());
  expect(workbook.written).toHaveLength(1);
  act(() => result.current.setReplanOnChange(true));

  // The user edits the table, then starts typing in another cell before the replan runs.
  const read = workbook.readSources.bind(workbook);
  let typing = true;
  workbook.readSources = async (sources: SourceRef[]) => {
    if (typing) {
      typing = false;
      throw new Error(CELL_EDIT_MESSAGE);
    }
    return read(sources);
  };
  const onChanged = excel.onSourceChanged.mock.calls[excel.onSourceChanged.mock.calls.length - 1][1];
  act(() => onChanged());

  await waitFor(() => expect(workbook.written).toHaveLength(2), { timeout: 15_000 });
  expect(typing).toBe(false);
  await waitFor(() => expect(result.current.state.status?.text).toMatch(/^Planned 4 vehicles/));
}, 30_000);
