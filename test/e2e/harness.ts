/**
 * What every end-to-end test needs: a production build of the pane, the
 * static server of `npm run serve` on a free port, and Debian's Chromium
 * driven by playwright-core (no browser is ever downloaded).
 */
import { spawn, spawnSync, type ChildProcess } from "child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "fs";
import { createServer } from "net";
import { join } from "path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { repositoryRoot } from "../../scripts/repositoryRoot";

export const ROOT = repositoryRoot(__dirname);
export const SAMPLE = join(ROOT, "assets", "vehicle-planner-sample.xlsx");
export const RESULTS = join(ROOT, "test-results");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function newestSource(folder: string): number {
  let newest = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** Builds the pane unless dist/ is newer than every source file. */
export function ensureBuild(): void {
  const page = join(ROOT, "dist", "browser.html");
  if (
    existsSync(page) &&
    statSync(page).mtimeMs > Math.max(newestSource(join(ROOT, "src")), statSync(SAMPLE).mtimeMs)
  )
    return;
  const build = spawnSync("npm", ["run", "build", "--silent"], { cwd: ROOT, stdio: "ignore" });
  if (build.status !== 0) throw new Error("npm run build failed");
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

export interface Session {
  url: string;
  browser: Browser;
  stop(): Promise<void>;
}

export async function startSession(): Promise<Session> {
  ensureBuild();
  const port = await freePort();
  const server: ChildProcess = spawn(process.execPath, [join(ROOT, "scripts", "serve.js")], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("http://") && resolve());
    server.on("exit", (code) => reject(new Error(`the server stopped (${code})`)));
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    url: `http://localhost:${port}/browser.html`,
    browser,
    async stop() {
      await browser.close();
      server.kill();
    },
  };
}

/** The test file's session: started before its tests, stopped after them; call it inside a test. */
export function fileSession(): () => Session {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await startSession();
  }, 600_000);
  afterAll(async () => {
    await session?.stop();
  });
  return () => {
    if (!session) throw new Error("the browser session did not start");
    return session;
  };
}

/** A fresh page on the pane, with every dialog failing the test. */
export async function openPane(
  session: Session,
  options: { bypassCSP?: boolean; width?: number } = {},
): Promise<{ context: BrowserContext; page: Page; dialogs: string[] }> {
  const context = await session.browser.newContext({
    acceptDownloads: true,
    bypassCSP: options.bypassCSP ?? false,
    ...(options.width ? { viewport: { width: options.width, height: 900 } } : {}),
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(session.url);
  await page.getByRole("button", { name: "Open workbook" }).waitFor();
  return { context, page, dialogs };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `e2e-${name}.png`), fullPage: true });
}
