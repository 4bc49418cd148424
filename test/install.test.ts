import { readFileSync } from "fs";
import { join } from "path";

interface LockedPackage {
  hasInstallScript?: boolean;
  dependencies?: Record<string, string>;
}

const ROOT = join(__dirname, "..");
const lock = JSON.parse(readFileSync(join(ROOT, "package-lock.json"), "utf8")) as {
  packages: Record<string, LockedPackage>;
};
const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
  dependencies: Record<string, string>;
};

/** Install scripts that never compile or download: each fetches nothing and builds only on request. */
const HARMLESS_INSTALL_SCRIPTS = new Set([
  "node_modules/@parcel/watcher", // builds from source only with npm_config_build_from_source=true
  "node_modules/@swc/core", // checks that a platform package installed; downloads nothing
  "node_modules/esbuild", // checks its platform package; downloads nothing when one installed
]);

test("npm ci needs no native build: no locked package compiles or fetches a binary at install", () => {
  const withScripts = Object.entries(lock.packages)
    .filter(([, locked]) => locked.hasInstallScript)
    .map(([path]) => path)
    .filter((path) => !HARMLESS_INSTALL_SCRIPTS.has(path));
  expect(withScripts).toEqual([]);
  expect(Object.keys(lock.packages).filter((path) => path.endsWith("/keytar"))).toEqual([]);
});

test("run-time dependencies are only what the CLI and the pane load", () => {
  expect(Object.keys(manifest.dependencies).sort()).toEqual([
    "@fluentui/react-components",
    "fflate",
    "react",
    "react-dom",
  ]);
});
