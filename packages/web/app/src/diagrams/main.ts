import {
  type DiagramChoice,
  dataDims,
  repeatName,
  selectedDiagrams,
  showsAllRepeats,
} from "../../../src/diagrams/diagram-selection.js";
import type { DiagramFileData, DiagramsData } from "../../../src/diagrams/diagrams-data.js";
import {
  barcodeFigure,
  bettiFigure,
  diagramFigure,
} from "../../../src/diagrams/diagrams-figures.js";
import { summarizeDimensions } from "../../../src/diagrams/dimension-summary.js";
import { featureTable } from "../../../src/diagrams/feature-table.js";
import { readPageData } from "../page-data.js";
import "../report/report.css";
import "./diagrams.css";
import { element } from "../shared/element.js";
import { ChartSlot } from "./chart-slot.js";
import { filesCard } from "./files-card.js";
import { featuresTable, summaryTable } from "./tables.js";

/**
 * The diagrams page (`nettopo plot DIAGRAM... --out view.html`): the
 * persistence diagram, barcode and Betti curves of diagram files and of the
 * bootstrap repeats of `nettopo neurons`, with a summary per dimension and
 * the repeats' features. Everything is drawn from the data inlined in the
 * page; nothing is fetched.
 */

const app = document.getElementById("app")!;
let data: DiagramsData;
const choice: { file: number | "all"; repeat: number | "all"; dims: number[] } = {
  file: 0,
  repeat: "all",
  dims: [],
};

const stem = () =>
  (data.files[0]?.label ?? "diagram").replace(/\.[^.]*$/, "").replace(/[^\w.-]+/g, "-");
const slots = {
  diagram: new ChartSlot("diagram", stem),
  barcode: new ChartSlot("barcode", stem),
};
let bettiSlots: ChartSlot[] = [];
const bettiGrid = element("div", { class: "chart-row" });
const summaryHost = element("div", { id: "summary" });
const summaryNote = element("p", { class: "note", id: "selection-note" });
const featuresCard = element("section", { class: "card", id: "features", hidden: "" });

const controls = {
  file: element("select", { id: "file-select", "aria-label": "File" }),
  repeat: element("select", { id: "repeat-select", "aria-label": "Bootstrap repeat" }),
  repeatLabel: element("label", { id: "repeat-control" }),
  dims: element("span", { class: "dims", role: "group", "aria-label": "Dimensions" }),
};

function currentFile(): DiagramFileData | undefined {
  return choice.file === "all" ? undefined : data.files[choice.file];
}

function choiceKey(): string {
  return `${choice.file}/${choice.repeat}/${choice.dims.join(",")}`;
}

// ---------------------------------------------------------------- sections

function header(): HTMLElement {
  const files = `${data.files.length} file${data.files.length === 1 ? "" : "s"}`;
  return element(
    "header",
    { class: "page-header" },
    element("div", { class: "brand" }, "nettopo"),
    element("h1", {}, data.title),
    element(
      "p",
      { class: "subtitle" },
      `${files} · written ${new Date(data.generated).toLocaleString()}`,
    ),
  );
}

function controlBar(): HTMLElement {
  const fileOptions = data.files.map((file, k) =>
    element("option", { value: String(k) }, file.label),
  );
  if (data.files.length > 1) {
    fileOptions.push(element("option", { value: "all" }, "All files, overlaid"));
  }
  controls.file.replaceChildren(...fileOptions);
  // One file: nothing to choose.
  const fileControl = element("label", {}, "File ", controls.file);
  fileControl.hidden = data.files.length === 1;
  controls.repeatLabel.replaceChildren("Repeat ", controls.repeat);
  controls.dims.replaceChildren(
    ...dataDims(data).map((dim) => {
      const box = element("input", { type: "checkbox", value: String(dim), id: `dim-${dim}` });
      box.checked = choice.dims.includes(dim);
      box.addEventListener("change", () => {
        const checked = [...controls.dims.querySelectorAll("input:checked")].map((b) =>
          Number((b as HTMLInputElement).value),
        );
        // At least one dimension stays shown.
        if (checked.length === 0) {
          box.checked = true;
          return;
        }
        choice.dims = checked;
        void redraw();
      });
      return element(
        "label",
        { class: `dim-toggle d${dim % 8}`, for: `dim-${dim}` },
        box,
        element("span", { class: "dim-dot" }),
        `H${dim}`,
      );
    }),
  );
  return element(
    "div",
    { class: "controls" },
    fileControl,
    controls.repeatLabel,
    element("span", { class: "dims-label" }, "Dimensions ", controls.dims),
  );
}

/** Refills the repeat control for the chosen file (hidden when it has one diagram). */
function fillRepeats(): void {
  const file = currentFile();
  const repeats = file?.repeats.length ?? 1;
  controls.repeatLabel.hidden = repeats <= 1;
  if (repeats <= 1) {
    choice.repeat = 0;
    return;
  }
  controls.repeat.replaceChildren(
    element("option", { value: "all" }, `All ${repeats} repeats`),
    ...Array.from({ length: repeats }, (_, r) =>
      element("option", { value: String(r) }, `${r + 1} of ${repeats}`),
    ),
  );
  if (choice.repeat !== "all" && choice.repeat >= repeats) choice.repeat = "all";
  controls.repeat.value = String(choice.repeat);
}

