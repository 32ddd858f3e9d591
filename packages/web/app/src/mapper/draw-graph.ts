import { linkWidth } from "../../../src/mapper/jaccard.js";
import type { ViewTransform } from "./view-transform.js";

/** Everything one frame of the graph shows. */
export interface GraphFrame {
  readonly positions: Float32Array;
  readonly radii: Float32Array;
  readonly colors: readonly string[];
  /** Link endpoints, source and target of link e at [2e], [2e + 1]. */
  readonly links: Int32Array;
  readonly jaccard: Float32Array;
  /** 1 for nodes the search keeps bright; null when nothing is dimmed. */
  readonly bright: Uint8Array | null;
  readonly selected: ReadonlySet<number>;
  readonly hovered: number;
  /** The lasso being drawn, screen coordinates [x0, y0, x1, y1, ...]. */
  readonly lasso: readonly number[] | null;
}

/** Links fall into this many width classes, so each class is one path (fast with many links). */
const WIDTH_CLASSES = 6;

/**
 * Draws a frame on a 2-D canvas context whose pixels are scaled by
 * `pixelRatio` (sharp on high-density screens). Nodes are drawn with their
 * centres transformed and their radii scaled by the zoom (with a floor, so
 * a zoomed-out graph stays visible).
 */
export function drawGraph(
  context: CanvasRenderingContext2D,
  frame: GraphFrame,
  view: ViewTransform,
  width: number,
  height: number,
  pixelRatio: number,
  background = "#ffffff",
): void {
  const { positions, radii, colors, links, jaccard, bright, selected, hovered } = frame;
  context.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  context.fillStyle = background;
  context.fillRect(0, 0, width, height);
  const sx = (i: number) => view.k * positions[2 * i]! + view.x;
  const sy = (i: number) => view.k * positions[2 * i + 1]! + view.y;
  const zoomWidth = Math.min(2, Math.max(0.35, Math.sqrt(view.k)));
  const dim = (i: number) => bright !== null && bright[i] !== 1;

  // Each link and node is its own small path: Chromium's software canvas
  // strokes one path of thousands of segments far slower (measured ~10x)
  // than the segments one by one. Styles are set once per group.
  context.lineCap = "round";
  const linkGroups = new Map<number, number[]>();
  for (let e = 0; e < links.length / 2; e++) {
    const c = Math.min(WIDTH_CLASSES - 1, Math.floor(Math.sqrt(jaccard[e]!) * WIDTH_CLASSES));
    const key = (dim(links[2 * e]!) || dim(links[2 * e + 1]!) ? WIDTH_CLASSES : 0) + c;
    const group = linkGroups.get(key);
    if (group === undefined) linkGroups.set(key, [e]);
    else group.push(e);
  }
  for (const [key, group] of [...linkGroups].sort((a, b) => b[0] - a[0])) {
    const c = key % WIDTH_CLASSES;
    context.lineWidth = linkWidth(((c + 0.5) / WIDTH_CLASSES) ** 2) * zoomWidth;
    context.strokeStyle = key >= WIDTH_CLASSES ? "rgba(140,149,159,0.12)" : "rgba(120,129,140,0.5)";
    for (const e of group) {
      const s = links[2 * e]!;
      const t = links[2 * e + 1]!;
      context.beginPath();
      context.moveTo(sx(s), sy(s));
      context.lineTo(sx(t), sy(t));
      context.stroke();
    }
  }

  // The links of the selected nodes, darker, so their neighbours stand out.
  if (selected.size > 0) {
    context.strokeStyle = "rgba(11,31,51,0.7)";
    for (let e = 0; e < links.length / 2; e++) {
      const s = links[2 * e]!;
      const t = links[2 * e + 1]!;
      if (!selected.has(s) && !selected.has(t)) continue;
      context.lineWidth = Math.max(1.5, linkWidth(jaccard[e]!) * zoomWidth);
      context.beginPath();
      context.moveTo(sx(s), sy(s));
      context.lineTo(sx(t), sy(t));
      context.stroke();
    }
  }

  // Nodes by colour, the dimmed ones first so the bright ones lie on top.
  const n = radii.length;
  const radius = (i: number) => Math.max(1.5, radii[i]! * view.k);
  const nodeGroups = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const x = sx(i);
    const y = sy(i);
    const r = radius(i);
    if (x + r < 0 || y + r < 0 || x - r > width || y - r > height) continue;
    const key = `${dim(i) ? 0 : 1}${colors[i]!}`;
    const group = nodeGroups.get(key);
    if (group === undefined) nodeGroups.set(key, [i]);
    else group.push(i);
  }
  context.lineWidth = 1;
  context.strokeStyle = "rgba(255,255,255,0.9)";
  for (const bright of ["0", "1"]) {
    context.globalAlpha = bright === "1" ? 1 : 0.16;
    for (const [key, group] of nodeGroups) {
      if (key[0] !== bright) continue;
      context.fillStyle = key.slice(1);
      for (const i of group) {
        const r = radius(i);
        context.beginPath();
        context.arc(sx(i), sy(i), r, 0, 2 * Math.PI);
        context.fill();
        if (r > 3) context.stroke();
      }
    }
  }
  context.globalAlpha = 1;

  const ring = (i: number, color: string, lineWidth: number, gap: number) => {
    context.beginPath();
    context.arc(sx(i), sy(i), radius(i) + gap, 0, 2 * Math.PI);
    context.lineWidth = lineWidth;
    context.strokeStyle = color;
    context.stroke();
  };
  for (const i of selected) if (i < n) ring(i, "#0b1f33", 2.5, 2.5);
  if (hovered >= 0 && hovered < n) ring(hovered, "#0969da", 2, 2);

  if (frame.lasso !== null && frame.lasso.length >= 4) {
    context.beginPath();
    context.moveTo(frame.lasso[0]!, frame.lasso[1]!);
    for (let k = 2; k < frame.lasso.length; k += 2)
      context.lineTo(frame.lasso[k]!, frame.lasso[k + 1]!);
    context.closePath();
    context.fillStyle = "rgba(9,105,218,0.08)";
    context.fill();
    context.setLineDash([5, 4]);
    context.lineWidth = 1.5;
    context.strokeStyle = "#0969da";
    context.stroke();
    context.setLineDash([]);
  }
}
