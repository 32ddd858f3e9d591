import { PLOT_PALETTE } from "@nettopo/core";
import { REPORT_CHART_CONFIG } from "../../../src/report/chart-config.js";
import type { ReportData, ReportEvent, ReportRun } from "../../../src/report/report-data.js";
import {
  barcodeFigure,
  bettiFigure,
  diagramFigure,
  type FeatureBand,
  featureCatalog,
  featureFigure,
  formatEpoch,
  headlineFeatures,
  topologyDims,
  trainingFigure,
} from "../../../src/report/report-figures.js";
import { readPageData } from "../page-data.js";
import { type DrawnChart, drawChart } from "../shared/vega-chart.js";
import "./report.css";

/** What the reader chose in the topology section. */
interface Choice {
  run: number;
  snapshot: number;
  /** Whether the slider follows the newest snapshot (live runs). */
  followLatest: boolean;
  repeat: number;
  band: FeatureBand;
  extraFeature: string;
}

const app = document.getElementById("app")!;
const charts = new Map<string, DrawnChart>();
let data: ReportData;
let live = false;
const choice: Choice = {
  run: -1,
  snapshot: 0,
  followLatest: true,
  repeat: 0,
  band: "std",
  extraFeature: "",
};

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

const percent = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x) ? "–" : `${(100 * x).toFixed(1)}%`;
const points = (x: number | undefined) =>
  x === undefined || !Number.isFinite(x)
    ? "–"
    : `${x >= 0 ? "+" : "−"}${Math.abs(100 * x).toFixed(1)} pts`;

function runColor(index: number): string {
  return PLOT_PALETTE[index % PLOT_PALETTE.length]!;
}

function runsWithTopology(): number[] {
  return data.runs.flatMap((run, k) => ((run.topology?.length ?? 0) > 0 ? [k] : []));
}

/** A chart slot: a figure element whose chart is (re)drawn by {@link draw}. */
function slot(id: string, className = "chart"): HTMLElement {
  return element("figure", { class: className, "data-chart": id });
}

async function draw(
  target: HTMLElement,
  spec: Record<string, unknown> | null,
  empty: string,
): Promise<void> {
  const id = target.dataset.chart!;
  charts.get(id)?.finalize();
  charts.delete(id);
  target.replaceChildren();
  delete target.dataset.rendered;
  if (spec === null) {
    target.append(element("p", { class: "empty" }, empty));
    return;
  }
  const host = element("div", { class: "vega" });
  target.append(host);
  try {
    charts.set(id, await drawChart(host, spec, REPORT_CHART_CONFIG));
    target.dataset.rendered = "true";
  } catch (error) {
    target.replaceChildren(
      element(
        "p",
        { class: "empty" },
        `This chart could not be drawn: ${(error as Error).message}`,
      ),
    );
  }
}

// ---------------------------------------------------------------- header

function header(): HTMLElement {
  const status = live
    ? element("span", { class: "status live", id: "live-status" }, "● live")
    : element("span", { class: "status" }, `written ${new Date(data.generated).toLocaleString()}`);
  const count = `${data.runs.length} run${data.runs.length === 1 ? "" : "s"}`;
  return element(
    "header",
    { class: "page-header" },
    element("div", { class: "brand" }, "nettopo"),
    element("h1", {}, data.title),
    element("p", { class: "subtitle" }, count, " · ", status),
  );
}

