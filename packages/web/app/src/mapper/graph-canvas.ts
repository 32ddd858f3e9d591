import { pointInPolygon } from "../../../src/mapper/point-in-polygon.js";
import { drawGraph, type GraphFrame } from "./draw-graph.js";
import { ViewTransform } from "./view-transform.js";

/** What the canvas tells the page about the reader's gestures. */
export interface GraphCanvasEvents {
  /** The node under the pointer changed (-1: none), with the pointer's page position. */
  hover(node: number, pageX: number, pageY: number): void;
  /** A click on a node (-1: the background); `extend` with Shift held. */
  click(node: number, extend: boolean): void;
  /** A lasso (Shift + drag on the background) closed around these nodes. */
  lasso(nodes: number[]): void;
}

/**
 * The graph on a canvas with pan (drag), zoom (wheel, around the cursor),
 * hover, click and lasso. Drawing happens at most once per animation frame
 * and only when something changed, so a 5000-node graph stays smooth.
 */
export class GraphCanvas {
  readonly canvas: HTMLCanvasElement;
  readonly view = new ViewTransform();
  frame: GraphFrame;
  /** Whether the view follows the layout (until the reader pans or zooms). */
  autoFit = true;
  private scheduled = false;
  private width = 0;
  private height = 0;
  private pixelRatio = 1;
  private drag: { x: number; y: number; moved: boolean; lasso: boolean } | null = null;

  constructor(
    container: HTMLElement,
    frame: GraphFrame,
    private readonly events: GraphCanvasEvents,
  ) {
    this.frame = frame;
    this.canvas = document.createElement("canvas");
    this.canvas.id = "graph-canvas";
    this.canvas.setAttribute("aria-label", "Mapper graph");
    container.append(this.canvas);
    new ResizeObserver(() => this.resize()).observe(container);
    this.resize();
    this.listen();
  }

  /** Replaces what is drawn (positions, colours, selection...) and redraws. */
  update(changes: Partial<GraphFrame>): void {
    this.frame = { ...this.frame, ...changes };
    if (changes.positions !== undefined && this.autoFit) this.fit();
    this.redraw();
  }

  /** Frames all the nodes. */
  fit(): void {
    const { positions, radii } = this.frame;
    if (radii.length === 0) return;
    const box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
    for (let i = 0; i < radii.length; i++) {
      const r = radii[i]!;
      box.minX = Math.min(box.minX, positions[2 * i]! - r);
      box.maxX = Math.max(box.maxX, positions[2 * i]! + r);
      box.minY = Math.min(box.minY, positions[2 * i + 1]! - r);
      box.maxY = Math.max(box.maxY, positions[2 * i + 1]! + r);
    }
    this.view.fit(box, this.width, this.height);
    this.redraw();
  }

  /** Node i's centre in page coordinates (for tests and tooltips). */
  pagePosition(i: number): { x: number; y: number } {
    const rect = this.canvas.getBoundingClientRect();
    const [x, y] = this.view.toScreen(
      this.frame.positions[2 * i]!,
      this.frame.positions[2 * i + 1]!,
    );
    return { x: rect.left + x, y: rect.top + y };
  }

  /** The node under a canvas point (the topmost, i.e. last drawn), or -1. */
  nodeAt(sx: number, sy: number): number {
    const { positions, radii } = this.frame;
    const [wx, wy] = this.view.toWorld(sx, sy);
    const slack = 3 / this.view.k;
    for (let i = radii.length - 1; i >= 0; i--) {
      const r = Math.max(radii[i]!, 1.5 / this.view.k) + slack;
      const dx = positions[2 * i]! - wx;
      const dy = positions[2 * i + 1]! - wy;
      if (dx * dx + dy * dy <= r * r) return i;
    }
    return -1;
  }

