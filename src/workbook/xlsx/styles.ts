/**
 * The cell styles the planner's sheets need, appended to the workbook's own
 * styles part. Existing entries are never changed or reordered, so every
 * style index the user's sheets use stays valid.
 */
import { NUMBER_FORMATS, type ColumnFormat } from "../../core/outputTable";
import { OpcPackage, relativePath } from "./opcPackage";
import { addContentTypeOverride, addRelationship } from "./packageEdits";
import {
  isRelationshipType,
  relationshipType,
  spreadsheetMain,
  tagPattern,
  withPrefix,
  type Dialect,
} from "./dialect";
import { attributes, escapeXml } from "./xml";

const BUILT_IN_FORMATS: Partial<Record<string, number>> = {
  "0": 1,
  "@": 49,
  "0.00": 2,
  "0%": 9,
  "0.00%": 10,
};
const FIRST_CUSTOM_FORMAT = 164;

const minimalStyles = (dialect: Dialect) =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<styleSheet xmlns="${dialect.main}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

function stylesPath(pkg: OpcPackage, workbookPath: string): string {
  const existing = pkg.relationships(workbookPath).find((rel) => isRelationshipType(rel.type, "styles"));
  if (existing && pkg.has(existing.target)) return existing.target;
  const path = "xl/styles.xml";
  const { dialect, prefix } = spreadsheetMain(pkg.text(workbookPath) ?? "");
  pkg.setText(path, withPrefix(minimalStyles(dialect), prefix));
  addRelationship(pkg, workbookPath, relationshipType(dialect, "styles"), relativePath(workbookPath, path));
  addContentTypeOverride(pkg, path, "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml");
  return path;
}

/** Adds one cell style per column format and returns each one's index in cellXfs. */
export function addColumnStyles(pkg: OpcPackage, workbookPath: string): Record<ColumnFormat, number> {
  const path = stylesPath(pkg, workbookPath);
  let xml = pkg.text(path) ?? "";
  const p = spreadsheetMain(xml).prefix;
  const tag = (local: string) => tagPattern(p, local);

  const numFmtIds = new Map<string, number>();
  let nextCustom = FIRST_CUSTOM_FORMAT;
  for (const match of xml.matchAll(new RegExp(`<${tag("numFmt")}\\b([^>]*)/?>`, "g"))) {
    const attrs = attributes(match[1]);
    const id = Number(attrs.numFmtId);
    numFmtIds.set(attrs.formatCode, id);
    nextCustom = Math.max(nextCustom, id + 1);
  }
  const newFormats: string[] = [];
  const formatIdOf = (code: string): number => {
    const known = BUILT_IN_FORMATS[code] ?? numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = nextCustom++;
    numFmtIds.set(code, id);
    newFormats.push(`<${p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  };

  const cellXfsPattern = new RegExp(`<${tag("cellXfs")}\\b[^>]*>([\\s\\S]*?)</${tag("cellXfs")}>`);
  const cellXfs = cellXfsPattern.exec(xml);
  const xfPattern = new RegExp(
    `<${tag("xf")}\\b[^>]*/>|<${tag("xf")}\\b[^>]*>[\\s\\S]*?</${tag("xf")}>`,
    "g",
  );
  const existingXfs = cellXfs ? [...cellXfs[1].matchAll(xfPattern)].map((match) => match[0]) : [];
  let xfCount = existingXfs.length;
  const formats = Object.keys(NUMBER_FORMATS) as ColumnFormat[];
  const indices = {} as Record<ColumnFormat, number>;
  const newXfs: string[] = [];
  for (const format of formats) {
    const xf = `<${p}xf numFmtId="${formatIdOf(NUMBER_FORMATS[format])}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`;
    const reused = existingXfs.indexOf(xf);
    if (reused >= 0) {
      indices[format] = reused;
    } else {
      indices[format] = xfCount++;
      existingXfs.push(xf);
      newXfs.push(xf);
    }
  }

  if (newFormats.length > 0) {
    if (new RegExp(`<${tag("numFmts")}\\b`).test(xml)) {
      xml = xml.replace(
        new RegExp(
          `<${tag("numFmts")}\\b[^>]*>([\\s\\S]*?)</${tag("numFmts")}>|<${tag("numFmts")}\\b[^>]*/>`,
        ),
        (_, inner: string | undefined) => {
          const body = (inner ?? "") + newFormats.join("");
          const count = (body.match(new RegExp(`<${tag("numFmt")}\\b`, "g")) ?? []).length;
          return `<${p}numFmts count="${count}">${body}</${p}numFmts>`;
        },
      );
    } else {
      xml = xml.replace(
        new RegExp(`<${tag("styleSheet")}\\b[^>]*>`),
        (open) => `${open}<${p}numFmts count="${newFormats.length}">${newFormats.join("")}</${p}numFmts>`,
      );
    }
  }
  if (newXfs.length === 0 && newFormats.length === 0) return indices;
  if (cellXfs) {
    xml = xml.replace(
      cellXfsPattern,
      (_, inner: string) => `<${p}cellXfs count="${xfCount}">${inner}${newXfs.join("")}</${p}cellXfs>`,
    );
  } else {
    xml = xml.replace(
      new RegExp(`(</${tag("cellStyleXfs")}>|</${tag("borders")}>)`),
      `$1<${p}cellXfs count="${xfCount}">${newXfs.join("")}</${p}cellXfs>`,
    );
  }
  pkg.setText(path, xml);
  return indices;
}
