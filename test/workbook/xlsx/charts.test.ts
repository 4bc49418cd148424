import { execFileSync } from "child_process";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import type { OutputSheet } from "../../../src/core/outputTable";
import { relationshipsPath, resolvePath } from "../../../src/workbook/xlsx/opcPackage";
import { XlsxWorkbook } from "../../../src/workbook/xlsx";
import { curveSheet, mixSheet } from "../../core/chartFixtures";

const FIXTURE = join(__dirname, "..", "..", "fixtures", "rich-workbook.xlsx");
const LISTING_PARTS = new Set([
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "[Content_Types].xml",
  "xl/styles.xml",
]);

async function planned(sheets: OutputSheet[], times = 1): Promise<Record<string, Uint8Array>> {
  let bytes: Uint8Array = readFileSync(FIXTURE);
  for (let i = 0; i < times; i++) {
    const workbook = await XlsxWorkbook.open(bytes);
    await workbook.writeOutputs(sheets);
    bytes = await workbook.toBytes();
  }
  return unzipSync(bytes);
}

function text(parts: Record<string, Uint8Array>, path: string): string {
  expect(parts[path]).toBeDefined();
  return strFromU8(parts[path]);
}

/** The targets of a part's relationships, as package paths, by relationship id. */
function targets(parts: Record<string, Uint8Array>, owner: string): Map<string, string> {
  const rels = parts[relationshipsPath(owner)];
  if (!rels) return new Map();
  return new Map(
    [...strFromU8(rels).matchAll(/<Relationship\b([^>]*)>/g)].map((match) => [
      /\bId="([^"]*)"/.exec(match[1])?.[1] ?? "",
      resolvePath(owner, /\bTarget="([^"]*)"/.exec(match[1])?.[1] ?? ""),
    ]),
  );
}

/** The worksheet part of a sheet, through the workbook's relationships. */
function sheetPath(parts: Record<string, Uint8Array>, name: string): string {
  const workbook = text(parts, "xl/workbook.xml");
  const id = new RegExp(`<sheet name="${name}"[^>]*r:id="([^"]*)"`).exec(workbook)?.[1] ?? "";
  return targets(parts, "xl/workbook.xml").get(id) ?? "";
}

/** The chart parts a sheet's drawing refers to, in drawing order. */
function chartsOfSheet(parts: Record<string, Uint8Array>, sheet: string): string[] {
  const path = sheetPath(parts, sheet);
  const drawingId = /<drawing r:id="([^"]*)"\/>/.exec(text(parts, path))?.[1] ?? "";
  const drawing = targets(parts, path).get(drawingId) ?? "";
  const chartIds = [...text(parts, drawing).matchAll(/<c:chart [^>]*r:id="([^"]*)"/g)].map((m) => m[1]);
  const drawingTargets = targets(parts, drawing);
  return chartIds.map((id) => drawingTargets.get(id) ?? "");
}

