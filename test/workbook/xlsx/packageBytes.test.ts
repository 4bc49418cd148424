import { unzipSync, zipSync, type Zippable } from "fflate";
import type { OutputSheet } from "../../../src/core/outputTable";
import { XlsxWorkbook } from "../../../src/workbook/xlsx";
import { readZip } from "../../../src/workbook/xlsx/zipArchive";
import { vehiclePackage } from "../../fixtures/packages";

/** The parts the planner adds its sheets to; every other part of the input must come out as it went in. */
const LISTING_PARTS = new Set([
  "[Content_Types].xml",
  "xl/workbook.xml",
  "xl/_rels/workbook.xml.rels",
  "xl/styles.xml",
]);

const SHORTLIST: OutputSheet = {
  kind: "shortlist",
  sheetName: "Shortlist",
  tableName: "tblShortlist",
  columns: [
    { header: "Rank", format: "integer", width: 6 },
    { header: "Vehicle", format: "text", width: 24 },
  ],
  rows: [[1, "Webinar"]],
};

/** The vehicle package with its parts stored (level 0) and deflated at level 1, the writer's own level being 6. */
function packageAtMixedLevels(): Uint8Array {
  const rows = Array.from({ length: 300 }, (_, i) => [
    `Vehicle ${i}`,
    "Events",
    1000 + i,
    10 + i,
    50_000 + i * 7,
  ]);
  const parts = unzipSync(vehiclePackage({ rows }));
  const zippable: Zippable = {};
  Object.entries(parts).forEach(([path, data], i) => {
    zippable[path] = [data, { level: i % 2 === 0 ? 0 : 1 }];
  });
  return zipSync(zippable);
}

describe("SPEC 6 nothing is lost: the parts the planner does not change are copied, not recompressed", () => {
  test("each unchanged entry keeps its compression method, its checksum and its compressed bytes", async () => {
    const input = packageAtMixedLevels();
    const workbook = await XlsxWorkbook.open(input);
    expect((await workbook.readSheet("Vehicles"))?.cells).toHaveLength(301);
    await workbook.writeOutputs([SHORTLIST]);
    const written = new Map(readZip(await workbook.toBytes()).map((entry) => [entry.name, entry]));

    const unchanged = readZip(input).filter((entry) => !LISTING_PARTS.has(entry.name));
    expect(unchanged.map((entry) => entry.method)).toEqual(expect.arrayContaining([0, 8]));
    expect(unchanged.map((entry) => entry.name)).toContain("xl/worksheets/sheet1.xml");
    for (const entry of unchanged) {
      const copy = written.get(entry.name);
      expect({ name: entry.name, method: copy?.method, crc: copy?.crc }).toEqual({
        name: entry.name,
        method: entry.method,
        crc: entry.crc,
      });
      expect(Buffer.from(copy?.raw ?? []).equals(Buffer.from(entry.raw))).toBe(true);
    }
  });
});
