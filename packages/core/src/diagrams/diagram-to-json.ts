import type { PersistenceDiagram, Precision } from "../types.js";

/**
 * One simplex row of a cocycle in JSON: its vertices in decreasing order
 * (`v_k, ..., v_0`), then its coefficient in Z/p.
 */
export type CocycleRowJSON = number[];

/** The pairs of one homological dimension in JSON. */
export interface DiagramOfDimensionJSON {
  /** The homological dimension. */
  dim: number;
  /** `[birth, death]` per pair; an essential class has `death === null`. */
  pairs: [number, number | null][];
  /** One cocycle per pair (aligned with `pairs`), each a list of rows; present only when computed. */
  cocycles?: CocycleRowJSON[][];
}

/** The JSON form of a persistence diagram (nettopo's `--format json`). */
export interface PersistenceDiagramJSON {
  diagrams: DiagramOfDimensionJSON[];
}

/** Options of {@link diagramToJSON}. */
export interface DiagramToJSONOptions {
  /**
   * The precision the diagram was computed in; default `"float64"`: every
   * value is written exactly (JavaScript's shortest round-trip form). With
   * `"float32"`, a value that is a float32 number is written with the fewest
   * digits that read back to the same float32 (`0.1` rather than
   * `0.10000000149011612`), as a float32 program would print it.
   */
  readonly precision?: Precision;
}

/**
 * Converts a persistence diagram to plain JSON data:
 * `{"diagrams":[{"dim":0,"pairs":[[b,d],...,[b,null]]},...]}`, infinite
 * deaths written as `null` (JSON has no infinity). When a dimension carries
 * cocycles they come as `"cocycles"`: one array per pair, holding one row
 * `[v_k, ..., v_0, coefficient]` per simplex. Every pair is kept, zero-length
 * ones included. The input is not modified.
 *
 * @param diagram - The diagram to convert.
 * @param options - `precision` (default `"float64"`): see {@link DiagramToJSONOptions}.
 * @returns Data for `JSON.stringify`; {@link diagramFromJSON} reads it back.
 * @throws TypeError when a dimension's births, deaths and cocycles differ in length.
 * @example
 * ```ts
 * JSON.stringify(diagramToJSON({
 *   dimensions: [{ dim: 0, births: Float64Array.of(0, 0), deaths: Float64Array.of(1, Infinity) }],
 * }));
 * // '{"diagrams":[{"dim":0,"pairs":[[0,1],[0,null]]}]}'
 * ```
 */
export function diagramToJSON(
  diagram: PersistenceDiagram,
  options: DiagramToJSONOptions = {},
): PersistenceDiagramJSON {
  const precision = options.precision ?? "float64";
  if (precision !== "float32" && precision !== "float64") {
    throw new RangeError(
      `diagramToJSON: precision must be "float32" or "float64"; got ${JSON.stringify(String(precision))}`,
    );
  }
  const write = precision === "float32" ? shortestFloat32 : (x: number) => x;
  const diagrams: DiagramOfDimensionJSON[] = [];
  for (const [index, entry] of diagram.dimensions.entries()) {
    const { dim, births, deaths, cocycles } = entry;
    if (births.length !== deaths.length) {
      throw new TypeError(
        `diagramToJSON: dimensions[${index}] has ${births.length} births but ${deaths.length} deaths`,
      );
    }
    const pairs: [number, number | null][] = new Array(births.length);
    for (let k = 0; k < births.length; k += 1) {
      const death = deaths[k]!;
      pairs[k] = [write(births[k]!), death === Number.POSITIVE_INFINITY ? null : write(death)];
    }
    const out: DiagramOfDimensionJSON = { dim, pairs };
    if (cocycles !== undefined) {
      if (cocycles.length !== births.length) {
        throw new TypeError(
          `diagramToJSON: dimensions[${index}] has ${births.length} pairs but ${cocycles.length} cocycles`,
        );
      }
      const width = dim + 1;
      out.cocycles = cocycles.map((cocycle, k) => {
        const { simplices, coefficients } = cocycle;
        if (simplices.length !== coefficients.length * width) {
          throw new TypeError(
            `diagramToJSON: dimensions[${index}].cocycles[${k}] has ${simplices.length} vertex indices for ${coefficients.length} simplices of dimension ${dim} (expected ${coefficients.length * width})`,
          );
        }
        const rows: CocycleRowJSON[] = new Array(coefficients.length);
        for (let s = 0; s < coefficients.length; s += 1) {
          const row = Array.from(simplices.subarray(s * width, (s + 1) * width));
          row.push(coefficients[s]!);
          rows[s] = row;
        }
        return rows;
      });
    }
    diagrams.push(out);
  }
  return { diagrams };
}

/**
 * The number with the fewest significant digits that rounds to the same
 * float32 as `x`, when `x` is a float32 value; `x` itself otherwise.
 */
function shortestFloat32(x: number): number {
  if (!Number.isFinite(x) || Math.fround(x) !== x || x === 0) return x;
  for (let digits = 1; digits < 9; digits += 1) {
    const candidate = Number(x.toPrecision(digits));
    if (Math.fround(candidate) === x) return candidate;
  }
  return Number(x.toPrecision(9));
}
