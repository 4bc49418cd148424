#!/usr/bin/env node
"use strict";
// The CLI is compiled to dist/cli by `npm run build:cli` (run on install by `prepare`).
require("../dist/cli/cli/main.js").runFromProcess();
