import { spawnSync } from "child_process";
import { readFileSync } from "fs";
import { join } from "path";

const ROOT = join(__dirname, "..");
const SCHEMA = join(ROOT, "schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd");
const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");

test("manifest.xml validates offline against the published add-in manifest schemas", () => {
  const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", SCHEMA, join(ROOT, "manifest.xml")], {
    encoding: "utf8",
  });
  expect(run.stderr).toContain("manifest.xml validates");
  expect(run.status).toBe(0);
});

test("the add-in asks for ReadWriteDocument and no more", () => {
  expect(manifest.match(/<Permissions>([^<]*)<\/Permissions>/)?.[1]).toBe("ReadWriteDocument");
});

test("it needs ExcelApi 1.7 (chart series) and no higher requirement set", () => {
  const sets = [...manifest.matchAll(/Set Name="ExcelApi" MinVersion="([\d.]+)"/g)].map((match) => match[1]);
  expect(new Set(sets)).toEqual(new Set(["1.7"]));
});

test("a Home-tab button opens the task pane, with icons from assets/", () => {
  expect(manifest).toMatch(/<OfficeTab id="TabHome">[\s\S]*<Action xsi:type="ShowTaskpane">/);
  for (const size of [16, 32, 80])
    expect(manifest).toContain(`https://localhost:3000/assets/icon-${size}.png`);
});
