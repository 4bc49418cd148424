/**
 * Builds the task pane for Excel (dist/taskpane.html) and for the plain
 * browser (dist/browser.html), with their scripts. `npm run build` makes the
 * production files: the manifest points at ADDIN_URL, the Excel page loads
 * office.js from Microsoft's CDN and the browser page the copy next to it
 * (scripts/deployment.js says why); `npm run dev-server` serves the same
 * pages over HTTPS on port 3000 for sideloading into Excel, both with the local office.js.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const { addinUrl, pageScripts, productionManifest } = require("./scripts/deployment");

const OFFICE_JS_DIR = path.join(__dirname, "node_modules", "@microsoft", "office-js", "dist");
const DEV_PORT = 3000;

/** office.js may load any host, locale or telemetry file next to it; debug builds are only used by office.debug.js. */
const OFFICE_JS_IGNORE = ["**/*.debug.js", "**/*.d.ts", "**/*.map"];

/** The developer certificates of `npx office-addin-dev-certs install`, when the developer has made them. */
function devCertificates() {
  const directory = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const paths = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, path.join(directory, f)]));
  if (!Object.values(paths).every((p) => fs.existsSync(p))) return null;
  return Object.fromEntries(Object.entries(paths).map(([k, p]) => [k, fs.readFileSync(p)]));
}

function devServer() {
  const certificates = devCertificates();
  if (!certificates) {
    console.warn(
      "No Office developer certificates in ~/.office-addin-dev-certs: serving HTTPS with a self-signed " +
        "certificate Excel will not trust. Run `npx office-addin-dev-certs install` once to fix that.",
    );
  }
  return {
    port: DEV_PORT,
    server: certificates ? { type: "https", options: certificates } : "https",
    headers: { "Access-Control-Allow-Origin": "*" },
    static: [
      { directory: OFFICE_JS_DIR, publicPath: "/office-js", watch: false },
      { directory: path.join(__dirname, "assets"), publicPath: "/assets", watch: false },
    ],
    client: { overlay: false },
  };
}

module.exports = (env, argv) => {
  const production = argv.mode !== "development";
  const addin = addinUrl(process.env);
  if (production && addin.warning) console.warn(`\nWARNING: ${addin.warning}\n`);
  const copies = [
    { from: "assets", to: "assets", noErrorOnMissing: true, globOptions: { ignore: ["**/.*"] } },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      noErrorOnMissing: true,
      transform: production
        ? (content) =>
            productionManifest(content.toString(), { url: addin.url, supportUrl: process.env.SUPPORT_URL })
        : undefined,
    },
  ];
  if (production) {
    copies.push({ from: OFFICE_JS_DIR, to: "office-js", globOptions: { ignore: OFFICE_JS_IGNORE } });
  }

  return {
    mode: production ? "production" : "development",
    // No eval-based source maps: the page's Content-Security-Policy forbids eval.
    devtool: production ? "source-map" : "cheap-module-source-map",
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: path.join(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      // Relative, so the pane also works when ADDIN_URL puts it below a path.
      publicPath: "auto",
      clean: { keep: /^cli\// },
    },
    resolve: { extensions: [".tsx", ".ts", ".js", ".mjs"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "swc-loader",
            options: {
              jsc: {
                parser: { syntax: "typescript", tsx: true },
                transform: { react: { runtime: "automatic", development: !production } },
                target: "es2020",
              },
            },
          },
        },
      ],
    },
    optimization: {
      splitChunks: {
        chunks: "async",
        cacheGroups: {
          // The file library and its zip code are only needed in the browser, so they stay out of the add-in's start-up.
          fileLibrary: {
            test: /[\\/](src[\\/]workbook[\\/]xlsx|node_modules[\\/](exceljs|fflate))[\\/]/,
            name: "workbook-file-library",
            chunks: "async",
            enforce: true,
          },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      ...["taskpane", "browser"].map(
        (page) =>
          new HtmlWebpackPlugin({
            filename: `${page}.html`,
            template: "./src/taskpane/taskpane.html",
            templateParameters: pageScripts(page, production),
            chunks: ["taskpane"],
            scriptLoading: "defer",
          }),
      ),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    devServer: env.WEBPACK_SERVE ? devServer() : undefined,
  };
};
