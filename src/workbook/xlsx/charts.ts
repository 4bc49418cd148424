/**
 * SPEC 11 in the .xlsx package: each chart of a planner sheet as a native
 * DrawingML chart part, on a drawing part of the sheet, its series pointing
 * at the table's ranges with the values cached so a reader that does not
 * recalculate still draws them. These are new parts of the planner's own
 * sheet only: when the sheet is written again, the sheet's old drawing and
 * charts go with its old relationships (`deleteReachableParts`).
 */
import { columnLetters, quoteSheetName } from "../../core/cellReference";
import type { ChartLayout, ChartRange, ChartSeries, MarkerBlock } from "../../core/charts";
import { NUMBER_FORMATS, type ColumnFormat, type OutputCell } from "../../core/outputTable";
import { OpcPackage, relativePath } from "./opcPackage";
import { addContentTypeOverride, addRelationship } from "./packageEdits";
import { escapeCellText, escapeXml } from "./xml";

const DRAWING_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing";
const CHART_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const DRAWING_CONTENT = "application/vnd.openxmlformats-officedocument.drawing+xml";
const CHART_CONTENT = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const C_NS = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const XDR_NS = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Office's default accent colours, so the file's charts look like ones drawn in Excel. */
const SERIES_COLOURS = ["4472C4", "ED7D31", "70AD47", "FFC000"];
const MARKER_COLOURS = ["595959", "C00000"];

/** The whole-percent and whole-dollar axis labels of the formats the charts plot. */
const AXIS_FORMATS: Partial<Record<ColumnFormat, string>> = { percent: "0%", money: "$#,##0" };

function unusedPath(pkg: OpcPackage, folder: string, stem: string): string {
  let n = 1;
  while (pkg.has(`${folder}/${stem}${n}.xml`)) n++;
  return `${folder}/${stem}${n}.xml`;
}

function richText(text: string, size: number, bold: boolean): string {
  const run = `<a:rPr lang="en-US" sz="${size}" b="${bold ? 1 : 0}"/>`;
  return (
    `<c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}" b="${bold ? 1 : 0}"/></a:pPr>` +
    `<a:r>${run}<a:t>${escapeXml(text)}</a:t></a:r></a:p></c:rich></c:tx>`
  );
}

/** A chart title (14 pt, bold) or an axis title (10 pt). */
function title(text: string, main = false): string {
  return `<c:title>${richText(text, main ? 1400 : 1000, main)}<c:overlay val="0"/></c:title>`;
}

function numRef(sheet: string, range: ChartRange<number | null | OutputCell>, formatCode: string): string {
  const points = range.values
    .map((value, i) =>
      typeof value === "number" && Number.isFinite(value)
        ? `<c:pt idx="${i}"><c:v>${value}</c:v></c:pt>`
        : "",
    )
    .join("");
  return (
    `<c:numRef><c:f>${escapeXml(`${sheet}!${range.ref}`)}</c:f><c:numCache>` +
    `<c:formatCode>${escapeXml(formatCode)}</c:formatCode><c:ptCount val="${range.values.length}"/>${points}</c:numCache></c:numRef>`
  );
}

function strRef(sheet: string, ref: string, values: readonly OutputCell[]): string {
  const points = values
    .map((value, i) =>
      value === null ? "" : `<c:pt idx="${i}"><c:v>${escapeCellText(String(value))}</c:v></c:pt>`,
    )
    .join("");
  return (
    `<c:strRef><c:f>${escapeXml(`${sheet}!${ref}`)}</c:f><c:strCache><c:ptCount val="${values.length}"/>` +
    `${points}</c:strCache></c:strRef>`
  );
}

function seriesHead(sheet: string, series: ChartSeries, index: number): string {
  return `<c:idx val="${index}"/><c:order val="${index}"/><c:tx>${strRef(sheet, series.nameRef, [series.name])}</c:tx>`;
}

function line(colour: string, width: number, dash: boolean): string {
  const dashXml = dash ? '<a:prstDash val="dash"/>' : "";
  return `<c:spPr><a:ln w="${width}" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill>${dashXml}</a:ln></c:spPr>`;
}

function axisText(): string {
  return `<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>`;
}

