import type { Cocycle, DiagramOfDimension, PersistenceDiagram } from "../types.js";

/**
 * Reads a persistence diagram from the JSON data {@link diagramToJSON} writes
 * (after `JSON.parse`): `{"diagrams":[{"dim":0,"pairs":[[b,d|null],...],
 * "cocycles"?:[[[v_k,...,v_0,c],...],...]},...]}`. `diagrams[k].dim` must be
 * k; births are finite numbers, deaths are numbers not below the birth or
 * `null` for an essential class (read as `Infinity`); cocycle rows hold
 * `dim + 1` strictly decreasing vertex indices and a positive integer
 * coefficient, one cocycle per pair.
 *
 * @param value - Parsed JSON (`unknown`: everything is checked).
 * @returns A new persistence diagram.
 * @throws TypeError when a part has the wrong kind (names the path, e.g.
 *   `diagrams[1].pairs[3][0]`, what it got and what was expected).
 * @throws RangeError when a value is out of range (a death before its birth,
 *   a non-finite birth, a wrong `dim`, a negative vertex index).
 * @example
 * ```ts
 * const diagram = diagramFromJSON(JSON.parse('{"diagrams":[{"dim":0,"pairs":[[0,1],[0,null]]}]}'));
 * diagram.dimensions[0].deaths; // Float64Array [1, Infinity]
 * ```
 */
export function diagramFromJSON(value: unknown): PersistenceDiagram {
  if (!isPlainObject(value)) {
    throw new TypeError(
      `diagramFromJSON: expected an object {"diagrams":[...]}, got ${kind(value)}`,
    );
  }
  const list = value.diagrams;
  if (!Array.isArray(list)) {
    throw new TypeError(`diagramFromJSON: expected "diagrams" to be an array, got ${kind(list)}`);
  }
  const dimensions: DiagramOfDimension[] = [];
  for (let index = 0; index < list.length; index += 1) {
    dimensions.push(readDimension(list[index], index));
  }
  return { dimensions };
}

function readDimension(entry: unknown, index: number): DiagramOfDimension {
  const at = `diagrams[${index}]`;
  if (!isPlainObject(entry)) {
    throw new TypeError(`diagramFromJSON: expected ${at} to be an object, got ${kind(entry)}`);
  }
  const { dim, pairs, cocycles } = entry;
  if (typeof dim !== "number") {
    throw new TypeError(`diagramFromJSON: expected ${at}.dim to be a number, got ${kind(dim)}`);
  }
  if (dim !== index) {
    throw new RangeError(
      `diagramFromJSON: expected ${at}.dim to be ${index} (dimensions in order from 0), got ${dim}`,
    );
  }
  if (!Array.isArray(pairs)) {
    throw new TypeError(`diagramFromJSON: expected ${at}.pairs to be an array, got ${kind(pairs)}`);
  }
  const births = new Float64Array(pairs.length);
  const deaths = new Float64Array(pairs.length);
  for (let k = 0; k < pairs.length; k += 1) {
    const pair: unknown = pairs[k];
    const where = `${at}.pairs[${k}]`;
    if (!Array.isArray(pair) || pair.length !== 2) {
      throw new TypeError(
        `diagramFromJSON: expected ${where} to be [birth, death], got ${kind(pair)}`,
      );
    }
    const [birth, death] = pair as unknown[];
    if (typeof birth !== "number") {
      throw new TypeError(
        `diagramFromJSON: expected ${where}[0] (birth) to be a number, got ${kind(birth)}`,
      );
    }
    if (!Number.isFinite(birth)) {
      throw new RangeError(
        `diagramFromJSON: expected ${where}[0] (birth) to be finite, got ${birth}`,
      );
    }
    if (death !== null && typeof death !== "number") {
      throw new TypeError(
        `diagramFromJSON: expected ${where}[1] (death) to be a number or null, got ${kind(death)}`,
      );
    }
    const d = death === null ? Number.POSITIVE_INFINITY : death;
    if (Number.isNaN(d) || d < birth) {
      throw new RangeError(
        `diagramFromJSON: expected ${where}[1] (death) to be at least the birth ${birth}, got ${d}`,
      );
    }
    births[k] = birth;
    deaths[k] = d;
  }
  if (cocycles === undefined) return { dim, births, deaths };
  return { dim, births, deaths, cocycles: readCocycles(cocycles, at, dim, pairs.length) };
}

function readCocycles(value: unknown, at: string, dim: number, count: number): Cocycle[] {
  if (!Array.isArray(value)) {
    throw new TypeError(
      `diagramFromJSON: expected ${at}.cocycles to be an array, got ${kind(value)}`,
    );
  }
  if (value.length !== count) {
    throw new RangeError(
      `diagramFromJSON: expected ${at}.cocycles to hold one cocycle per pair (${count}), got ${value.length}`,
    );
  }
  const width = dim + 1;
  return value.map((rows: unknown, k: number): Cocycle => {
    const where = `${at}.cocycles[${k}]`;
    if (!Array.isArray(rows)) {
      throw new TypeError(
        `diagramFromJSON: expected ${where} to be an array of rows, got ${kind(rows)}`,
      );
    }
    const simplices = new Int32Array(rows.length * width);
    const coefficients = new Int32Array(rows.length);
    for (let s = 0; s < rows.length; s += 1) {
      const row: unknown = rows[s];
      const rowAt = `${where}[${s}]`;
      if (!Array.isArray(row) || row.length !== width + 1) {
        throw new TypeError(
          `diagramFromJSON: expected ${rowAt} to be [${width} vertices, coefficient], got ${kind(row)}`,
        );
      }
      for (let v = 0; v <= width; v += 1) {
        const x: unknown = row[v];
        const what = v < width ? "vertex index" : "coefficient";
        if (typeof x !== "number") {
          throw new TypeError(
            `diagramFromJSON: expected ${rowAt}[${v}] (${what}) to be a number, got ${kind(x)}`,
          );
        }
        const min = v < width ? 0 : 1;
        if (!Number.isInteger(x) || x < min || x > 0x7fffffff) {
          throw new RangeError(
            `diagramFromJSON: expected ${rowAt}[${v}] (${what}) to be an integer in [${min}, 2147483647], got ${x}`,
          );
        }
        if (v > 0 && v < width && x >= (row[v - 1] as number)) {
          throw new RangeError(
            `diagramFromJSON: expected the vertices of ${rowAt} in decreasing order, got ${JSON.stringify(row.slice(0, width))}`,
          );
        }
      }
      for (let v = 0; v < width; v += 1) simplices[s * width + v] = row[v] as number;
      coefficients[s] = row[width] as number;
    }
    return { simplices, coefficients };
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  if (typeof value === "string") return `the string ${JSON.stringify(value.slice(0, 40))}`;
  if (typeof value === "number") return `the number ${value}`;
  return `a value of type ${typeof value}`;
}
