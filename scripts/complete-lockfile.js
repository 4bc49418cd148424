#!/usr/bin/env node
/**
 * Our npm registry serves only some platform builds of packages that ship
 * native binaries as optional dependencies (@swc/core-*, @unrs/resolver-binding-*).
 * `npm install` then leaves the others out of package-lock.json, and `npm ci`
 * refuses the lock file as out of sync. This adds an entry for each missing
 * platform package, marked optional with the os/cpu its name names, so `npm ci`
 * skips it on every other machine as it would with a complete lock file.
 * Run it after `npm install` changes the lock file.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const lockPath = path.join(__dirname, "..", "package-lock.json");
const lock = JSON.parse(fs.readFileSync(lockPath, "utf8"));

const OS_NAMES = ["darwin", "win32", "linux", "android", "freebsd", "openharmony"];
const CPU_NAMES = [
  ["x64", /-x64\b/],
  ["arm64", /-arm64\b/],
  ["ia32", /-ia32\b/],
  ["ppc64", /-ppc64\b/],
  ["s390x", /-s390x\b/],
  ["riscv64", /-riscv64\b/],
  ["loong64", /-loong64\b/],
  ["arm", /-arm-/],
];

function platformOf(name) {
  const os = OS_NAMES.find((candidate) => name.includes(`-${candidate}-`));
  const cpu = CPU_NAMES.find(([, pattern]) => pattern.test(name));
  if (!os || !cpu) return null;
  const platform = { os: [os], cpu: [cpu[0]] };
  if (/-musl/.test(name)) platform.libc = ["musl"];
  else if (/-gnu/.test(name)) platform.libc = ["glibc"];
  return platform;
}

let added = 0;
for (const [location, entry] of Object.entries(lock.packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const target = `node_modules/${name}`;
    const nested = `${location}/node_modules/${name}`;
    if (lock.packages[target] || lock.packages[nested]) continue;
    const platform = platformOf(name);
    if (!platform || !/^\d+\.\d+\.\d+$/.test(range)) continue;
    lock.packages[target] = { version: range, dev: entry.dev || undefined, optional: true, ...platform };
    added++;
  }
}

lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
);
fs.writeFileSync(lockPath, JSON.stringify(lock, null, 2) + "\n");
console.log(`complete-lockfile: added ${added} platform entries`);