function barChartXml(sheet: string, layout: ChartLayout): string {
  const series = layout.series
    .map(
      (s, i) =>
        `<c:ser>${seriesHead(sheet, s, i)}` +
        `<c:spPr><a:solidFill><a:srgbClr val="${SERIES_COLOURS[i % SERIES_COLOURS.length]}"/></a:solidFill></c:spPr>` +
        `<c:invertIfNegative val="0"/><c:cat>${strRef(sheet, s.categories.ref, s.categories.values)}</c:cat>` +
        `<c:val>${numRef(sheet, s.values, NUMBER_FORMATS[layout.valueFormat])}</c:val></c:ser>`,
    )
    .join("");
  const spec = layout.spec;
  return (
    `<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>${series}` +
    `<c:gapWidth val="60"/><c:axId val="501"/><c:axId val="502"/></c:barChart>` +
    // The first channel at the top, as in the table; the value axis then crosses at the bottom ("max").
    `<c:catAx><c:axId val="501"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="l"/>${title(spec.categoryAxisTitle)}<c:numFmt formatCode="General" sourceLinked="0"/>` +
    `${axisText()}<c:crossAx val="502"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/>` +
    `<c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>` +
    valueAxis(502, 501, "b", spec.valueAxisTitle, layout.valueFormat, "max", true)
  );
}

function valueAxis(
  id: number,
  cross: number,
  position: "b" | "l",
  text: string,
  format: ColumnFormat,
  crosses: "autoZero" | "max",
  gridlines: boolean,
): string {
  const code = AXIS_FORMATS[format] ?? NUMBER_FORMATS[format];
  return (
    `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/>` +
    `<c:axPos val="${position}"/>${gridlines ? "<c:majorGridlines/>" : ""}${title(text)}` +
    `<c:numFmt formatCode="${escapeXml(code)}" sourceLinked="0"/>${axisText()}` +
    `<c:crossAx val="${cross}"/><c:crosses val="${crosses}"/><c:crossBetween val="midCat"/></c:valAx>`
  );
}

function lineChartXml(sheet: string, layout: ChartLayout): string {
  let markers = 0;
  const series = layout.series
    .map((s, i) => {
      const style = s.marker
        ? line(MARKER_COLOURS[markers++ % MARKER_COLOURS.length], 19050, true) +
          '<c:marker><c:symbol val="none"/></c:marker>'
        : line(SERIES_COLOURS[i % SERIES_COLOURS.length], 28575, false) +
          '<c:marker><c:symbol val="circle"/><c:size val="5"/></c:marker>';
      return (
        `<c:ser>${seriesHead(sheet, s, i)}${style}` +
        `<c:xVal>${numRef(sheet, s.categories, NUMBER_FORMATS[layout.categoryFormat])}</c:xVal>` +
        `<c:yVal>${numRef(sheet, s.values, NUMBER_FORMATS[layout.valueFormat])}</c:yVal>` +
        `<c:smooth val="0"/></c:ser>`
      );
    })
    .join("");
  const spec = layout.spec;
  return (
    `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${series}` +
    `<c:axId val="601"/><c:axId val="602"/></c:scatterChart>` +
    valueAxis(601, 602, "b", spec.categoryAxisTitle, layout.categoryFormat, "autoZero", false) +
    valueAxis(602, 601, "l", spec.valueAxisTitle, layout.valueFormat, "autoZero", true)
  );
}

