/**
 * What `npm run build` deploys: where office.js comes from on each page, the
 * Content-Security-Policy that allows it, and the manifest pointing at ADDIN_URL.
 *
 * Excel loads `taskpane.html` (the manifest's SourceLocation). AppSource
 * requires an add-in to load office.js from Microsoft's CDN, so in the
 * production build that page does, and its policy allows that one origin for
 * scripts. `browser.html`, the pane for a plain browser (`npm run serve`, the
 * end-to-end tests), loads the copy of office.js served next to it and allows
 * no script from another origin, so it never reaches the network for code.
 */
const { URL } = require("url");

const DEV_URL = "https://localhost:3000/";
/** Where the production manifest points when ADDIN_URL is not set. */
const PLACEHOLDER_URL = "https://vehicle-planner.example.com/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office-js/office.js";

function policy(scriptOrigins) {
  const scripts = ["'self'", ...scriptOrigins].join(" ");
  return (
    `default-src 'self'; script-src ${scripts}; connect-src 'self'; img-src 'self' data: blob:; ` +
    "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'self'; form-action 'none'"
  );
}

/** The office.js each page loads and the policy that lets it load. */
function pageScripts(page, production) {
  if (page === "taskpane" && production) {
    return { officeJs: OFFICE_JS_CDN, contentSecurityPolicy: policy([new URL(OFFICE_JS_CDN).origin]) };
  }
  return { officeJs: OFFICE_JS_LOCAL, contentSecurityPolicy: policy([]) };
}

/** ADDIN_URL with a closing slash, and a warning when it is missing and the manifest gets the placeholder. */
function addinUrl(environment) {
  const given = environment.ADDIN_URL;
  if (!given) {
    return {
      url: PLACEHOLDER_URL,
      warning:
        `ADDIN_URL is not set: dist/manifest.xml points at the placeholder ${PLACEHOLDER_URL}, ` +
        "which serves no add-in. Build with ADDIN_URL=https://your-host/path/ npm run build before handing the manifest out.",
    };
  }
  return { url: given.endsWith("/") ? given : `${given}/`, warning: null };
}

function xmlAttribute(text) {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/**
 * The manifest for dist/: every development URL moved to the add-in's URL;
 * AppDomains left out (the add-in's own origin needs no entry there);
 * SupportUrl set to SUPPORT_URL, or left out rather than pointing at the pane.
 */
function productionManifest(xml, { url, supportUrl }) {
  let manifest = xml.replace(/\s*<AppDomains>[\s\S]*?<\/AppDomains>/, "");
  manifest = supportUrl
    ? manifest.replace(
        /<SupportUrl DefaultValue="[^"]*"\/>/,
        `<SupportUrl DefaultValue="${xmlAttribute(supportUrl)}"/>`,
      )
    : manifest.replace(/\s*<SupportUrl [^>]*\/>/, "");
  manifest = manifest.split(DEV_URL).join(url);
  if (/localhost/i.test(manifest)) throw new Error("the production manifest would still name localhost");
  return manifest;
}

module.exports = { DEV_URL, OFFICE_JS_CDN, addinUrl, pageScripts, productionManifest };
