import type { MapperGraphJSON } from "@nettopo/core";
import { carriedPositions } from "../../../src/mapper/carried-positions.js";
import { graphSvg } from "../../../src/mapper/graph-svg.js";
import { labelSearch, labelsMatching } from "../../../src/mapper/label-search.js";
import type { MapperPageData } from "../../../src/mapper/mapper-page-data.js";
import {
  type ColorMode,
  type NodeColors,
  nodeColors,
  nodeRadius,
} from "../../../src/mapper/node-colors.js";
import { pageParameters } from "../../../src/mapper/page-parameters.js";
import { readPageData } from "../page-data.js";
import { element } from "../shared/element.js";
import { buildControls, fillColorModes, fillNeurons } from "./controls.js";
import { download } from "./download.js";
import { ForceLayout } from "./force-layout.js";
import { GraphCanvas } from "./graph-canvas.js";
import { drawLegend } from "./legend.js";
import { readMapperPage } from "./read-mapper-page.js";
import { Recomputer } from "./recomputer.js";
import { type PanelContext, showNode, showSelection, showSummary } from "./side-panel.js";
import { Tooltip } from "./tooltip.js";
import "./mapper.css";

const app = document.getElementById("app")!;
const data = readPageData<MapperPageData>();

if (data === null) {
  app.append(
    element(
      "p",
      { class: "notice" },
      "This page has no graph. Write one with `nettopo mapper INPUT --html mapper.html`.",
    ),
  );
} else {
  start(data);
}

