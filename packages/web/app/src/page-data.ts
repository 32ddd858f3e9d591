/**
 * The data a page shows, when the page was written as one self-contained
 * file (`nettopo report`, `nettopo mapper --html`): the CLI fills the
 * `<script type="application/json" id="nettopo-data">` element of the built
 * page with JSON (see packages/web/src/self-contained-page.ts). An empty
 * element means the page is served (`nettopo serve`) and fetches its data.
 */
export function readPageData<T>(): T | null {
  const element = document.getElementById("nettopo-data");
  const text = element?.textContent?.trim() ?? "";
  return text === "" ? null : (JSON.parse(text) as T);
}
