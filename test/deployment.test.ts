/**
 * Issue 14.13: what `npm run build` deploys. Excel's page loads office.js from
 * Microsoft's CDN (AppSource requires it) and its policy allows that origin;
 * the plain-browser page keeps the local copy and allows no other origin; the
 * manifest never names localhost and says when it points at the placeholder.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

// scripts/ holds CommonJS that webpack.config.js requires.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const deployment = require("../scripts/deployment") as {
  OFFICE_JS_CDN: string;
  addinUrl(environment: Record<string, string | undefined>): { url: string; warning: string | null };
  pageScripts(page: string, production: boolean): { officeJs: string; contentSecurityPolicy: string };
  productionManifest(xml: string, options: { url: string; supportUrl?: string }): string;
};

const ROOT = join(__dirname, "..");
const SCHEMA = join(ROOT, "schemas", "office-addin-manifest", "OfficeAppManifestV1_1.xsd");
const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");

describe("issue 14.13 deployment", () => {
  test("in production Excel's page loads office.js from Microsoft's CDN and its policy allows that origin only", () => {
    const excel = deployment.pageScripts("taskpane", true);
    expect(excel.officeJs).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(excel.contentSecurityPolicy).toContain("script-src 'self' https://appsforoffice.microsoft.com;");
    expect(excel.contentSecurityPolicy).toContain("connect-src 'self';");
  });

  test("the plain-browser page, and every page of a development build, keep the local copy and allow no other origin", () => {
    for (const scripts of [
      deployment.pageScripts("browser", true),
      deployment.pageScripts("browser", false),
      deployment.pageScripts("taskpane", false),
    ]) {
      expect(scripts.officeJs).toBe("office-js/office.js");
      expect(scripts.contentSecurityPolicy).toContain("script-src 'self';");
      expect(scripts.contentSecurityPolicy).not.toMatch(/https?:/);
    }
  });

  test("a build without ADDIN_URL says clearly that the manifest points at a placeholder", () => {
    expect(deployment.addinUrl({}).warning).toMatch(
      /^ADDIN_URL is not set: dist\/manifest.xml points at the placeholder/,
    );
    expect(deployment.addinUrl({ ADDIN_URL: "https://planner.example.org/app" })).toEqual({
      url: "https://planner.example.org/app/",
      warning: null,
    });
  });

  test("the built manifest names no localhost, leaves out AppDomains and SupportUrl unless given, and validates", () => {
    const built = deployment.productionManifest(manifest, { url: "https://planner.example.org/" });
    expect(built).not.toMatch(/localhost/);
    expect(built).not.toContain("<AppDomains>");
    expect(built).not.toContain("<SupportUrl");
    expect(built).toContain('<SourceLocation DefaultValue="https://planner.example.org/taskpane.html"/>');
    const withSupport = deployment.productionManifest(manifest, {
      url: "https://planner.example.org/",
      supportUrl: "https://example.org/help?a=1&b=2",
    });
    expect(withSupport).toContain('<SupportUrl DefaultValue="https://example.org/help?a=1&amp;b=2"/>');
    const file = join(mkdtempSync(join(tmpdir(), "manifest-")), "manifest.xml");
    writeFileSync(file, withSupport);
    const run = spawnSync("xmllint", ["--noout", "--nonet", "--schema", SCHEMA, file], { encoding: "utf8" });
    expect(run.stderr).toContain("validates");
  });
});