function start(data: MapperPageData): void {
  const page = readMapperPage(data);
  const names = data.graph.meta.labels?.names ?? null;
  let graph: MapperGraphJSON = data.graph;
  let colors: NodeColors;
  let radii = new Float32Array(0);
  let positions: Float32Array = new Float32Array(0);
  let selected = new Set<number>();

  const means = graph.nodes[0]?.means?.length ?? 0;
  const hasLabels = page.labels !== null || graph.nodes.some((n) => n.labels !== undefined);
  // The legend sits under the colour control, leaving the canvas to the graph.
  const legend = element("div", { class: "legend", id: "legend" });
  const controls = buildControls(graph, legend, {
    labels: hasLabels,
    names,
    means,
    rows: page.rows !== null,
  });
  const subtitle = element("p", { class: "subtitle", id: "graph-summary" });
  const host = element("div", { class: "canvas-host", id: "graph" });
  const layoutStatus = element("div", { class: "layout-status", id: "layout-status" });
  const emptyNote = element(
    "p",
    { class: "empty-graph", id: "empty-graph", hidden: "" },
    "No nodes: every input is noise at these parameters. Try a larger eps or fewer min samples.",
  );
  const fitButton = element(
    "button",
    { class: "fit", type: "button", title: "Frame the whole graph (or double-click)" },
    "Fit",
  );
  const panel = element("aside", { class: "panel", id: "panel" });
  const tooltip = new Tooltip();
  app.append(
    element(
      "header",
      { class: "topbar" },
      element("div", { class: "brand" }, "nettopo · Mapper"),
      element("h1", {}, data.title),
      subtitle,
    ),
    element(
      "div",
      { class: "workspace" },
      controls.root,
      element("section", { class: "stage" }, host, layoutStatus, emptyNote, fitButton),
      panel,
    ),
    tooltip.root,
  );

  const context = (): PanelContext => ({ graph, names, labels: page.labels, images: page.images });

  const canvas = new GraphCanvas(
    host,
    {
      positions,
      radii,
      colors: [],
      links: new Int32Array(0),
      jaccard: new Float32Array(0),
      bright: null,
      selected,
      hovered: -1,
      lasso: null,
    },
    {
      hover(node, x, y) {
        if (node < 0) {
          tooltip.hide();
          return;
        }
        tooltip.show(graph.nodes[node]!, names, colors.legend.title, colors.values[node]!, x, y);
      },
      click(node, extend) {
        if (node < 0) {
          if (!extend) select(new Set());
          return;
        }
        const next = new Set(extend ? selected : []);
        if (extend && next.has(node)) next.delete(node);
        else next.add(node);
        select(next);
      },
      lasso(nodes) {
        select(new Set([...selected, ...nodes]));
      },
    },
  );

  const layout = new ForceLayout((next, done) => {
    positions = next;
    canvas.update({ positions });
    host.dataset.layout = done ? "done" : "running";
    layoutStatus.textContent = done ? "" : "laying out…";
    if (done) document.body.dataset.ready = "true";
  });

  function colorMode(): ColorMode {
    const value = controls.colorMode.value;
    if (value.startsWith("lens:")) return { kind: "lens", component: Number(value.slice(5)) };
    if (value === "neuron") {
      return { kind: "neuron", neuron: Number(controls.neuron.value) || 0 };
    }
    return { kind: value as "majority" | "purity" | "size" };
  }

  function recolor(): void {
    controls.neuronRow.hidden = controls.colorMode.value !== "neuron";
    colors = nodeColors(graph.nodes, colorMode(), names);
    drawLegend(legend, colors.legend);
    canvas.update({ colors: colors.colors });
  }

  function applySearch(): void {
    const query = controls.search.value;
    const bright = labelSearch(query, graph.nodes, names);
    canvas.update({ bright });
    if (bright === null) {
      controls.searchStatus.textContent = "";
      delete host.dataset.bright;
      return;
    }
    const count = bright.reduce((s, b) => s + b, 0);
    const wanted = labelsMatching(query, names, names?.keys() ?? []);
    const named = [...wanted].map((k) => names?.[k] ?? `label ${k}`).join(", ");
    host.dataset.bright = String(count);
    controls.searchStatus.textContent =
      wanted.size === 0 && count === 0
        ? `No label matches “${query.trim()}”.`
        : `${count} of ${graph.nodes.length} nodes have a majority of ${named || query.trim()}.`;
  }

  function select(next: Set<number>): void {
    selected = next;
    canvas.update({ selected });
    host.dataset.selected = [...selected].join(",");
    const nodes = [...selected].map((i) => graph.nodes[i]!);
    if (nodes.length === 0) showSummary(panel, context(), data.notes);
    else if (nodes.length === 1) showNode(panel, nodes[0]!, context());
    else showSelection(panel, nodes, context());
  }

  function setGraph(
    next: MapperGraphJSON,
    previous: { graph: MapperGraphJSON; positions: Float32Array } | null,
  ): void {
    graph = next;
    const maxSize = graph.nodes.reduce((max, n) => Math.max(max, n.size), 1);
    radii = Float32Array.from(graph.nodes, (n) => nodeRadius(n.size, maxSize));
    const links = new Int32Array(2 * graph.links.length);
    const jaccard = new Float32Array(graph.links.length);
    graph.links.forEach((link, e) => {
      links[2 * e] = link.source;
      links[2 * e + 1] = link.target;
      jaccard[e] = link.jaccard;
    });
    const initial =
      previous === null
        ? new Float32Array(2 * graph.nodes.length).fill(Number.NaN)
        : carriedPositions(previous.graph, previous.positions, graph);
    // Until the worker's first positions arrive (at once), nodes it places
    // itself sit on the unit circle.
    positions = initial.map((v, k) =>
      Number.isNaN(v) ? (k % 2 === 0 ? Math.cos(k) : Math.sin(k)) : v,
    );
    canvas.autoFit = true;
    canvas.update({ positions, radii, links, jaccard, selected: new Set(), hovered: -1 });
    host.dataset.nodes = String(graph.nodes.length);
    emptyNote.hidden = graph.nodes.length > 0;
    fillColorModes(controls.colorMode, graph.meta.lens.dims, hasLabels, means > 0);
    fillNeurons(controls.neuron, graph.nodes);
    host.dataset.links = String(graph.links.length);
    subtitle.textContent = `${data.source} · ${graph.nodes.length} nodes · ${graph.links.length} links · ${graph.meta.points} inputs`;
    recolor();
    applySearch();
    select(new Set());
    layout.start(radii, links, initial);
  }

  document.addEventListener("keydown", (event) => {
    const typing =
      event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
    if (event.key === "Escape" && !typing) select(new Set());
  });
  controls.colorMode.addEventListener("change", recolor);
  controls.neuron.addEventListener("change", recolor);
  controls.search.addEventListener("input", applySearch);
  fitButton.addEventListener("click", () => {
    canvas.autoFit = true;
    canvas.fit();
  });

  const recomputer = page.rows === null ? null : new Recomputer(page.rows, page.labels, names);
  controls.parameters.form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (recomputer === null) return;
    const { status } = controls.parameters;
    const parameters = pageParameters(controls.parameters.fields());
    if (!parameters.ok) {
      status.textContent = parameters.problem;
      status.dataset.state = "error";
      return;
    }
    status.dataset.state = "running";
    status.textContent = "Computing…";
    const started = performance.now();
    const before = { graph, positions };
    recomputer
      .run(parameters.lens, parameters.cover, parameters.cluster, (stage, done, total) => {
        status.textContent = `Computing: ${stage} ${done}/${total}`;
      })
      .then(
        (next) => {
          if (next === null) return; // replaced by a newer run
          setGraph(next, before);
          const seconds = ((performance.now() - started) / 1000).toFixed(1);
          status.dataset.state = "done";
          status.textContent = `Recomputed: ${next.nodes.length} nodes, ${next.links.length} links in ${seconds} s.`;
        },
        (error: Error) => {
          status.dataset.state = "error";
          status.textContent = `Could not compute: ${error.message}`;
        },
      );
  });

  controls.exportPng.addEventListener("click", () => {
    canvas.drawNow();
    canvas.canvas.toBlob((blob) => {
      if (blob !== null) download("mapper.png", blob);
    }, "image/png");
  });
  controls.exportSvg.addEventListener("click", () => {
    const svg = graphSvg({
      positions,
      radii,
      colors: colors.colors,
      bright: canvas.frame.bright,
      links: graph.links,
      title: data.title,
      legend: colors.legend,
    });
    download("mapper.svg", new Blob([svg], { type: "image/svg+xml" }));
  });
  controls.exportJson.addEventListener("click", () => {
    const nodes = graph.nodes.map((node, i) => ({
      ...node,
      x: positions[2 * i],
      y: positions[2 * i + 1],
    }));
    const text = `${JSON.stringify({ ...graph, nodes })}\n`;
    download("mapper.json", new Blob([text], { type: "application/json" }));
  });

  // For scripts driving the page (the tests, the screenshots): where a node is drawn.
  (window as unknown as { nettopoMapper: unknown }).nettopoMapper = {
    nodePagePosition: (i: number) => canvas.pagePosition(i),
  };

  setGraph(graph, null);
}
