#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import { main } from "../dist/cli/main.js";

main(process.argv).then(
  (code) => { process.exitCode = code; },
  (err) => { console.error(`storydesk: ${err?.message ?? err}`); process.exitCode = 2; },
);