function chartsCard(): HTMLElement {
  return element(
    "section",
    { class: "card" },
    element("h2", {}, "Diagram and barcode"),
    element(
      "p",
      { class: "note" },
      "Points above the diagonal are (birth, death) pairs coloured by dimension; classes that never die sit on the dashed ∞ line. Hover a point or bar for its values.",
    ),
    element("div", { class: "chart-row" }, slots.diagram.figure, slots.barcode.figure),
    element("h2", { class: "spaced" }, "Betti curves"),
    element(
      "p",
      { class: "note" },
      "The number of pairs alive at each filtration value, one chart per dimension; for a bootstrap, the mean over the repeats with its confidence band.",
    ),
    bettiGrid,
  );
}

// ---------------------------------------------------------------- drawing

function selectionNote(): string {
  const file = currentFile();
  if (file === undefined)
    return `One diagram per file, overlaid (a bootstrap file gives its first repeat).`;
  if (showsAllRepeats(data, choice)) {
    return `${file.label}: mean ± std over its ${file.repeats.length} bootstrap repeats (min and max on hover).`;
  }
  if (file.repeats.length > 1)
    return `${file.label}, ${repeatName(file, choice.repeat as number)}.`;
  return `The values of ${file.label}.`;
}

function drawTables(): void {
  const selected = selectedDiagrams(data, choice as DiagramChoice);
  summaryNote.textContent = selectionNote();
  const dims = choice.dims;
  summaryHost.replaceChildren(
    summaryTable(
      choice.file === "all"
        ? selected.map((s) => ({
            label: s.label,
            rows: summarizeDimensions([s.diagram], dims),
            several: false,
          }))
        : [
            {
              label: null,
              rows: summarizeDimensions(
                selected.map((s) => s.diagram),
                dims,
              ),
              several: selected.length > 1,
            },
          ],
    ),
  );
  const file = currentFile();
  const features =
    file === undefined
      ? null
      : featureTable(file, choice.dims, choice.repeat === "all" ? undefined : choice.repeat);
  featuresCard.hidden = features === null;
  if (features !== null && file !== undefined) {
    featuresCard.replaceChildren(
      element("h2", {}, "Features of the repeats"),
      element(
        "p",
        { class: "note" },
        `Mean ± standard deviation over the ${file.repeats.length} repeats of ${file.label}, as the file's summary gives them (min and max on hover); features are of the finite pairs, essential classes left out${choice.repeat === "all" ? "" : `; below, the value of repeat ${(choice.repeat as number) + 1}`}.`,
      ),
      featuresTable(features),
    );
  }
}

async function drawCharts(): Promise<void> {
  const key = choiceKey();
  const wanted = choice.dims.map((dim) => `betti-h${dim}`);
  if (wanted.join() !== bettiSlots.map((s) => s.id).join()) {
    for (const slot of bettiSlots) slot.finalize();
    bettiSlots = wanted.map((id) => new ChartSlot(id, stem));
    bettiGrid.replaceChildren(...bettiSlots.map((s) => s.figure));
  }
  const current = choice as DiagramChoice;
  await Promise.all([
    slots.diagram.draw(
      diagramFigure(data, current, { width: 340, height: 340 }),
      "The files hold no pair.",
      key,
    ),
    slots.barcode.draw(
      barcodeFigure(data, current, { width: 600 }),
      "The files hold no pair.",
      key,
    ),
    ...choice.dims.map((dim, k) =>
      bettiSlots[k]!.draw(
        bettiFigure(data, current, dim, { width: 320, height: 200 }),
        `No H${dim} Betti curve to draw: no pair, or all born at one value and never dying.`,
        key,
      ),
    ),
  ]);
}

let drawing: Promise<void> = Promise.resolve();

/** Redraws the tables and charts for the current choice (serialised: two redraws never interleave). */
function redraw(): Promise<void> {
  drawing = drawing.then(async () => {
    delete document.body.dataset.ready;
    fillRepeats();
    drawTables();
    await drawCharts();
    document.body.dataset.ready = "true";
  });
  return drawing;
}

controls.file.addEventListener("change", () => {
  choice.file = controls.file.value === "all" ? "all" : Number(controls.file.value);
  choice.repeat = "all";
  void redraw();
});
controls.repeat.addEventListener("change", () => {
  choice.repeat = controls.repeat.value === "all" ? "all" : Number(controls.repeat.value);
  void redraw();
});

async function start(): Promise<void> {
  const embedded = readPageData<DiagramsData>();
  if (embedded === null || embedded.files.length === 0) {
    throw new Error(
      "this page holds no diagram: write it with `nettopo plot DIAGRAM... --out view.html`",
    );
  }
  data = embedded;
  const dims = dataDims(data);
  const wanted = data.dims.filter((d) => dims.includes(d));
  choice.dims = wanted.length > 0 ? wanted : dims;
  choice.repeat = data.files[0]!.repeats.length > 1 ? "all" : 0;
  document.title = `${data.title} · nettopo`;
  app.replaceChildren(
    header(),
    filesCard(data),
    controlBar(),
    element("section", { class: "card" }, element("h2", {}, "Summary"), summaryNote, summaryHost),
    chartsCard(),
    featuresCard,
    element(
      "footer",
      {},
      "Made by ",
      element("code", {}, "nettopo plot"),
      " from ",
      data.files.map((f) => f.path).join(", "),
      ". Charts: Vega-Lite specs of @nettopo/core; PNG and SVG buttons export each one.",
    ),
  );
  await redraw();
}

start().catch((error: unknown) => {
  app.replaceChildren(
    element(
      "p",
      { class: "notice error" },
      `The diagrams could not be shown: ${(error as Error).message}`,
    ),
  );
  throw error;
});
