import { linkWidth } from "./jaccard.js";

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
}

const escapeXml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
const round = (x: number) => Math.round(x * 100) / 100;

/**
 * The graph as a standalone SVG document, framed on all the nodes with a
 * margin (the export of the explorer's "SVG" button): links under nodes,
 * link width by Jaccard overlap, dimmed nodes faded as on screen.
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
  const width = round(maxX - minX + 2 * margin);
  const height = round(maxY - minY + 2 * margin + titleSpace);
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
  lines.push("</g>", "</svg>");
  return `${lines.join("\n")}\n`;
}
