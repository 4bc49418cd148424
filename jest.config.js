/** Jest runs the engine and Node tests, the React components in jsdom, and the browser end-to-end tests when Chromium is installed. */
const fs = require("fs");

const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", tsx: true },
      transform: { react: { runtime: "automatic" } },
      target: "es2022",
    },
    module: { type: "commonjs" },
  },
];
const transform = { "^.+\\.(t|j)sx?$": swc };

const projects = [
  {
    displayName: "node",
    testEnvironment: "node",
    transform,
    testMatch: ["<rootDir>/test/**/*.test.ts"],
    testPathIgnorePatterns: ["<rootDir>/test/e2e/"],
  },
  {
    displayName: "pane",
    testEnvironment: "jsdom",
    transform,
    testMatch: ["<rootDir>/test/**/*.test.tsx"],
    setupFilesAfterEnv: ["<rootDir>/test/taskpane/setup.ts"],
    testTimeout: 60_000,
  },
];

const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (fs.existsSync(chromium) && fs.existsSync(`${__dirname}/test/e2e`)) {
  projects.push({
    displayName: "e2e",
    testEnvironment: "node",
    transform,
    testMatch: ["<rootDir>/test/e2e/**/*.e2e.ts"],
  });
}

module.exports = { projects };
