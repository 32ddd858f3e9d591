import { describe, requireArrayLike } from "../metric/validate.js";
import type { CoverElement, MapperCover } from "./mapper-cover.js";

/**
 * A cover given by the user as lists of point indices (e.g. from another
 * tool). Each element must hold at least one point: an empty element is a
 * RangeError (it would silently make no node). Indices are sorted and
 * deduplicated; the input is not modified.
 *
 * @param elements - The elements, each an array or typed array of point indices in [0, count).
 * @param count - The number of points.
 * @returns The cover, kind `"given"`, elements in the given order with index `[e]`.
 * @throws RangeError for an empty element or an index out of range.
 * @example
 * ```ts
 * givenCover([[0, 1], [1, 2]], 3).elements.length; // 2
 * ```
 */
export function givenCover(elements: readonly ArrayLike<number>[], count: number): MapperCover {
  if (!Array.isArray(elements)) {
    throw new TypeError(
      `givenCover: elements must be an array of index lists; got ${describe(elements)}`,
    );
  }
  if (!Number.isSafeInteger(count) || count < 0) {
    throw new RangeError(`givenCover: count must be an integer >= 0; got ${describe(count)}`);
  }
  const out: CoverElement[] = [];
  for (let e = 0; e < elements.length; e++) {
    const list = requireArrayLike(`givenCover: elements[${e}]`, elements[e]);
    if (list.length === 0) {
      throw new RangeError(
        `givenCover: elements[${e}] is empty; every cover element must hold a point`,
      );
    }
    const members = new Int32Array(list.length);
    for (let k = 0; k < list.length; k++) {
      const index = list[k]!;
      if (!Number.isSafeInteger(index) || index < 0 || index >= count) {
        throw new RangeError(
          `givenCover: elements[${e}][${k}] is ${describe(index)}; point indices must be integers in [0, ${count})`,
        );
      }
      members[k] = index;
    }
    members.sort();
    let unique = 0;
    for (let k = 0; k < members.length; k++) {
      if (k === 0 || members[k] !== members[k - 1]) members[unique++] = members[k]!;
    }
    out.push({ index: Int32Array.of(e), members: members.slice(0, unique) });
  }
  return {
    kind: "given",
    count,
    intervals: [elements.length],
    overlap: Number.NaN,
    lower: [],
    upper: [],
    elements: out,
    emptyElements: 0,
  };
}
