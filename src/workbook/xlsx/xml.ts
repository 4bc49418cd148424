/** The little XML the package needs: escaping, entities, attributes. */

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

/** Characters XML 1.0 cannot hold, written as OOXML's `_xHHHH_` escapes instead. */
// eslint-disable-next-line no-control-regex -- these are exactly the characters XML 1.0 cannot hold
const NOT_XML_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const LITERAL_ESCAPE = /_(x[0-9A-Fa-f]{4}_)/g;

export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

/** Cell text as OOXML stores it: XML-escaped, with characters XML cannot hold as `_xHHHH_`. */
export function escapeCellText(text: string): string {
  const ooxml = text
    .replace(LITERAL_ESCAPE, "_x005F_$1")
    .replace(NOT_XML_CHAR, (ch) => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
  return escapeXml(ooxml);
}

const ENTITY = /&(#x[0-9A-Fa-f]+|#[0-9]+|amp|lt|gt|quot|apos);/g;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function decodeXml(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (_, entity: string) => {
    if (entity[0] !== "#") return NAMED[entity];
    const code = entity[1] === "x" ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return String.fromCodePoint(code);
  });
}

const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Cell text as the user typed it: entities and `_xHHHH_` escapes decoded. */
export function decodeCellText(text: string): string {
  const decoded = decodeXml(text);
  return decoded.includes("_x")
    ? decoded.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : decoded;
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** The attributes of one start tag's text, by qualified name. */
export function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(ATTRIBUTE)) found[match[1]] = decodeXml(match[2] ?? match[3] ?? "");
  return found;
}

/** Every element `<name …>` or `<name …/>` in the text, as its attributes (children not parsed). */
export function elements(xml: string, name: string): Record<string, string>[] {
  const pattern = new RegExp(`<${name.replace(/[.:]/g, "\\$&")}(?=[\\s/>])([^>]*)>`, "g");
  return [...xml.matchAll(pattern)].map((match) => attributes(match[1]));
}

/** The prefix a document uses for a namespace (`r` for relationships, usually), or null. */
export function namespacePrefix(xml: string, namespace: string): string | null {
  const match = new RegExp(`xmlns:([\\w.-]+)="${namespace.replace(/[.]/g, "\\.")}"`).exec(xml);
  return match ? match[1] : null;
}
