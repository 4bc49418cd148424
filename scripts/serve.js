#!/usr/bin/env node
/**
 * `npm run serve`: the task pane for a plain browser at http://localhost:3000/
 * (browser.html, which loads the local office.js; taskpane.html is Excel's
 * page and loads it from Microsoft's CDN), served from dist/ with office.js under /office-js/ from the
 * installed package. Builds the pane first when dist/ does not have it.
 * Set PORT to use another port.
 */
const { spawnSync } = require("child_process");
const fs = require("fs");
const http = require("http");
const path = require("path");
const { URL } = require("url");

const ROOT = path.join(__dirname, "..");
const DIST = path.join(ROOT, "dist");
const OFFICE_JS = path.join(ROOT, "node_modules", "@microsoft", "office-js", "dist");
const PORT = Number(process.env.PORT || 3000);
const HOST = "localhost";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

function ensureBuilt() {
  if (fs.existsSync(path.join(DIST, "browser.html"))) return;
  console.log("dist/browser.html is missing: building the pane first (npm run build).");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const build = spawnSync(npm, ["run", "build"], { cwd: ROOT, stdio: "inherit" });
  if (build.status !== 0) {
    console.error("The build failed; nothing to serve.");
    process.exit(build.status || 1);
  }
}

/** The file a URL path names inside `root`, or null when it would leave `root`. */
function fileUnder(root, urlPath) {
  const file = path.normalize(path.join(root, urlPath));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/** /office-js/… from the built copy when there is one, else straight from the package. */
function resolveFile(urlPath) {
  if (urlPath === "/") urlPath = "/browser.html";
  if (urlPath.startsWith("/office-js/")) {
    const rest = urlPath.slice("/office-js".length);
    const built = fileUnder(path.join(DIST, "office-js"), rest);
    if (built && fs.existsSync(built)) return built;
    return fileUnder(OFFICE_JS, rest);
  }
  return fileUnder(DIST, urlPath);
}

function serve(request, response) {
  let urlPath;
  try {
    urlPath = decodeURIComponent(new URL(request.url, `http://${HOST}`).pathname);
  } catch {
    response.writeHead(400).end("Bad request");
    return;
  }
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { Allow: "GET, HEAD" }).end();
    return;
  }
  const file = resolveFile(urlPath);
  fs.stat(file || "", (error, stats) => {
    if (!file || error || !stats.isFile()) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" }).end(`Not found: ${urlPath}`);
      return;
    }
    response.writeHead(200, {
      "Content-Type": TYPES[path.extname(file).toLowerCase()] || "application/octet-stream",
      "Content-Length": stats.size,
      "Cache-Control": "no-cache",
      "X-Content-Type-Options": "nosniff",
    });
    if (request.method === "HEAD") response.end();
    else fs.createReadStream(file).pipe(response);
  });
}

ensureBuilt();
http
  .createServer(serve)
  .on("error", (error) => {
    console.error(`Could not serve on port ${PORT}: ${error.message}`);
    process.exit(1);
  })
  .listen(PORT, HOST, () => {
    console.log(`Vehicle Planner in the browser: http://${HOST}:${PORT}/browser.html (Ctrl+C stops)`);
  });
