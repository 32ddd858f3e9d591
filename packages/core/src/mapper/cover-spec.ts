import { describe } from "../metric/validate.js";
import { balancedCover } from "./balanced-cover.js";
import type { IntervalCoverOptions } from "./cover-options.js";
import { givenCover } from "./given-cover.js";
import type { MapperCover } from "./mapper-cover.js";
import type { MapperLens } from "./mapper-lens.js";
import { uniformCover } from "./uniform-cover.js";

/** A cover named with its options (what `mapper`'s `cover` option takes). */
export type CoverSpec =
  | ({ readonly kind: "uniform" } & IntervalCoverOptions)
  | ({ readonly kind: "balanced" } & IntervalCoverOptions)
  | { readonly kind: "given"; readonly elements: readonly ArrayLike<number>[] };

/**
 * Builds the cover a spec names over a lens.
 *
 * @param lens - The lens values.
 * @param spec - The cover; see {@link CoverSpec}.
 * @returns The cover.
 * @throws RangeError for an unknown kind or bad options (see {@link uniformCover}, {@link balancedCover}, {@link givenCover}).
 * @example
 * ```ts
 * coverFromSpec(givenLens([0, 1, 2]), { kind: "uniform", intervals: 2, overlap: 0.5 }).elements.length; // 2
 * ```
 */
export function coverFromSpec(lens: MapperLens, spec: CoverSpec): MapperCover {
  if (typeof spec !== "object" || spec === null) {
    throw new TypeError(
      `mapper: options.cover must be a cover spec { kind, ... }; got ${describe(spec)}`,
    );
  }
  switch (spec.kind) {
    case "uniform":
      return uniformCover(lens, spec);
    case "balanced":
      return balancedCover(lens, spec);
    case "given":
      return givenCover(spec.elements, lens.count);
    default:
      throw new RangeError(
        `mapper: options.cover.kind ${describe((spec as { kind: unknown }).kind)} is not known; expected uniform, balanced or given`,
      );
  }
}
