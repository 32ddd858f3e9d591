import type { PersistenceDiagram } from "../types.js";
import { formatG } from "./format-g.js";

/**
 * Writes a persistence diagram as the barcode lines of Ripser 1.2.1's standard
 * output, so the two tools can be diffed: for each dimension k the header
 * `persistence intervals in dim k:`, then ` [b,d)` per pair and ` [b, )` for
 * an essential class (infinite death). Values print as `std::cout` prints
 * them (`%g`, six significant digits; see {@link formatG}). Pairs with
 * `death <= birth` are omitted, as Ripser omits zero-length bars. Pairs keep
 * the order they have in the diagram; every line ends with a newline.
 *
 * @param diagram - The diagram to print; its `dimensions` are printed in order.
 * @param options - `vertexCount`: the number of points of the complex, when
 *   known; Ripser prints no dimension above `vertexCount - 2` (a complex of n
 *   points has no simplex there), so neither does this. Default: print every
 *   dimension of the diagram.
 * @returns The barcode text (empty when the diagram has no dimensions).
 * @throws TypeError when `diagram` is not a persistence diagram.
 * @example
 * ```ts
 * formatRipserBarcodes({
 *   dimensions: [{ dim: 0, births: Float64Array.of(0, 0), deaths: Float64Array.of(1, Infinity) }],
 * });
 * // "persistence intervals in dim 0:\n [0,1)\n [0, )\n"
 * ```
 * @see Ripser 1.2.1, `ripser.cpp`: `compute_dim_0_pairs` and `compute_pairs`.
 */
export function formatRipserBarcodes(
  diagram: PersistenceDiagram,
  options: { readonly vertexCount?: number } = {},
): string {
  if (
    typeof diagram !== "object" ||
    diagram === null ||
    !Array.isArray((diagram as { dimensions?: unknown }).dimensions)
  ) {
    throw new TypeError(
      `formatRipserBarcodes: expected a persistence diagram { dimensions: [...] }, got ${describe(diagram)}`,
    );
  }
  const lines: string[] = [];
  for (const [index, entry] of diagram.dimensions.entries()) {
    const { dim, births, deaths } = entry;
    if (births.length !== deaths.length) {
      throw new TypeError(
        `formatRipserBarcodes: dimensions[${index}] has ${births.length} births but ${deaths.length} deaths`,
      );
    }
    if (dim > 0 && options.vertexCount !== undefined && dim > options.vertexCount - 2) continue;
    lines.push(`persistence intervals in dim ${dim}:`);
    for (let k = 0; k < births.length; k += 1) {
      const birth = births[k]!;
      const death = deaths[k]!;
      if (death === Number.POSITIVE_INFINITY) {
        lines.push(` [${formatG(birth)}, )`);
      } else if (death > birth) {
        lines.push(` [${formatG(birth)},${formatG(death)})`);
      }
    }
  }
  return lines.length === 0 ? "" : `${lines.join("\n")}\n`;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object without a dimensions array" : typeof value;
}