function runTable(): HTMLElement {
  const table = element("table", { class: "runs" });
  const head = table.createTHead().insertRow();
  for (const title of [
    "Run",
    "Architecture",
    "Data",
    "Epochs",
    "Train acc.",
    "Test acc.",
    "Gap",
    "Neuron topology",
  ]) {
    head.append(element("th", {}, title));
  }
  const body = table.createTBody();
  data.runs.forEach((run, k) => {
    const row = body.insertRow();
    row.dataset.run = run.name;
    const last = run.records.at(-1);
    const planned = run.config.training?.epochs;
    const done = last === undefined ? 0 : last.epoch;
    const set = run.config.data;
    const dataText =
      set === undefined
        ? "–"
        : `${set.dataset ?? set.train?.name ?? "?"}${set.train?.count !== undefined ? ` (${set.train.count} train / ${set.test?.count ?? "?"} test)` : ""}`;
    const opt = run.config.training?.optimizer;
    const arch = `${run.config.arch ?? "?"}${run.config.model?.activation ? ` ${run.config.model.activation}` : ""}`;
    const cells: (Node | string)[] = [
      element(
        "span",
        { class: "run-name" },
        element("span", { class: "swatch", style: `background:${runColor(k)}` }),
        run.name,
      ),
      element(
        "span",
        {},
        arch,
        element(
          "span",
          { class: "muted" },
          opt?.name ? ` · ${opt.name}${opt.learningRate ? ` ${opt.learningRate}` : ""}` : "",
        ),
      ),
      dataText,
      `${formatEpoch(done)}${planned !== undefined ? ` / ${planned}` : ""}`,
      percent(last?.train.accuracy),
      percent(last?.test.accuracy),
      points(last?.gap.accuracy),
      topologyCell(run),
    ];
    for (const cell of cells) row.insertCell().append(cell);
  });
  return element("section", { class: "card" }, table);
}

function topologyCell(run: ReportRun): Node {
  if (run.topology === null) {
    return element("span", { class: "muted" }, "none (no topology.jsonl)");
  }
  if (run.topology.length === 0) return element("span", { class: "muted" }, "no snapshot yet");
  const first = run.topology[0]!;
  const neurons = first.layers?.reduce((sum, l) => sum + l.neurons, 0);
  const p = first.parameters ?? {};
  const sampled = p.neurons !== undefined && p.neurons !== "all" ? `${p.neurons} of ` : "";
  return element(
    "span",
    {},
    `${run.topology.length} snapshots`,
    element(
      "span",
      { class: "muted" },
      ` · ${sampled}${neurons ?? "?"} neurons · B = ${first.repeats.length}`,
    ),
  );
}

// ---------------------------------------------------------------- training

const trainingSlots = {
  accuracy: slot("accuracy"),
  loss: slot("loss"),
  gap: slot("gap"),
};

/** The runs' colours, once for a section of charts. */
function runLegend(only?: readonly number[]): HTMLElement {
  const shown = only ?? data.runs.map((_, k) => k);
  return element(
    "div",
    { class: "run-legend" },
    ...shown.map((k) =>
      element(
        "span",
        { class: "run-key" },
        element("span", { class: "line", style: `background:${runColor(k)}` }),
        data.runs[k]!.name,
      ),
    ),
  );
}

function trainingSection(): HTMLElement {
  return element(
    "section",
    { class: "card" },
    element("div", { class: "section-head" }, element("h2", {}, "Training"), runLegend()),
    element(
      "p",
      { class: "note" },
      "Train (solid) and test (dashed) on the records of metrics.jsonl; the gap is train minus test accuracy.",
    ),
    element(
      "div",
      { class: "grid three" },
      trainingSlots.accuracy,
      trainingSlots.loss,
      trainingSlots.gap,
    ),
  );
}

async function drawTraining(): Promise<void> {
  const size = { width: 300, height: 200, runLegend: false };
  await Promise.all(
    (["accuracy", "loss", "gap"] as const).map((metric) =>
      draw(
        trainingSlots[metric],
        trainingFigure(data, metric, size),
        "No record in metrics.jsonl yet.",
      ),
    ),
  );
}

// ---------------------------------------------------------------- topology

const topologySlots = {
  betti: element("div", { class: "grid two" }),
  diagram: slot("diagram"),
  barcode: slot("barcode"),
  features: element("div", { class: "grid three" }),
  extra: slot("feature-extra"),
};
const controls = {
  run: element("select", { id: "run-select", "aria-label": "Run" }),
  slider: element("input", {
    id: "epoch-slider",
    type: "range",
    min: "0",
    max: "0",
    step: "1",
    value: "0",
    "aria-label": "Epoch",
  }),
  epochLabel: element("output", { id: "epoch-label", for: "epoch-slider" }),
  repeat: element("select", { id: "repeat-select", "aria-label": "Bootstrap repeat" }),
  band: element(
    "select",
    { id: "band-select", "aria-label": "Band" },
    element("option", { value: "std" }, "mean ± std"),
    element("option", { value: "range" }, "min – max"),
  ),
  feature: element("select", { id: "feature-select", "aria-label": "Feature" }),
};

