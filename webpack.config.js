/**
 * Builds the task pane (dist/taskpane.html and its scripts) for Excel and for
 * the plain browser. `npm run build` makes the production files, with the
 * manifest pointing at ADDIN_URL and office.js copied next to the pane so the
 * page never loads script from another origin; `npm run dev-server` serves
 * the same files over HTTPS on port 3000 for sideloading into Excel.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
/** Where the production manifest points when ADDIN_URL is not set; replace it before publishing. */
const DEFAULT_ADDIN_URL = "https://vehicle-planner.example.com/";
const OFFICE_JS_DIR = path.join(__dirname, "node_modules", "@microsoft", "office-js", "dist");
const DEV_PORT = 3000;

/** office.js may load any host, locale or telemetry file next to it; debug builds are only used by office.debug.js. */
const OFFICE_JS_IGNORE = ["**/*.debug.js", "**/*.d.ts", "**/*.map"];

function addinUrl() {
  const url = process.env.ADDIN_URL || DEFAULT_ADDIN_URL;
  return url.endsWith("/") ? url : `${url}/`;
}

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
  const copies = [
    { from: "assets", to: "assets", noErrorOnMissing: true, globOptions: { ignore: ["**/.*"] } },
    {
      from: "manifest.xml",
      to: "manifest.xml",
      noErrorOnMissing: true,
      transform: production ? (content) => content.toString().split(DEV_URL).join(addinUrl()) : undefined,
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
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
        scriptLoading: "defer",
      }),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    devServer: env.WEBPACK_SERVE ? devServer() : undefined,
  };
};
