/**
 * Start-up: wait for office.js to say where the pane runs (Excel, or nowhere:
 * a plain browser), load the matching workbook implementation, and render the
 * pane in a theme that follows Office's or the system's.
 */
import { FluentProvider, type Theme } from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { createRoot } from "react-dom/client";
import { browserHost } from "./browserHost";
import { excelHost } from "./excelHost";
import type { PaneHost } from "./host";
import { PlannerPane } from "./PlannerPane";
import { detectHost, type HostKind } from "./startup";
import { themeForBackground, themeForScheme } from "./theme";

const DARK_SCHEME = "(prefers-color-scheme: dark)";

function officeTheme(): Theme {
  return themeForBackground(Office.context?.officeTheme?.bodyBackgroundColor);
}

function useTheme(kind: HostKind): Theme {
  const [theme, setTheme] = useState(() =>
    kind === "excel" ? officeTheme() : themeForScheme(window.matchMedia(DARK_SCHEME).matches),
  );
  useEffect(() => {
    if (kind !== "browser") return;
    const scheme = window.matchMedia(DARK_SCHEME);
    const follow = () => setTheme(themeForScheme(scheme.matches));
    scheme.addEventListener("change", follow);
    return () => scheme.removeEventListener("change", follow);
  }, [kind]);
  return theme;
}

function App({ host }: { host: PaneHost }) {
  const theme = useTheme(host.kind);
  return (
    <FluentProvider theme={theme}>
      <PlannerPane host={host} />
    </FluentProvider>
  );
}

async function start(): Promise<void> {
  const container = document.getElementById("root");
  if (!container) return;
  const kind = await detectHost(typeof Office === "undefined" ? undefined : Office);
  let host: PaneHost;
  try {
    host = kind === "excel" ? await excelHost() : browserHost();
  } catch (error) {
    container.textContent = `Vehicle Planner could not start: ${error instanceof Error ? error.message : String(error)}`;
    return;
  }
  createRoot(container).render(<App host={host} />);
}

void start();