function topologySection(): HTMLElement {
  const withTopology = runsWithTopology();
  const section = element("section", { class: "card", id: "topology" });
  section.append(element("h2", {}, "Neuron topology over training"));
  if (withTopology.length === 0) {
    section.append(
      element(
        "p",
        { class: "notice", id: "no-topology" },
        data.runs.length === 1 ? "This run has" : "These runs have",
        " no neuron topology (no topology.jsonl in the run directory, or no snapshot in it yet): the report shows the training curves only. Train with ",
        element("code", {}, "nettopo train … --monitor neurons"),
        " to record the persistent homology of the neurons at every epoch.",
      ),
    );
    return section;
  }
  const missing = data.runs.filter((run) => (run.topology?.length ?? 0) === 0).map((r) => r.name);
  section.append(
    element(
      "p",
      { class: "note" },
      "Persistent homology of the neurons' functional metric (Vietoris–Rips on 1 − |corr| of their activations), bootstrapped over samples of neurons and inputs at every snapshot.",
      missing.length > 0
        ? ` Without topology.jsonl: ${missing.join(", ")} (training curves only).`
        : "",
    ),
  );
  const controlBar = element(
    "div",
    { class: "controls" },
    element("label", {}, "Run ", controls.run),
    element("label", { class: "slider" }, "Epoch ", controls.slider, controls.epochLabel),
    element("label", {}, "Repeat ", controls.repeat),
  );
  section.append(
    controlBar,
    element(
      "h3",
      {},
      "Betti curves per epoch ",
      element(
        "span",
        { class: "muted" },
        "(Corneanu et al.; colour = epoch, band = bootstrap confidence band; the chosen epoch in bold)",
      ),
    ),
    topologySlots.betti,
    element("h3", {}, "Diagram and barcode of the chosen epoch and repeat"),
    element("div", { class: "grid diagram-row" }, topologySlots.diagram, topologySlots.barcode),
    element(
      "div",
      { class: "features-head" },
      element("h3", {}, "Topological features over training"),
      element("label", {}, "Band ", controls.band),
      runLegend(withTopology),
    ),
    element(
      "p",
      { class: "note" },
      "Each point is the mean over the bootstrap repeats of a snapshot; runs share the axes so they compare directly.",
    ),
    topologySlots.features,
    element(
      "div",
      { class: "features-head" },
      element("label", {}, "Any feature ", controls.feature),
    ),
    topologySlots.extra,
  );
  return section;
}

function fillControls(): void {
  const withTopology = runsWithTopology();
  if (withTopology.length === 0) return;
  if (!withTopology.includes(choice.run)) choice.run = withTopology[0]!;
  controls.run.replaceChildren(
    ...withTopology.map((k) => element("option", { value: String(k) }, data.runs[k]!.name)),
  );
  controls.run.value = String(choice.run);
  controls.run.disabled = withTopology.length === 1;
  const snapshots = data.runs[choice.run]!.topology!;
  const last = snapshots.length - 1;
  if (choice.followLatest || choice.snapshot > last) choice.snapshot = last;
  controls.slider.max = String(last);
  controls.slider.value = String(choice.snapshot);
  controls.slider.disabled = last === 0;
  const repeats = snapshots[choice.snapshot]!.repeats.length;
  if (choice.repeat >= repeats) choice.repeat = 0;
  controls.repeat.replaceChildren(
    ...Array.from({ length: repeats }, (_, r) =>
      element("option", { value: String(r) }, `${r + 1} of ${repeats}`),
    ),
  );
  controls.repeat.value = String(choice.repeat);
  const features = featureCatalog(data);
  if (!features.some((f) => f.key === choice.extraFeature)) {
    choice.extraFeature =
      features.find((f) => f.key === "h1.lifetime.mean")?.key ?? features[0]?.key ?? "";
  }
  controls.feature.replaceChildren(
    ...features.map((f) => element("option", { value: f.key }, f.label)),
  );
  controls.feature.value = choice.extraFeature;
  controls.band.value = choice.band;
  updateEpochLabel();
}

