/**
 * Where the pane is running: inside Excel (office.js reports the Excel host)
 * or in a plain browser (no host, or office.js missing or failing). The
 * answer is the host office.js reports, however long Excel takes to give it:
 * a slow start inside Excel must never drop the pane into browser mode.
 */
export type HostKind = "excel" | "browser";

interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  HostType?: { Excel?: unknown };
}

export async function detectHost(office: OfficeLike | undefined): Promise<HostKind> {
  if (!office) return "browser";
  try {
    const info = await office.onReady();
    const excel = office.HostType?.Excel ?? "Excel";
    return info.host === excel ? "excel" : "browser";
  } catch {
    return "browser";
  }
}
