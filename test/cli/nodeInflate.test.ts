import { deflateRawSync } from "zlib";
import { readFileSync } from "fs";
import { join } from "path";
import { inflateWithZlib } from "../../src/cli/nodeInflate";
import { WorkbookFileError, XlsxWorkbook } from "../../src/workbook/xlsx";
import { readZip } from "../../src/workbook/xlsx/zipArchive";
import { vehiclePackage } from "../fixtures/packages";

const SAMPLE = join(__dirname, "..", "..", "assets", "vehicle-planner-sample.xlsx");
const DAMAGED =
  "This .xlsx file is damaged and cannot be read: open it in Excel, let Excel repair it, and save it again.";

describe("SPEC 7 and 10.2 the CLI reads worksheets with Node's zlib", () => {
  test("every sheet of the sample, its Lead Log too, reads exactly as with fflate's inflater", async () => {
    const bytes = readFileSync(SAMPLE);
    const withFflate = await XlsxWorkbook.open(bytes);
    const withZlib = await XlsxWorkbook.open(bytes, { inflate: inflateWithZlib });
    expect(withZlib.sheetNames()).toContain("Lead Log");
    for (const name of withFflate.worksheetNames()) {
      expect(await withZlib.readSheet(name)).toEqual(await withFflate.readSheet(name));
    }
  });

  test("a worksheet whose compressed bytes are damaged is a damaged file, said so", async () => {
    const bytes = vehiclePackage();
    const sheet = readZip(bytes).find((entry) => entry.name === "xl/worksheets/sheet1.xml");
    sheet?.raw.fill(0xff, 0, 8);
    const workbook = await XlsxWorkbook.open(bytes, { inflate: inflateWithZlib });
    await expect(workbook.readSheet("Vehicles")).rejects.toThrow(new WorkbookFileError(DAMAGED));
  });

  test("text comes in order, in pieces, and a failure while reading them ends the stream", async () => {
    const text = Array.from({ length: 50_000 }, (_, i) => `<row r="${i + 1}"/>`).join("");
    const pieces: Buffer[] = [];
    await inflateWithZlib(deflateRawSync(Buffer.from(text)), (chunk) => pieces.push(Buffer.from(chunk)));
    expect(pieces.length).toBeGreaterThan(1);
    expect(Buffer.concat(pieces).toString()).toBe(text);
    await expect(
      inflateWithZlib(deflateRawSync(Buffer.from(text)), () => {
        throw new Error("the reader stopped");
      }),
    ).rejects.toThrow("the reader stopped");
  });
});
