/**
 * The two dialects of SpreadsheetML a package can be written in, and the
 * prefix a part gives its elements. Transitional is what Excel saves by
 * default; Strict Open XML (Excel's "Strict Open XML Spreadsheet") uses other
 * namespace and relationship URIs. Either may put its elements under a prefix
 * (`<x:workbook>`, as .NET's Open XML SDK writes), so parts are read by the
 * namespace their prefix stands for, and the planner writes in the package's
 * own dialect and prefix.
 */
import { escapeXml } from "./xml";

export interface Dialect {
  /** The SpreadsheetML main namespace. */
  main: string;
  /** The officeDocument relationships namespace: `r:id` attributes, and the base of relationship types. */
  relationships: string;
}

export const TRANSITIONAL: Dialect = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};

export const STRICT: Dialect = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  relationships: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};

export type PartKind = "worksheet" | "table" | "styles" | "sharedStrings" | "officeDocument";

/** The relationship type of a kind of part in a dialect. */
export function relationshipType(dialect: Dialect, kind: PartKind): string {
  return `${dialect.relationships}/${kind}`;
}

/** True when `type` is the relationship type of `kind` in either dialect. */
export function isRelationshipType(type: string, kind: PartKind): boolean {
  return type === relationshipType(TRANSITIONAL, kind) || type === relationshipType(STRICT, kind);
}

const DECLARATION = /\bxmlns(?::([\w.-]+))?\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * The dialect of a part's text and the prefix, with its colon (`x:`), it
 * gives SpreadsheetML's main namespace, `""` when that is the default
 * namespace. The first declaration in the text is the root element's.
 */
export function spreadsheetMain(xml: string): { dialect: Dialect; prefix: string } {
  for (const match of xml.matchAll(DECLARATION)) {
    const namespace = match[2] ?? match[3];
    const dialect =
      namespace === STRICT.main ? STRICT : namespace === TRANSITIONAL.main ? TRANSITIONAL : null;
    if (dialect) return { dialect, prefix: match[1] ? `${match[1]}:` : "" };
  }
  return { dialect: TRANSITIONAL, prefix: "" };
}

/** `<tag` and `</tag>` of an element in a part whose main-namespace prefix is `prefix`, for regular expressions. */
export function tagPattern(prefix: string, local: string): string {
  return `${prefix}${local}`.replace(/[.:]/g, "\\$&");
}

/**
 * A part written in the default namespace, moved under `prefix` (`x:`) when
 * the package writes its SpreadsheetML that way: every element gets the
 * prefix and the default namespace declaration becomes the prefix's. Cell
 * text is escaped, so every `<` starts a tag.
 */
export function withPrefix(xml: string, prefix: string): string {
  if (prefix === "") return xml;
  const name = prefix.slice(0, -1);
  return xml
    .replace(/<(\/?)(?=[A-Za-z_])/g, `<$1${prefix}`)
    .replace(/\bxmlns="/, `xmlns:${escapeXml(name)}="`);
}
