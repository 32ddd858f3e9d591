import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The pages of the web app, each built into one self-contained file. */
export type AppPage = "report" | "mapper" | "diagrams";

const DIST_APP = join(dirname(fileURLToPath(import.meta.url)), "..", "dist-app");

/** The built file of a page (`packages/web/dist-app/<page>.html`). */
export function appPagePath(page: AppPage): string {
  return join(DIST_APP, `${page}.html`);
}

/**
 * A page of the app with its data filled in: one HTML file that opens from
 * disk with no network (the scripts, styles and workers are inlined by the
 * build; the data goes into the page's `nettopo-data` JSON element, with
 * `<` escaped so no string in the data can close the script element).
 *
 * @throws Error naming the build command when the page was not built.
 */
export async function selfContainedPage(page: AppPage, data: unknown): Promise<string> {
  let html: string;
  try {
    html = await readFile(appPagePath(page), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    throw new Error(
      `the web app's ${page} page is not built (${appPagePath(page)} is missing); run \`npm run build\` at the repository root`,
    );
  }
  const marker = '<script type="application/json" id="nettopo-data"></script>';
  if (!html.includes(marker)) {
    throw new Error(`${appPagePath(page)} has no empty nettopo-data element to fill`);
  }
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  // A function replacement, so `$` sequences in the data are not patterns.
  return html.replace(
    marker,
    () => `<script type="application/json" id="nettopo-data">${json}</script>`,
  );
}
