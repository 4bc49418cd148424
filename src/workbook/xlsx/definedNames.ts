import type { OpcPackage } from "./opcPackage";
import { tagPattern } from "./dialect";
import type { WorkbookParts } from "./workbookParts";

/** Adds workbook-level names to `<definedNames>` in whatever form the workbook has it: full, self-closing or absent. */
export function addDefinedNames(pkg: OpcPackage, parts: WorkbookParts, names: string[]): void {
  if (names.length === 0) return;
  const path = parts.workbookPath;
  const xml = pkg.text(path) ?? "";
  const p = parts.prefix;
  const tag = (local: string) => tagPattern(p, local);
  const added = names.join("");
  const full = new RegExp(`</${tag("definedNames")}\\s*>`);
  const selfClosing = new RegExp(`<${tag("definedNames")}\\b([^>]*?)/>`);
  if (full.test(xml)) {
    pkg.setText(
      path,
      xml.replace(full, (end) => `${added}${end}`),
    );
  } else if (selfClosing.test(xml)) {
    pkg.setText(
      path,
      xml.replace(selfClosing, (_, attrs: string) => `<${p}definedNames${attrs}>${added}</${p}definedNames>`),
    );
  } else {
    // The schema's order: definedNames follows sheets, functionGroups and externalReferences.
    const after = ["externalReferences", "functionGroups", "sheets"]
      .map((local) => new RegExp(`</${tag(local)}\\s*>`).exec(xml))
      .find((match) => match !== null) as RegExpExecArray;
    const at = after.index + after[0].length;
    pkg.setText(path, `${xml.slice(0, at)}<${p}definedNames>${added}</${p}definedNames>${xml.slice(at)}`);
  }
}

/** Drops workbook-level names (not a sheet's own of the same name), such as a marker whose sheet was deleted. */
export function removeDefinedNames(pkg: OpcPackage, parts: WorkbookParts, names: readonly string[]): void {
  if (names.length === 0) return;
  const path = parts.workbookPath;
  const tag = tagPattern(parts.prefix, "definedName");
  const dropped = new Set(names.map((name) => name.toLowerCase()));
  const element = new RegExp(`<${tag}\\b([^>]*)>[\\s\\S]*?</${tag}\\s*>`, "g");
  pkg.setText(
    path,
    (pkg.text(path) ?? "").replace(element, (whole, attrs: string) => {
      const name = /\bname="([^"]*)"/.exec(attrs)?.[1];
      const local = /\blocalSheetId=/.test(attrs);
      return name !== undefined && !local && dropped.has(name.toLowerCase()) ? "" : whole;
    }),
  );
}
