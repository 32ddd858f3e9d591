import type { DiagramOfDimension, PersistenceDiagram } from "../types.js";

const HEADER = /^persistence intervals in dim (\d+):\s*$/;
// " [b,d)" or " [b, )", optionally followed by Ripser's cocycle (": {...}").
const BAR = /^\s*\[\s*([^,\]\s]+)\s*,\s*([^)\s]*)\s*\)\s*(?::.*)?$/;

/**
 * Reads the barcode lines of Ripser's standard output (as
 * {@link formatRipserBarcodes} writes them) into a persistence diagram: a
 * `persistence intervals in dim k:` header starts dimension k, then each
 * ` [b,d)` line is a pair and ` [b, )` an essential class. Other lines
 * (Ripser's `value range:` and `distance matrix with ...` preamble) are
 * skipped, and so are the representative cocycles Ripser prints after a bar.
 * Dimensions missing between headers become empty dimensions, so that
 * `dimensions[k].dim === k`.
 *
 * @param text - Ripser's output.
 * @returns A new persistence diagram.
 * @throws RangeError naming the line of a malformed bar, a bar before any
 *   header, a value that is not a number, a death before its birth, or dims
 *   out of order.
 * @example
 * ```ts
 * diagramFromRipserText("persistence intervals in dim 0:\n [0,1)\n [0, )\n")
 *   .dimensions[0].deaths; // Float64Array [1, Infinity]
 * ```
 */
export function diagramFromRipserText(text: string): PersistenceDiagram {
  if (typeof text !== "string") {
    throw new TypeError(`diagramFromRipserText: expected a string, got ${typeof text}`);
  }
  const dimensions: { dim: number; births: number[]; deaths: number[] }[] = [];
  const lines = text.split(/\r?\n/);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index];
    const where = `line ${index + 1}`;
    const header = HEADER.exec(line);
    if (header !== null) {
      const dim = Number(header[1]);
      if (dim < dimensions.length) {
        throw new RangeError(
          `diagramFromRipserText: ${where} starts dim ${dim} after dim ${dimensions.length - 1}; expected dims in increasing order`,
        );
      }
      while (dimensions.length <= dim) {
        dimensions.push({ dim: dimensions.length, births: [], deaths: [] });
      }
      continue;
    }
    if (!line.trimStart().startsWith("[")) continue;
    const bar = BAR.exec(line);
    if (bar === null) {
      throw new RangeError(
        `diagramFromRipserText: ${where} ${JSON.stringify(line.slice(0, 60))} is not a bar "[birth,death)"`,
      );
    }
    const current = dimensions.at(-1);
    if (current === undefined) {
      throw new RangeError(
        `diagramFromRipserText: ${where} holds a bar before any "persistence intervals in dim k:" header`,
      );
    }
    const birth = parseValue(bar[1], where);
    const death = bar[2] === "" ? Number.POSITIVE_INFINITY : parseValue(bar[2], where);
    if (!Number.isFinite(birth)) {
      throw new RangeError(
        `diagramFromRipserText: ${where} has birth ${birth}; expected a finite number`,
      );
    }
    if (death < birth) {
      throw new RangeError(
        `diagramFromRipserText: ${where} dies at ${death} before its birth ${birth}`,
      );
    }
    current.births.push(birth);
    current.deaths.push(death);
  }
  return {
    dimensions: dimensions.map(
      (d): DiagramOfDimension => ({
        dim: d.dim,
        births: Float64Array.from(d.births),
        deaths: Float64Array.from(d.deaths),
      }),
    ),
  };
}

function parseValue(token: string, where: string): number {
  const value = token === "inf" ? Number.POSITIVE_INFINITY : Number(token);
  if (token === "" || Number.isNaN(value)) {
    throw new RangeError(
      `diagramFromRipserText: ${where} has ${JSON.stringify(token)}; expected a number`,
    );
  }
  return value;
}
