/** The few edits the planner makes to the parts that list other parts. */
import { OpcPackage, relationshipsPath, resolvePath } from "./opcPackage";
import { escapeXml } from "./xml";

const CONTENT_TYPES = "[Content_Types].xml";
const EMPTY_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';

export function addContentTypeOverride(pkg: OpcPackage, partPath: string, contentType: string): void {
  const xml = pkg.text(CONTENT_TYPES) ?? "";
  const override = `<Override PartName="/${escapeXml(partPath)}" ContentType="${contentType}"/>`;
  pkg.setText(CONTENT_TYPES, xml.replace("</Types>", `${override}</Types>`));
}

export function removeContentTypeOverrides(pkg: OpcPackage, partPaths: ReadonlySet<string>): void {
  if (partPaths.size === 0) return;
  const xml = pkg.text(CONTENT_TYPES) ?? "";
  pkg.setText(
    CONTENT_TYPES,
    xml.replace(/<Override\b[^>]*PartName="\/?([^"]*)"[^>]*\/>/g, (override, path: string) =>
      partPaths.has(path) ? "" : override,
    ),
  );
}

/** Adds a relationship to a part's rels (creating them) and returns its new id. */
export function addRelationship(pkg: OpcPackage, fromPart: string, type: string, target: string): string {
  const path = relationshipsPath(fromPart);
  const xml = pkg.text(path) ?? EMPTY_RELS;
  const used = new Set([...xml.matchAll(/\bId="([^"]*)"/g)].map((match) => match[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  const relationship = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  pkg.setText(
    path,
    xml.includes("</Relationships>")
      ? xml.replace("</Relationships>", `${relationship}</Relationships>`)
      : xml.replace(/<Relationships\b([^>]*)\/>/, `<Relationships$1>${relationship}</Relationships>`),
  );
  return id;
}

/**
 * Deletes a part's relationships and every internal part they reach that no
 * other part refers to (a replaced sheet's tables, drawings and charts).
 */
export function deleteReachableParts(pkg: OpcPackage, partPath: string): Set<string> {
  const referencedElsewhere = new Map<string, number>();
  for (const path of pkg.paths()) {
    if (!path.endsWith(".rels")) continue;
    const owner = partOfRelationships(path);
    for (const rel of pkg.relationships(owner)) {
      if (!rel.external) referencedElsewhere.set(rel.target, (referencedElsewhere.get(rel.target) ?? 0) + 1);
    }
  }
  const deleted = new Set<string>();
  const visit = (owner: string) => {
    const rels = pkg.relationships(owner);
    pkg.delete(relationshipsPath(owner));
    for (const rel of rels) {
      if (rel.external || !pkg.has(rel.target)) continue;
      const count = (referencedElsewhere.get(rel.target) ?? 1) - 1;
      referencedElsewhere.set(rel.target, count);
      if (count > 0) continue;
      visit(rel.target);
      pkg.delete(rel.target);
      deleted.add(rel.target);
    }
  };
  visit(partPath);
  return deleted;
}

/** `xl/worksheets/_rels/sheet1.xml.rels` → `xl/worksheets/sheet1.xml` (`_rels/.rels` → the package). */
function partOfRelationships(relsPath: string): string {
  const match = /^(.*?)_rels\/(.*)\.rels$/.exec(relsPath);
  return match ? resolvePath(`${match[1]}x`, match[2]) : relsPath;
}
