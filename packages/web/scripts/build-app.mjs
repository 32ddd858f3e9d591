// Builds every page of the web app (app/*.html) into dist-app/<page>.html,
// each a single self-contained file (see vite.config.ts). Run by
// `npm run build` at the root, after `tsc -b` has built @nettopo/core.
import { readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const web = join(dirname(fileURLToPath(import.meta.url)), "..");
const pages = readdirSync(join(web, "app"))
  .filter((name) => name.endsWith(".html"))
  .map((name) => name.slice(0, -".html".length));
for (const page of pages) {
  process.env.NETTOPO_PAGE = page;
  await build({ configFile: join(web, "vite.config.ts") });
}
console.error(`web: built ${pages.map((p) => `dist-app/${p}.html`).join(", ")}`);