/** The chart part of one layout, its series referring to `sheetName`'s cells. */
export function chartXml(sheetName: string, layout: ChartLayout): string {
  const sheet = quoteSheetName(sheetName);
  const plot = layout.spec.kind === "bar" ? barChartXml(sheet, layout) : lineChartXml(sheet, layout);
  return (
    XML_DECLARATION +
    `<c:chartSpace xmlns:c="${C_NS}" xmlns:a="${A_NS}" xmlns:r="${R_NS}"><c:roundedCorners val="0"/>` +
    `<c:chart>${title(layout.spec.title, true)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plot}</c:plotArea><c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>` +
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function anchorXml(layout: ChartLayout, index: number, chartRelId: string): string {
  const { column, row, columns, rows } = layout.placement;
  const corner = (col: number, r: number) =>
    `<xdr:col>${col}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${corner(column, row)}</xdr:from>` +
    `<xdr:to>${corner(column + columns, row + rows)}</xdr:to><xdr:graphicFrame macro="">` +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${index + 2}" name="Chart ${index + 1}" descr="${escapeXml(layout.spec.title)}"/>` +
    `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
    `<a:graphic><a:graphicData uri="${C_NS}"><c:chart xmlns:c="${C_NS}" xmlns:r="${R_NS}" r:id="${chartRelId}"/>` +
    `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

function markerCell(ref: string, value: OutputCell, style: number | undefined): string {
  if (typeof value === "number")
    return `<c r="${ref}"${style === undefined ? "" : ` s="${style}"`}><v>${value}</v></c>`;
  return `<c r="${ref}" t="inlineStr"><is><t>${escapeCellText(value ?? "")}</t></is></c>`;
}

/**
 * Adds the marker block's cells to the planner's own worksheet XML: after
 * the table's cells in rows the table has (its columns are right of the
 * table), as new rows after them otherwise.
 */
function addMarkerCells(xml: string, block: MarkerBlock, styles: Record<ColumnFormat, number>): string {
  let sheet = xml;
  const cols = block.columns
    .map((column, i) => {
      const n = block.left + i;
      return `<col min="${n}" max="${n}" width="${column.width}" customWidth="1"/>`;
    })
    .join("");
  sheet = sheet.replace("</cols>", `${cols}</cols>`);
  const appended: string[] = [];
  block.rows.forEach((cells, r) => {
    const row = block.top + r;
    const xmlCells = cells
      .map((value, i) =>
        markerCell(
          `${columnLetters(block.left + i)}${row}`,
          value,
          r === 0 ? undefined : styles[block.columns[i].format],
        ),
      )
      .join("");
    const open = new RegExp(`(<row r="${row}"[^>]*>[\\s\\S]*?)</row>`);
    if (open.test(sheet)) sheet = sheet.replace(open, `$1${xmlCells}</row>`);
    else appended.push(`<row r="${row}">${xmlCells}</row>`);
  });
  return sheet.replace("</sheetData>", `${appended.join("")}</sheetData>`);
}

/**
 * Writes the sheet's charts as a drawing of the worksheet at `sheetPath`
 * (a sheet the planner has just written), with the marker blocks' cells.
 */
export function writeSheetCharts(
  pkg: OpcPackage,
  sheetPath: string,
  sheetName: string,
  layouts: readonly ChartLayout[],
  styles: Record<ColumnFormat, number>,
): void {
  if (layouts.length === 0) return;
  let sheetXml = pkg.text(sheetPath) ?? "";
  for (const layout of layouts) {
    if (layout.markerBlock) sheetXml = addMarkerCells(sheetXml, layout.markerBlock, styles);
  }
  const drawingPath = unusedPath(pkg, "xl/drawings", "drawing");
  const anchors = layouts.map((layout, i) => {
    const chartPath = unusedPath(pkg, "xl/charts", "chart");
    pkg.setText(chartPath, chartXml(sheetName, layout));
    addContentTypeOverride(pkg, chartPath, CHART_CONTENT);
    const chartRelId = addRelationship(pkg, drawingPath, CHART_TYPE, relativePath(drawingPath, chartPath));
    return anchorXml(layout, i, chartRelId);
  });
  pkg.setText(
    drawingPath,
    `${XML_DECLARATION}<xdr:wsDr xmlns:xdr="${XDR_NS}" xmlns:a="${A_NS}">${anchors.join("")}</xdr:wsDr>`,
  );
  addContentTypeOverride(pkg, drawingPath, DRAWING_CONTENT);
  const drawingRelId = addRelationship(pkg, sheetPath, DRAWING_TYPE, relativePath(sheetPath, drawingPath));
  // Printed (or made a PDF), the sheet is one page wide, landscape, so the chart is not cut beside the table.
  // CT_Worksheet puts <sheetPr> first, <pageSetup> after the margins, <drawing> before <tableParts>.
  sheetXml = sheetXml
    .replace(/(<worksheet\b[^>]*>)/, '$1<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>')
    .replace(
      /(<pageMargins\b[^>]*\/>)/,
      '$1<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>',
    )
    .replace("<tableParts", `<drawing r:id="${drawingRelId}"/><tableParts`);
  pkg.setText(sheetPath, sheetXml);
}
