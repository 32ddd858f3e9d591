import { resolve } from "node:path";
import { defineConfig } from "vite";
import { viteSingleFile } from "vite-plugin-singlefile";

/**
 * Builds ONE page of the app (`NETTOPO_PAGE`, e.g. `report` for
 * app/report.html) into dist-app/<page>.html with every script, style and
 * worker inlined: the file opens from file:// with no network (issue 6), and
 * the CLI writes it with its data filled in. scripts/build-app.mjs runs this
 * once per page, because a single-file build has exactly one entry.
 */
const page = process.env.NETTOPO_PAGE;
if (!page) throw new Error("vite.config.ts: set NETTOPO_PAGE to the page to build (e.g. report)");

export default defineConfig({
  root: resolve(import.meta.dirname, "app"),
  base: "./",
  logLevel: "warn",
  plugins: [viteSingleFile({ removeViteModuleLoader: true })],
  // Workers are inlined (`?worker&inline`) as classic scripts: built as ES
  // modules, the explorer's layout worker never ran in a page opened from
  // file:// in Chromium (tried: the layout never finished, with no error).
  worker: { format: "iife" },
  build: {
    outDir: resolve(import.meta.dirname, "dist-app"),
    emptyOutDir: false,
    target: "es2022",
    rollupOptions: { input: resolve(import.meta.dirname, "app", `${page}.html`) },
  },
});