function updateEpochLabel(): void {
  const snapshot = data.runs[choice.run]?.topology?.[choice.snapshot];
  if (snapshot === undefined) return;
  const of = data.runs[choice.run]!.topology!.length;
  controls.epochLabel.textContent = `epoch ${formatEpoch(snapshot.epoch)} · step ${snapshot.step} · snapshot ${choice.snapshot + 1} of ${of}`;
}

async function drawEpochCharts(): Promise<void> {
  const run = data.runs[choice.run];
  if (run?.topology == null || run.topology.length === 0) return;
  const snapshot = run.topology[choice.snapshot]!;
  updateEpochLabel();
  const dims = topologyDims(run);
  // One slot per dimension, created once per run.
  const wanted = dims.map((dim) => `betti-h${dim}`);
  const existing = [...topologySlots.betti.children].map((c) => (c as HTMLElement).dataset.chart);
  if (wanted.join() !== existing.join()) {
    for (const id of existing) charts.get(id!)?.finalize();
    topologySlots.betti.replaceChildren(...wanted.map((id) => slot(id)));
  }
  const wide = { width: 440, height: 240 };
  await Promise.all([
    ...dims.map((dim, k) =>
      draw(
        topologySlots.betti.children[k] as HTMLElement,
        bettiFigure(run, dim, snapshot.epoch, wide),
        `No H${dim} Betti curve.`,
      ),
    ),
    draw(
      topologySlots.diagram,
      diagramFigure(run, choice.snapshot, choice.repeat, { width: 300, height: 300 }),
      "No diagram in this snapshot.",
    ),
    draw(
      topologySlots.barcode,
      barcodeFigure(run, choice.snapshot, choice.repeat, { width: 460 }),
      "No diagram in this snapshot.",
    ),
  ]);
  for (const target of [topologySlots.diagram, topologySlots.barcode]) {
    target.dataset.epoch = String(snapshot.epoch);
  }
}

async function drawFeatures(): Promise<void> {
  if (runsWithTopology().length === 0) return;
  const keys = headlineFeatures(data);
  const wanted = keys.map((key) => `feature-${key}`);
  const existing = [...topologySlots.features.children].map(
    (c) => (c as HTMLElement).dataset.chart,
  );
  if (wanted.join() !== existing.join()) {
    for (const id of existing) charts.get(id!)?.finalize();
    topologySlots.features.replaceChildren(...wanted.map((id) => slot(id)));
  }
  const size = { width: 300, height: 170, runLegend: false };
  await Promise.all([
    ...keys.map((key, k) =>
      draw(
        topologySlots.features.children[k] as HTMLElement,
        featureFigure(data, key, choice.band, size),
        "No value.",
      ),
    ),
    draw(
      topologySlots.extra,
      choice.extraFeature === ""
        ? null
        : featureFigure(data, choice.extraFeature, choice.band, {
            width: 620,
            height: 220,
            runLegend: false,
          }),
      "No feature.",
    ),
  ]);
}

// ---------------------------------------------------------------- page

let drawing: Promise<void> = Promise.resolve();

/** Redraws everything (serialised, so that two redraws never interleave). */
function redrawAll(): Promise<void> {
  drawing = drawing.then(async () => {
    fillControls();
    await Promise.all([drawTraining(), drawEpochCharts(), drawFeatures()]);
    refreshTable();
    document.body.dataset.ready = "true";
  });
  return drawing;
}

function redrawEpoch(): Promise<void> {
  drawing = drawing.then(() => drawEpochCharts());
  return drawing;
}

let table: HTMLElement;
function refreshTable(): void {
  const fresh = runTable();
  table.replaceWith(fresh);
  table = fresh;
}

function build(): void {
  for (const chart of charts.values()) chart.finalize();
  charts.clear();
  table = runTable();
  app.replaceChildren(
    header(),
    table,
    trainingSection(),
    topologySection(),
    element(
      "footer",
      {},
      "Made by ",
      element("code", {}, live ? "nettopo serve" : "nettopo report"),
      " from ",
      data.runs.map((r) => r.directory).join(", "),
      ". Charts: Vega-Lite specs of @nettopo/core.",
    ),
  );
}

