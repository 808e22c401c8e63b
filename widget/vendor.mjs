// Copies socket.io-client's browser build (pinned in package-lock.json) into the Flask
// package so the app serves it itself (no CDN). Deterministic: the file is copied byte for
// byte except the sourceMappingURL comment (the map is not served).
//   npm ci --prefix widget && npm run --prefix widget vendor   # refresh after an upgrade
//   npm run --prefix widget check                               # verify the committed copy
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const src = join(here, "node_modules", "socket.io-client", "dist", "socket.io.min.js");
const dest = join(here, "..", "bot", "widget", "static", "vendor", "socket.io.min.js");

const built = readFileSync(src, "utf8").replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
if (process.argv.includes("--check")) {
  if (readFileSync(dest, "utf8") !== built) {
    console.error(`${dest} differs from ${src}: run npm run --prefix widget vendor`);
    process.exit(1);
  }
  console.log("vendored socket.io.min.js matches node_modules");
} else {
  writeFileSync(dest, built);
  console.log(`wrote ${dest} (${built.length} bytes)`);
}
