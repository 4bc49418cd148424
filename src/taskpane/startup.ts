/**
 * Where the pane is running: inside Excel (office.js reports the Excel host)
 * or in a plain browser (no host, office.js missing, or no answer in time).
 */
export type HostKind = "excel" | "browser";

/** How long office.js gets to say where it runs before the pane starts in browser mode. */
export const OFFICE_READY_TIMEOUT_MS = 2000;

interface OfficeLike {
  onReady(): Promise<{ host: unknown }>;
  HostType?: { Excel?: unknown };
}

export async function detectHost(
  office: OfficeLike | undefined,
  timeoutMs = OFFICE_READY_TIMEOUT_MS,
): Promise<HostKind> {
  if (!office) return "browser";
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  try {
    const info = await Promise.race([office.onReady(), timeout]);
    const excel = office.HostType?.Excel ?? "Excel";
    return info !== null && info.host === excel ? "excel" : "browser";
  } catch {
    return "browser";
  } finally {
    clearTimeout(timer);
  }
}
