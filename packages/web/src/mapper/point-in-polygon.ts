/**
 * Whether the point (x, y) lies inside a polygon given as flat vertex
 * coordinates `[x0, y0, x1, y1, ...]` (closed implicitly), by the even-odd
 * rule: a ray to the right crosses the boundary an odd number of times
 * (W. R. Franklin's PNPOLY crossing test). A lasso of fewer than three
 * vertices contains nothing.
 * @example
 * ```ts
 * pointInPolygon(5, 5, [0, 0, 10, 0, 10, 10, 0, 10]); // true
 * ```
 */
export function pointInPolygon(x: number, y: number, polygon: ArrayLike<number>): boolean {
  const n = Math.floor(polygon.length / 2);
  if (n < 3) return false;
  let inside = false;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = polygon[2 * i]!;
    const yi = polygon[2 * i + 1]!;
    const xj = polygon[2 * j]!;
    const yj = polygon[2 * j + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