describe("SPEC 11 pictures in the .xlsx: native DrawingML chart parts", () => {
  test("Media Mix's drawing holds a clustered bar chart whose series point at tblMediaMix's ranges, values cached", async () => {
    const parts = await planned([mixSheet()]);
    const [chart] = chartsOfSheet(parts, "Media Mix");
    expect(chart).toBe("xl/charts/chart2.xml");
    const xml = text(parts, chart);
    expect(xml).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect([...xml.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1])).toEqual([
      "&apos;Media Mix&apos;!$C$1",
      "&apos;Media Mix&apos;!$A$2:$A$4",
      "&apos;Media Mix&apos;!$C$2:$C$4",
      "&apos;Media Mix&apos;!$G$1",
      "&apos;Media Mix&apos;!$A$2:$A$4",
      "&apos;Media Mix&apos;!$G$2:$G$4",
      "&apos;Media Mix&apos;!$J$1",
      "&apos;Media Mix&apos;!$A$2:$A$4",
      "&apos;Media Mix&apos;!$J$2:$J$4",
    ]);
    expect(xml).toContain(
      '<c:ptCount val="3"/><c:pt idx="0"><c:v>Events</c:v></c:pt><c:pt idx="1"><c:v>Digital ads</c:v></c:pt><c:pt idx="2"><c:v>Print</c:v></c:pt>',
    );
    expect(xml).toContain('<c:pt idx="0"><c:v>0.3</c:v></c:pt><c:pt idx="1"><c:v>0.5</c:v></c:pt>');
    expect(xml).toContain("<a:t>Share by channel: current, recommended and audience attention</a:t>");
    const types = text(parts, "[Content_Types].xml");
    expect(types).toContain(
      '<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
    );
    expect(types).toContain(
      '<Override PartName="/xl/drawings/drawing2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
    );
  });

  test("Budget Curve's line chart plots Expected pipeline against Budget, with the Budget and Pipeline goal lines in labelled cells beside the table", async () => {
    const parts = await planned([curveSheet()]);
    const [chart] = chartsOfSheet(parts, "Budget Curve");
    const xml = text(parts, chart);
    expect(xml).toContain('<c:scatterChart><c:scatterStyle val="lineMarker"/>');
    const series = [...xml.matchAll(/<c:ser>([\s\S]*?)<\/c:ser>/g)].map((match) => ({
      name: /<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/.exec(match[1])?.[1],
      x: /<c:xVal><c:numRef><c:f>([^<]*)</.exec(match[1])?.[1],
      y: /<c:yVal><c:numRef><c:f>([^<]*)</.exec(match[1])?.[1],
    }));
    expect(series).toEqual([
      {
        name: "Expected pipeline",
        x: "&apos;Budget Curve&apos;!$A$2:$A$6",
        y: "&apos;Budget Curve&apos;!$B$2:$B$6",
      },
      {
        name: "Plan budget",
        x: "&apos;Budget Curve&apos;!$I$2:$I$3",
        y: "&apos;Budget Curve&apos;!$J$2:$J$3",
      },
      {
        name: "Pipeline goal",
        x: "&apos;Budget Curve&apos;!$I$4:$I$5",
        y: "&apos;Budget Curve&apos;!$J$4:$J$5",
      },
    ]);
    const workbook = await XlsxWorkbook.open(zipSync(parts));
    const sheet = await workbook.readSheet("Budget Curve");
    expect(sheet?.cells.slice(0, 5).map((row) => row.slice(7, 10))).toEqual([
      ["Chart marker", "Budget", "Expected pipeline"],
      ["Plan budget", 150_000, 0],
      ["Plan budget", 150_000, 2_000_000],
      ["Pipeline goal", 100_000, 1_900_000],
      ["Pipeline goal", 300_000, 1_900_000],
    ]);
    expect(await workbook.readSource({ kind: "table", name: "tblBudgetCurve" })).toMatchObject({
      cells: expect.arrayContaining([
        [
          "Budget",
          "Expected pipeline",
          "Expected leads",
          "Marginal pipeline per $1k",
          "Pipeline per $",
          "Note",
        ],
      ]),
    });
  });

  test("SPEC 6 nothing is lost: the user's parts (their own chart and drawing too) keep their bytes", async () => {
    const before = unzipSync(readFileSync(FIXTURE));
    const after = await planned([mixSheet(), curveSheet()]);
    for (const [path, data] of Object.entries(before)) {
      if (!LISTING_PARTS.has(path))
        expect([path, Buffer.from(after[path]).equals(Buffer.from(data))]).toEqual([path, true]);
    }
    expect(
      Object.keys(after)
        .filter((path) => /^xl\/(charts|drawings)\/[^/]*\.xml$/.test(path))
        .sort(),
    ).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
      "xl/charts/chart3.xml",
      "xl/drawings/drawing1.xml",
      "xl/drawings/drawing2.xml",
      "xl/drawings/drawing3.xml",
    ]);
  });

  test("a replan replaces the planner's chart parts: none left that nothing refers to, none twice, every content type names a part", async () => {
    const parts = await planned([mixSheet(), curveSheet()], 3);
    const referenced = new Set<string>();
    for (const path of Object.keys(parts)) {
      const owner = /^(.*?)_rels\/(.*)\.rels$/.exec(path);
      if (!owner) continue;
      for (const target of targets(parts, `${owner[1]}${owner[2]}`).values()) referenced.add(target);
    }
    const drawn = Object.keys(parts).filter((path) => /^xl\/(charts|drawings)\/[^/]*\.(xml|vml)$/.test(path));
    expect(drawn.filter((path) => !referenced.has(path))).toEqual([]);
    expect(drawn.filter((path) => path.startsWith("xl/charts/"))).toHaveLength(3);
    expect([...chartsOfSheet(parts, "Media Mix"), ...chartsOfSheet(parts, "Budget Curve")].sort()).toEqual([
      "xl/charts/chart2.xml",
      "xl/charts/chart3.xml",
    ]);
    const overrides = [...text(parts, "[Content_Types].xml").matchAll(/PartName="\/([^"]*)"/g)].map(
      (m) => m[1],
    );
    expect(overrides.filter((path) => !parts[path])).toEqual([]);
    expect(overrides.length).toBe(new Set(overrides).size);
  });
});