  /** Draws on the next animation frame (once, however often it is asked). */
  redraw(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => {
      this.scheduled = false;
      this.drawNow();
    });
  }

  /** Draws at once (exports draw before reading the pixels). */
  drawNow(): void {
    const context = this.canvas.getContext("2d")!;
    drawGraph(context, this.frame, this.view, this.width, this.height, this.pixelRatio);
  }

  private resize(): void {
    const rect = this.canvas.parentElement!.getBoundingClientRect();
    this.width = Math.max(1, Math.floor(rect.width));
    this.height = Math.max(1, Math.floor(rect.height));
    this.pixelRatio = window.devicePixelRatio || 1;
    this.canvas.width = Math.round(this.width * this.pixelRatio);
    this.canvas.height = Math.round(this.height * this.pixelRatio);
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${this.height}px`;
    if (this.autoFit) this.fit();
    this.drawNow();
  }

  private local(event: MouseEvent): [number, number] {
    const rect = this.canvas.getBoundingClientRect();
    return [event.clientX - rect.left, event.clientY - rect.top];
  }

  private listen(): void {
    const canvas = this.canvas;
    canvas.addEventListener(
      "wheel",
      (event) => {
        event.preventDefault();
        const [x, y] = this.local(event);
        // Pixel deltas from a trackpad are small and many; lines from a wheel are few.
        const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
        this.view.zoomAt(x, y, Math.exp(-delta * 0.0016));
        this.autoFit = false;
        this.redraw();
      },
      { passive: false },
    );
    canvas.addEventListener("pointerdown", (event) => {
      if (event.button !== 0) return;
      canvas.setPointerCapture(event.pointerId);
      const [x, y] = this.local(event);
      const lasso = event.shiftKey && this.nodeAt(x, y) < 0;
      this.drag = { x, y, moved: false, lasso };
      if (lasso) this.update({ lasso: [x, y] });
    });
    canvas.addEventListener("pointermove", (event) => {
      const [x, y] = this.local(event);
      const drag = this.drag;
      if (drag === null) {
        const node = this.nodeAt(x, y);
        canvas.style.cursor = node >= 0 ? "pointer" : "grab";
        if (node !== this.frame.hovered) this.update({ hovered: node });
        this.events.hover(node, event.pageX, event.pageY);
        return;
      }
      if (!drag.moved && Math.hypot(x - drag.x, y - drag.y) < 4) return;
      drag.moved = true;
      if (drag.lasso) {
        this.update({ lasso: [...(this.frame.lasso ?? []), x, y] });
        return;
      }
      canvas.style.cursor = "grabbing";
      this.view.x += x - drag.x;
      this.view.y += y - drag.y;
      drag.x = x;
      drag.y = y;
      this.autoFit = false;
      if (this.frame.hovered !== -1) this.update({ hovered: -1 });
      this.events.hover(-1, 0, 0);
      this.redraw();
    });
    canvas.addEventListener("pointerup", (event) => {
      const drag = this.drag;
      this.drag = null;
      if (drag === null) return;
      const [x, y] = this.local(event);
      if (drag.lasso && drag.moved) {
        const polygon = this.frame.lasso ?? [];
        const inside: number[] = [];
        const { positions } = this.frame;
        for (let i = 0; i < this.frame.radii.length; i++) {
          const [px, py] = this.view.toScreen(positions[2 * i]!, positions[2 * i + 1]!);
          if (pointInPolygon(px, py, polygon)) inside.push(i);
        }
        this.update({ lasso: null });
        this.events.lasso(inside);
        return;
      }
      if (drag.lasso) this.update({ lasso: null });
      if (!drag.moved) this.events.click(this.nodeAt(x, y), event.shiftKey);
      canvas.style.cursor = "grab";
    });
    canvas.addEventListener("pointerleave", () => {
      if (this.drag !== null) return;
      if (this.frame.hovered !== -1) this.update({ hovered: -1 });
      this.events.hover(-1, 0, 0);
    });
    canvas.addEventListener("dblclick", () => {
      this.autoFit = true;
      this.fit();
    });
  }
}
