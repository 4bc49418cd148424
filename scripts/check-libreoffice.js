#!/usr/bin/env node
/**
 * Proves a real spreadsheet application accepts our files: plans the sample
 * with the CLI (JSON on stdout, workbook to a temp file), has LibreOffice Calc
 * convert every sheet of that workbook to CSV, and compares the Shortlist and
 * Media Mix sheets LibreOffice read with the JSON the CLI printed.
 * Usage: node scripts/check-libreoffice.js [WORKBOOK]   (default: the sample)
 */
"use strict";
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");

const root = path.join(__dirname, "..");
const input = process.argv[2] ?? path.join(root, "assets", "vehicle-planner-sample.xlsx");
const work = fs.mkdtempSync(path.join(os.tmpdir(), "vp-libreoffice-"));
const planFile = path.join(work, "plan.xlsx");

const json = JSON.parse(
  execFileSync(
    process.execPath,
    [path.join(root, "bin", "vehicle-planner.js"), "plan", input, "--out", planFile, "--json", "--force"],
    {
      encoding: "utf8",
    },
  ),
);

execFileSync(
  "soffice",
  [
    `-env:UserInstallation=file://${work}/profile`,
    "--headless",
    "--convert-to",
    "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
    "--outdir",
    work,
    planFile,
  ],
  { stdio: "ignore", timeout: 180000 },
);

function readSheet(name) {
  const file = path.join(work, `plan-${name}.csv`);
  if (!fs.existsSync(file))
    throw new Error(
      `LibreOffice produced no CSV for sheet "${name}" (files: ${fs.readdirSync(work).join(", ")})`,
    );
  return fs
    .readFileSync(file, "utf8")
    .trim()
    .split(/\r?\n/)
    .map((line) => parseCsvLine(line));
}

function parseCsvLine(line) {
  const cells = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      cells.push(cell);
      cell = "";
    } else cell += ch;
  }
  cells.push(cell);
  return cells;
}

const failures = [];
function expectClose(what, actual, expected) {
  if (expected === null ? actual !== "" : Math.abs(Number(actual) - expected) > 0.01) {
    failures.push(`${what}: LibreOffice read "${actual}", the CLI said ${expected}`);
  }
}

const shortlist = readSheet("Shortlist");
const header = shortlist[0];
const col = (name) => header.indexOf(name);
const shortlisted = json.vehicles.filter((v) => v.status === "Shortlisted").sort((a, b) => a.rank - b.rank);
if (shortlist.length - 1 !== shortlisted.length)
  failures.push(`Shortlist has ${shortlist.length - 1} rows, the CLI shortlisted ${shortlisted.length}`);
shortlisted.forEach((vehicle, i) => {
  const row = shortlist[i + 1] ?? [];
  if (row[col("Vehicle")] !== vehicle.vehicle)
    failures.push(`Shortlist row ${i + 2}: "${row[col("Vehicle")]}" instead of "${vehicle.vehicle}"`);
  expectClose(
    `Shortlist ${vehicle.vehicle} Recommended investment`,
    row[col("Recommended investment")],
    vehicle.recommendedInvestment,
  );
  expectClose(`Shortlist ${vehicle.vehicle} Pipeline`, row[col("Pipeline")], vehicle.pipeline);
});

const mix = readSheet("Media Mix");
const total = mix[mix.length - 1];
const jsonTotal = json.mix[json.mix.length - 1];
if (total[0] !== "Total") failures.push(`Media Mix ends with "${total[0]}" instead of Total`);
expectClose(
  "Media Mix Total current investment",
  total[mix[0].indexOf("Current investment")],
  jsonTotal.currentInvestment,
);

const filter = readSheet("Vehicle Filter");
if (filter.length - 1 !== json.vehicles.length)
  failures.push(`Vehicle Filter has ${filter.length - 1} rows, the CLI planned ${json.vehicles.length}`);

if (failures.length) {
  console.error(`LibreOffice check failed:\n- ${failures.join("\n- ")}`);
  process.exit(1);
}
console.log(
  `LibreOffice check: Calc opened the plan of ${path.basename(input)}; ${shortlisted.length} shortlisted, ${json.vehicles.length} filtered and ${json.mix.length} mix rows agree with the CLI.`,
);