/** A PPM (P6) image as pdftoppm writes it: width, height and RGB bytes. */
function readPpm(bytes: Buffer): { width: number; height: number; rgb: Buffer } {
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.subarray(0, 40).toString("latin1"));
  if (!header) throw new Error("not a P6 PPM");
  return { width: Number(header[1]), height: Number(header[2]), rgb: bytes.subarray(header[0].length) };
}

/** How many pixels are within a small distance of the colour. */
function pixelsNear(rgb: Buffer, colour: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(colour.slice(i, i + 2), 16));
  let count = 0;
  for (let i = 0; i + 2 < rgb.length; i += 3) {
    if (Math.abs(rgb[i] - r) + Math.abs(rgb[i + 1] - g) + Math.abs(rgb[i + 2] - b) < 40) count++;
  }
  return count;
}

test("SPEC 11 LibreOffice draws both charts: their pages hold the titles and bars and lines in the series' colours", async () => {
  const dir = mkdtempSync(join(tmpdir(), "vp-xlsx-charts-"));
  const parts = await planned([mixSheet(), curveSheet()]);
  writeFileSync(join(dir, "plan.xlsx"), zipSync(parts));
  const soffice = ["-env:UserInstallation=file://" + dir + "/profile", "--headless", "--convert-to", "pdf"];
  execFileSync("soffice", [...soffice, "--outdir", dir, join(dir, "plan.xlsx")], {
    stdio: "ignore",
    timeout: 120_000,
  });
  const pdf = join(dir, "plan.pdf");
  const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))?.[1]);
  const pageOf = (title: string) =>
    Array.from({ length: pages }, (_, i) => i + 1).find((page) =>
      execFileSync("pdftotext", ["-f", `${page}`, "-l", `${page}`, pdf, "-"], { encoding: "utf8" }).includes(
        title,
      ),
    );
  const render = (page: number) => {
    execFileSync("pdftoppm", ["-r", "100", "-f", `${page}`, "-l", `${page}`, pdf, join(dir, `page${page}`)]);
    const file =
      readdirSync(dir).find((name) => name.startsWith(`page${page}`) && name.endsWith(".ppm")) ?? "";
    return readPpm(readFileSync(join(dir, file)));
  };
  const mixPage = pageOf("Share by channel");
  const curvePage = pageOf("Expected pipeline by budget");
  expect(mixPage).toBeDefined();
  expect(curvePage).toBeDefined();
  const mix = render(mixPage ?? 0);
  // The three share series' bars: blue, orange and green.
  for (const colour of ["4472C4", "ED7D31", "70AD47"])
    expect(pixelsNear(mix.rgb, colour)).toBeGreaterThan(100);
  const curve = render(curvePage ?? 0);
  // The curve in blue, the goal line in red.
  expect(pixelsNear(curve.rgb, "4472C4")).toBeGreaterThan(100);
  expect(pixelsNear(curve.rgb, "C00000")).toBeGreaterThan(30);
}, 150_000);
