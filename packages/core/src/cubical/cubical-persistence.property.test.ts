import assert from "node:assert/strict";
import { describe, it } from "node:test";
import fc from "fast-check";
import type { PersistenceDiagram } from "../types.js";
import { type CubicalConstruction, cubicalPersistence } from "./cubical-persistence.js";

const runs = { seed: 20240917, numRuns: 150 };

interface Field {
  readonly shape: number[];
  readonly values: number[];
  readonly construction: CubicalConstruction;
}

/** Small 1-, 2- or 3-D grids; integer values (many ties) or doubles. */
const fieldArb: fc.Arbitrary<Field> = fc
  .tuple(
    fc.integer({ min: 1, max: 3 }).chain((axes) =>
      fc.array(fc.integer({ min: 1, max: axes === 3 ? 5 : 7 }), {
        minLength: axes,
        maxLength: axes,
      }),
    ),
    fc.boolean(),
    fc.constantFrom<CubicalConstruction>("top", "vertex"),
  )
  .chain(([shape, ties, construction]) => {
    const size = shape.reduce((a, b) => a * b, 1);
    const value = ties
      ? fc.integer({ min: 0, max: 4 })
      : fc.double({ min: -10, max: 10, noNaN: true, noDefaultInfinity: true });
    return fc.record({
      shape: fc.constant(shape),
      values: fc.array(value, { minLength: size, maxLength: size }),
      construction: fc.constant(construction),
    });
  });

function coordsOf(index: number, shape: readonly number[]): number[] {
  const c = new Array<number>(shape.length);
  for (let k = shape.length - 1; k >= 0; k--) {
    c[k] = index % shape[k]!;
    index = Math.floor(index / shape[k]!);
  }
  return c;
}

function indexOf(c: readonly number[], shape: readonly number[]): number {
  let index = 0;
  for (let k = 0; k < shape.length; k++) index = index * shape[k]! + c[k]!;
  return index;
}

/** The grid with axes permuted (new axis k is old axis perm[k]) and flipped. */
function reorient(field: Field, perm: readonly number[], flips: readonly boolean[]): Field {
  const shape = perm.map((p) => field.shape[p]!);
  const values = field.values.map((_, i) => {
    const c = coordsOf(i, shape);
    const old = new Array<number>(shape.length);
    for (let k = 0; k < shape.length; k++) old[perm[k]!] = flips[k] ? shape[k]! - 1 - c[k]! : c[k]!;
    return field.values[indexOf(old, field.shape)]!;
  });
  return { shape, values, construction: field.construction };
}

function persistence(field: Field): PersistenceDiagram {
  return cubicalPersistence(field.values, field.shape, { construction: field.construction });
}

/** Per dimension, the bars as "birth death" strings, sorted. */
function barStrings(diagram: PersistenceDiagram): string[][] {
  return diagram.dimensions.map((d) =>
    Array.from(d.births, (b, k) => `${b} ${d.deaths[k]}`).sort(),
  );
}

/** Offsets to the neighbours of a sample: along axes (vertex) or all around (top). */
function neighbourOffsets(axes: number, construction: CubicalConstruction): number[][] {
  const out: number[][] = [];
  for (let code = 0; code < 3 ** axes; code++) {
    const off = coordsOf(code, new Array(axes).fill(3)).map((x) => x - 1);
    const moved = off.filter((x) => x !== 0).length;
    if (moved === 0 || (construction === "vertex" && moved > 1)) continue;
    out.push(off);
  }
  return out;
}

/**
 * Minimal plateaus: connected sets of equal samples with no lower neighbour
 * (neighbours along axes for the V-construction, all 3^d - 1 around for the
 * T-construction, where cells sharing a corner touch).
 */
function countBasins(field: Field): number {
  const { shape, values } = field;
  const offsets = neighbourOffsets(shape.length, field.construction);
  const neighbours = (i: number): number[] => {
    const c = coordsOf(i, shape);
    const out: number[] = [];
    for (const off of offsets) {
      const d = c.map((x, k) => x + off[k]!);
      if (d.every((x, k) => x >= 0 && x < shape[k]!)) out.push(indexOf(d, shape));
    }
    return out;
  };
  const seen = new Uint8Array(values.length);
  let basins = 0;
  for (let s = 0; s < values.length; s++) {
    if (seen[s]) continue;
    seen[s] = 1;
    let lowest = true;
    const stack = [s];
    while (stack.length > 0) {
      const i = stack.pop()!;
      for (const j of neighbours(i)) {
        if (values[j]! < values[s]!) lowest = false;
        else if (values[j] === values[s] && !seen[j]) {
          seen[j] = 1;
          stack.push(j);
        }
      }
    }
    if (lowest) basins++;
  }
  return basins;
}

