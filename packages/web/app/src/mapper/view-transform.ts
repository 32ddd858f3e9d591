/**
 * The map from layout units to canvas pixels: screen = k * world + (x, y).
 * Zooming keeps the point under the cursor in place.
 */
export class ViewTransform {
  x = 0;
  y = 0;
  k = 1;

  toScreen(wx: number, wy: number): [number, number] {
    return [this.k * wx + this.x, this.k * wy + this.y];
  }

  toWorld(sx: number, sy: number): [number, number] {
    return [(sx - this.x) / this.k, (sy - this.y) / this.k];
  }

  /** Zooms by `factor` around the screen point (sx, sy), within [0.02, 40]. */
  zoomAt(sx: number, sy: number, factor: number): void {
    const k = Math.min(40, Math.max(0.02, this.k * factor));
    const [wx, wy] = this.toWorld(sx, sy);
    this.k = k;
    this.x = sx - k * wx;
    this.y = sy - k * wy;
  }

  /** Frames the box [minX, maxX] x [minY, maxY] in a `width` x `height` canvas with a margin. */
  fit(
    box: { minX: number; minY: number; maxX: number; maxY: number },
    width: number,
    height: number,
    margin = 36,
  ): void {
    const w = Math.max(box.maxX - box.minX, 1);
    const h = Math.max(box.maxY - box.minY, 1);
    this.k = Math.min(
      2,
      Math.max(0.02, Math.min((width - 2 * margin) / w, (height - 2 * margin) / h)),
    );
    this.x = width / 2 - (this.k * (box.minX + box.maxX)) / 2;
    this.y = height / 2 - (this.k * (box.minY + box.maxY)) / 2;
  }
}
