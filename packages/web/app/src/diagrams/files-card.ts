import { dataDims } from "../../../src/diagrams/diagram-selection.js";
import type { DiagramFileData, DiagramsData } from "../../../src/diagrams/diagrams-data.js";
import { element } from "../shared/element.js";

/** What a file is, in a few words: a diagram, or a bootstrap and how it was made. */
function describeFile(file: DiagramFileData): Node {
  if (file.kind === "diagram") return document.createTextNode("persistence diagram");
  const about = file.about ?? {};
  const parameters = (about.parameters ?? {}) as Record<string, unknown>;
  const details = [
    typeof about.data === "string" ? about.data : null,
    Array.isArray(parameters.layers) ? `layers ${parameters.layers.join(", ")}` : null,
    parameters.neurons !== undefined ? `${parameters.neurons} neurons a repeat` : null,
    typeof parameters.metric === "string" ? parameters.metric : null,
  ].filter((d) => d !== null);
  return element(
    "span",
    {},
    `nettopo neurons, ${file.repeats.length} bootstrap repeats`,
    element("span", { class: "muted" }, details.length > 0 ? ` · ${details.join(" · ")}` : ""),
  );
}

/** The card listing the files: label (path on hover), what each holds, its pairs per dimension. */
export function filesCard(data: DiagramsData): HTMLElement {
  const dims = dataDims(data);
  const table = element("table", { class: "data files", id: "files-table" });
  const head = table.createTHead().insertRow();
  head.append(element("th", {}, "File"), element("th", {}, "Contents"));
  for (const dim of dims) head.append(element("th", { class: "num" }, `H${dim} pairs`));
  const body = table.createTBody();
  for (const file of data.files) {
    const row = body.insertRow();
    row.append(
      element("th", { scope: "row", title: file.path }, file.label),
      element("td", {}, describeFile(file)),
    );
    for (const dim of dims) {
      const counts = file.repeats.map(
        (r) => r.diagrams.find((d) => d.dim === dim)?.pairs.length ?? 0,
      );
      const low = Math.min(...counts);
      const high = Math.max(...counts);
      row.append(element("td", { class: "num" }, low === high ? String(low) : `${low}–${high}`));
    }
  }
  return element("section", { class: "card" }, element("h2", {}, "Files"), table);
}
