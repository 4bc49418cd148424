/**
 * The pane in a plain browser: workbooks come from .xlsx files the user opens.
 * The file library is imported here only, on first use, so it is a separate
 * chunk that Excel never loads.
 */
import type { OpenedFile, PaneHost } from "./host";

export const SAMPLE_URL = "assets/vehicle-planner-sample.xlsx";
const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function openFile(bytes: Uint8Array): Promise<OpenedFile> {
  const xlsx = await import(/* webpackChunkName: "workbook-file" */ "../workbook/xlsx");
  const workbook = await xlsx.XlsxWorkbook.open(bytes);
  return { workbook, vehicleSource: await xlsx.findVehicleSource(workbook) };
}

async function loadSample(): Promise<Uint8Array> {
  const response = await fetch(SAMPLE_URL);
  if (!response.ok) throw new Error(`the sample workbook is not available (HTTP ${response.status})`);
  return new Uint8Array(await response.arrayBuffer());
}

function download(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: XLSX_MIME }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL can go after the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The part of office.js's internal logger that, outside Office, frames Microsoft's telemetry page 3 s after start. */
interface OfficeLogger {
  OSF?: { Logger?: { ulsEndpoint?: { loadProxyFrame(): void } | null } };
}

/**
 * A plain browser has no Office to log to, and the page's policy forbids the
 * frame (a console error on every load): office.js is told not to make it.
 */
function keepOfficeTelemetryFrameOut(): void {
  const endpoint = (window as unknown as OfficeLogger).OSF?.Logger?.ulsEndpoint;
  if (endpoint) endpoint.loadProxyFrame = () => undefined;
}

export function browserHost(): PaneHost {
  keepOfficeTelemetryFrameOut();
  return { kind: "browser", openFile, loadSample, download };
}