/** Every cell of the complex as [dimension, value], computed from the definition. */
function cells(field: Field): [number, number][] {
  const { shape, values, construction } = field;
  const vertex = construction === "vertex";
  const extents = shape.map((n) => (vertex ? 2 * n - 1 : 2 * n + 1));
  const count = extents.reduce((a, b) => a * b, 1);
  const out: [number, number][] = [];
  for (let cell = 0; cell < count; cell++) {
    const c = coordsOf(cell, extents);
    const dim = c.filter((x) => x % 2 === 1).length;
    // Samples carried by the cell: its vertices (V) or the top cells around it (T).
    let choices: number[][] = [[]];
    for (let k = 0; k < c.length; k++) {
      const x = c[k]!;
      const at = vertex
        ? x % 2 === 1
          ? [(x - 1) / 2, (x + 1) / 2]
          : [x / 2]
        : x % 2 === 1
          ? [(x - 1) / 2]
          : [x / 2 - 1, x / 2].filter((y) => y >= 0 && y < shape[k]!);
      choices = choices.flatMap((prefix) => at.map((y) => [...prefix, y]));
    }
    const samples = choices.map((s) => values[indexOf(s, shape)]!);
    out.push([dim, vertex ? Math.max(...samples) : Math.min(...samples)]);
  }
  return out;
}

describe("cubicalPersistence properties", () => {
  it("cubicalPersistence is unchanged by transposing or flipping the grid", () => {
    fc.assert(
      fc.property(
        fieldArb.chain((field) =>
          fc.record({
            field: fc.constant(field),
            perm: fc.shuffledSubarray(
              field.shape.map((_, k) => k),
              { minLength: field.shape.length, maxLength: field.shape.length },
            ),
            flips: fc.array(fc.boolean(), {
              minLength: field.shape.length,
              maxLength: field.shape.length,
            }),
          }),
        ),
        ({ field, perm, flips }) => {
          assert.deepEqual(
            barStrings(persistence(reorient(field, perm, flips))),
            barStrings(persistence(field)),
          );
        },
      ),
      runs,
    );
  });

  it("cubicalPersistence has one H0 bar per minimal plateau (local-minimum basin)", () => {
    fc.assert(
      fc.property(fieldArb, (field) => {
        assert.equal(persistence(field).dimensions[0]!.births.length, countBasins(field));
      }),
      runs,
    );
  });

  it("cubicalPersistence bars alive at every level sum to the Euler characteristic", () => {
    fc.assert(
      fc.property(fieldArb, (field) => {
        const diagram = cubicalPersistence(field.values, field.shape, {
          construction: field.construction,
          maxDim: field.shape.length,
        });
        const all = cells(field);
        for (const t of new Set(field.values)) {
          let euler = 0;
          for (const [dim, value] of all) if (value <= t) euler += dim % 2 === 0 ? 1 : -1;
          let alive = 0;
          for (const d of diagram.dimensions) {
            for (let k = 0; k < d.births.length; k++) {
              if (d.births[k]! <= t && t < d.deaths[k]!) alive += d.dim % 2 === 0 ? 1 : -1;
            }
          }
          assert.equal(alive, euler, `at level ${t}`);
        }
      }),
      runs,
    );
  });

  it("cubicalPersistence maps bars through a strictly increasing change of values", () => {
    const f = (x: number): number => x * x * x + 2 * x - 1;
    fc.assert(
      fc.property(fieldArb, (field) => {
        const values = field.values.map((x) => Math.round(x * 8) / 8);
        const before = persistence({ ...field, values });
        const after = persistence({ ...field, values: values.map(f) });
        const mapped: PersistenceDiagram = {
          dimensions: before.dimensions.map((d) => ({
            dim: d.dim,
            births: d.births.map(f),
            deaths: d.deaths.map(f),
          })),
        };
        assert.deepEqual(barStrings(after), barStrings(mapped));
      }),
      runs,
    );
  });

  it("cubicalPersistence never returns a zero-length or reversed bar", () => {
    fc.assert(
      fc.property(fieldArb, (field) => {
        for (const d of persistence(field).dimensions) {
          for (let k = 0; k < d.births.length; k++) assert.ok(d.deaths[k]! > d.births[k]!);
        }
      }),
      runs,
    );
  });
});