controls.slider.addEventListener("input", () => {
  choice.snapshot = Number(controls.slider.value);
  choice.followLatest = choice.snapshot === Number(controls.slider.max);
  void redrawEpoch();
});
controls.run.addEventListener("change", () => {
  choice.run = Number(controls.run.value);
  choice.followLatest = true;
  choice.repeat = 0;
  void redrawAll();
});
controls.repeat.addEventListener("change", () => {
  choice.repeat = Number(controls.repeat.value);
  void redrawEpoch();
});
controls.band.addEventListener("change", () => {
  choice.band = controls.band.value as FeatureBand;
  drawing = drawing.then(() => drawFeatures());
});
controls.feature.addEventListener("change", () => {
  choice.extraFeature = controls.feature.value;
  drawing = drawing.then(() => drawFeatures());
});

// ---------------------------------------------------------------- live mode

async function fetchRuns(): Promise<ReportData> {
  const response = await fetch("api/runs", { cache: "no-store" });
  if (!response.ok) throw new Error(`GET api/runs: ${response.status} ${response.statusText}`);
  return (await response.json()) as ReportData;
}

let pending: ReturnType<typeof setTimeout> | null = null;
let rebuildPending = false;
/** Redraws soon, once for a burst of events; `rebuild` also rebuilds the sections. */
function scheduleRedraw(rebuild = false): void {
  rebuildPending ||= rebuild;
  if (pending !== null) return;
  pending = setTimeout(() => {
    pending = null;
    const rebuildNow = rebuildPending;
    rebuildPending = false;
    drawing = drawing.then(() => {
      if (rebuildNow) build();
    });
    void redrawAll();
  }, 250);
}

function refetch(): void {
  void fetchRuns().then((fresh) => {
    data = fresh;
    scheduleRedraw(true);
  });
}

function connect(): void {
  const events = new EventSource("api/events");
  const status = () => document.getElementById("live-status");
  let lost = false;
  events.addEventListener("open", () => {
    const s = status();
    if (s) {
      s.textContent = "● live";
      s.className = "status live";
    }
    // Lines written while the stream was down are fetched again.
    if (lost) refetch();
    lost = false;
  });
  events.addEventListener("error", () => {
    lost = true;
    const s = status();
    if (s) {
      s.textContent = "○ reconnecting…";
      s.className = "status offline";
    }
  });
  const hadTopology = () => runsWithTopology().length > 0;
  const apply = (event: ReportEvent) => {
    const run = data.runs[event.run] as
      | { -readonly [K in keyof ReportRun]: ReportRun[K] }
      | undefined;
    if (run === undefined) return;
    if (event.type === "reset") {
      refetch();
      return;
    }
    const have = event.type === "record" ? run.records.length : (run.topology?.length ?? 0);
    if (event.line < have) return; // already read with the runs
    if (event.line > have) {
      refetch(); // some lines were missed
      return;
    }
    if (event.type === "record") {
      run.records = [...run.records, event.record];
      scheduleRedraw();
    } else {
      const before = hadTopology();
      run.topology = [...(run.topology ?? []), event.snapshot];
      scheduleRedraw(!before);
    }
  };
  for (const type of ["record", "topology", "reset"]) {
    events.addEventListener(type, (message) => {
      apply({ type, ...JSON.parse((message as MessageEvent<string>).data) } as ReportEvent);
    });
  }
}

async function start(): Promise<void> {
  const embedded = readPageData<ReportData>();
  if (embedded !== null) {
    data = embedded;
  } else {
    live = true;
    data = await fetchRuns();
  }
  document.title = `${data.title} · nettopo`;
  build();
  await redrawAll();
  if (live) connect();
}

start().catch((error: unknown) => {
  app.replaceChildren(
    element(
      "p",
      { class: "notice error" },
      `The report could not be shown: ${(error as Error).message}`,
    ),
  );
  throw error;
});
