/** The pane inside Excel: the Office.js workbook and Excel's own actions, loaded once Office is ready. */
import type { PaneHost } from "./host";

export async function excelHost(): Promise<PaneHost> {
  const office = await import(/* webpackChunkName: "workbook-office" */ "../workbook/office");
  return {
    kind: "excel",
    workbook: new office.OfficeWorkbook(),
    excel: {
      selectCell: office.selectCell,
      activateSheet: office.activateSheet,
      readSavedMapping: office.readSavedMapping,
      saveMapping: office.saveMapping,
      onSourceChanged: office.onSourceChanged,
      onSourcesChanged: (handler) => office.onSourcesChanged(handler),
    },
  };
}
