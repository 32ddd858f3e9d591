import { sequentialColor } from "./color-scale.js";
import { linkWidth } from "./jaccard.js";
import type { ColorLegend } from "./node-colors.js";

/** What {@link graphSvg} draws: the laid-out graph as the page shows it. */
export interface DrawnGraph {
  /** x, y of node i at [2i], [2i + 1], layout units. */
  readonly positions: ArrayLike<number>;
  readonly radii: ArrayLike<number>;
  readonly colors: readonly string[];
  /** 1 for the nodes drawn bright; null when none is dimmed. */
  readonly bright: ArrayLike<number> | null;
  readonly links: readonly {
    readonly source: number;
    readonly target: number;
    readonly jaccard: number;
  }[];
  /** A line drawn at the top, e.g. the parameters. */
  readonly title?: string;
  /** The legend of the colours, drawn under the graph. */
  readonly legend?: ColorLegend;
}

const LEGEND_ROW = 18;

/** The legend's height in the SVG. */
function legendHeight(legend: ColorLegend | undefined): number {
  if (legend === undefined) return 0;
  if (legend.kind === "sequential") return 58;
  return 28 + Math.ceil(legend.entries.length / 4) * LEGEND_ROW;
}

/** The legend as SVG elements, its top-left corner at (x, y). */
function legendSvg(legend: ColorLegend, x: number, y: number): string[] {
  const out = [
    `<text x="${x}" y="${y + 12}" font-size="12" font-weight="bold" fill="#1f2328">${escapeXml(legend.title)}</text>`,
  ];
  if (legend.kind === "categorical") {
    legend.entries.forEach((entry, k) => {
      const ex = x + (k % 4) * 130;
      const ey = y + 28 + Math.floor(k / 4) * LEGEND_ROW;
      out.push(
        `<circle cx="${ex + 5}" cy="${ey}" r="5" fill="${escapeXml(entry.color)}"/>`,
        `<text x="${ex + 15}" y="${ey + 4}" font-size="11" fill="#1f2328">${escapeXml(entry.name)}</text>`,
      );
    });
    return out;
  }
  const stops = Array.from(
    { length: 11 },
    (_, k) => `<stop offset="${k * 10}%" stop-color="${sequentialColor(k / 10)}"/>`,
  );
  out.push(
    `<defs><linearGradient id="legend-scale">${stops.join("")}</linearGradient></defs>`,
    `<rect x="${x}" y="${y + 20}" width="200" height="10" rx="3" fill="url(#legend-scale)"/>`,
    `<text x="${x}" y="${y + 44}" font-size="11" fill="#656d76">${formatNumber(legend.min)}</text>`,
    `<text x="${x + 200}" y="${y + 44}" font-size="11" fill="#656d76" text-anchor="end">${formatNumber(legend.max)}</text>`,
  );
  return out;
}

const formatNumber = (x: number) => String(Number(x.toPrecision(3)));

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const round = (x: number) => Math.round(x * 100) / 100;

/**
 * The graph as a standalone SVG document, framed on all the nodes with a
 * margin (the export of the explorer's "SVG" button): links under nodes,
 * link width by Jaccard overlap, dimmed nodes faded as on screen, and the
 * colour legend underneath when given.
 * @example
 * ```ts
 * const svg = graphSvg({ positions: [0, 0, 40, 10], radii: [5, 8], colors: ["#4e79a7", "#f28e2b"], bright: null, links: [{ source: 0, target: 1, jaccard: 0.2 }] });
 * ```
 */
export function graphSvg(graph: DrawnGraph, margin = 24): string {
  const n = graph.radii.length;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    const r = graph.radii[i]!;
    minX = Math.min(minX, graph.positions[2 * i]! - r);
    maxX = Math.max(maxX, graph.positions[2 * i]! + r);
    minY = Math.min(minY, graph.positions[2 * i + 1]! - r);
    maxY = Math.max(maxY, graph.positions[2 * i + 1]! + r);
  }
  if (n === 0) [minX, minY, maxX, maxY] = [0, 0, 100, 100];
  const titleSpace = graph.title ? 28 : 0;
  const legendSpace = legendHeight(graph.legend);
  const width = round(Math.max(maxX - minX + 2 * margin, graph.legend ? 560 : 0));
  const height = round(maxY - minY + 2 * margin + titleSpace + legendSpace);
  const x = (i: number) => round(graph.positions[2 * i]! - minX + margin);
  const y = (i: number) => round(graph.positions[2 * i + 1]! - minY + margin + titleSpace);
  const faded = (i: number) => graph.bright !== null && graph.bright[i] !== 1;
  const lines: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
  ];
  if (graph.title) {
    lines.push(
      `<text x="${margin}" y="${margin}" font-size="13" fill="#1f2328">${escapeXml(graph.title)}</text>`,
    );
  }
  lines.push(`<g stroke="#8c959f" stroke-linecap="round">`);
  for (const link of graph.links) {
    const opacity = faded(link.source) || faded(link.target) ? 0.12 : 0.55;
    lines.push(
      `<line x1="${x(link.source)}" y1="${y(link.source)}" x2="${x(link.target)}" y2="${y(link.target)}" stroke-width="${round(linkWidth(link.jaccard))}" stroke-opacity="${opacity}"/>`,
    );
  }
  lines.push("</g>", `<g stroke="#ffffff" stroke-width="1">`);
  for (let i = 0; i < n; i++) {
    lines.push(
      `<circle cx="${x(i)}" cy="${y(i)}" r="${round(graph.radii[i]!)}" fill="${escapeXml(graph.colors[i]!)}"${faded(i) ? ' fill-opacity="0.15" stroke-opacity="0.15"' : ""}><title>node ${i}</title></circle>`,
    );
  }
  lines.push("</g>");
  if (graph.legend !== undefined) {
    lines.push(...legendSvg(graph.legend, margin, height - legendSpace - margin / 2));
  }
  lines.push("</svg>");
  return `${lines.join("\n")}\n`;
}
