import { describe } from "../metric/validate.js";
import { dbscanLabels, requireDbscanOptions } from "./dbscan.js";
import type { MapperPoints } from "./mapper-points.js";
import { requireRelativeGap, singleLinkageGapLabels } from "./single-linkage-gap.js";

/** A clustering named with its options (what `mapper`'s `cluster` option takes). */
export type ClusterSpec =
  | {
      readonly kind: "dbscan";
      /** Radius, > 0; default 0.5. */
      readonly eps?: number;
      /** Core point threshold (itself included); default 5. */
      readonly minSamples?: number;
    }
  | {
      readonly kind: "single-linkage";
      /** First-gap threshold as a fraction of the largest merge distance; default 0.3. */
      readonly relativeGap?: number;
    }
  | {
      readonly kind: "given";
      /** A cluster label per point (integers; negative = noise). Within each cover element, points of one label form one node. */
      readonly labels: ArrayLike<number>;
    };

/** The clustering's parameters as written to JSON `meta.cluster`. */
export type ClusterParameters =
  | { readonly kind: "dbscan"; readonly eps: number; readonly minSamples: number }
  | { readonly kind: "single-linkage"; readonly relativeGap: number }
  | { readonly kind: "given" };

/** A checked clustering: its parameters and a function clustering one cover element (internal). */
export interface ElementClusterer {
  readonly parameters: ClusterParameters;
  /** Labels of the points `members` (-1: noise). */
  readonly cluster: (members: Int32Array) => Int32Array;
}

/** Checks a cluster spec and returns its clusterer (internal). */
export function clustererFromSpec(
  caller: string,
  points: MapperPoints,
  spec: ClusterSpec,
): ElementClusterer {
  if (typeof spec !== "object" || spec === null) {
    throw new TypeError(
      `${caller}: options.cluster must be a spec { kind, ... }; got ${describe(spec)}`,
    );
  }
  const { coordinates, dimension } = points;
  switch (spec.kind) {
    case "dbscan": {
      const { eps, minSamples } = requireDbscanOptions(`${caller}: options.cluster`, spec);
      return {
        parameters: { kind: "dbscan", eps, minSamples },
        cluster: (members) => dbscanLabels(coordinates, dimension, members, eps, minSamples),
      };
    }
    case "single-linkage": {
      const relativeGap = requireRelativeGap(`${caller}: options.cluster`, spec.relativeGap);
      return {
        parameters: { kind: "single-linkage", relativeGap },
        cluster: (members) => singleLinkageGapLabels(coordinates, dimension, members, relativeGap),
      };
    }
    case "given": {
      const labels = spec.labels;
      if (typeof labels !== "object" || labels === null || typeof labels.length !== "number") {
        throw new TypeError(
          `${caller}: options.cluster.labels must be an array of integers; got ${describe(labels)}`,
        );
      }
      if (labels.length !== points.count) {
        throw new RangeError(
          `${caller}: options.cluster.labels has ${labels.length} labels for ${points.count} points`,
        );
      }
      for (let i = 0; i < labels.length; i++) {
        if (!Number.isSafeInteger(labels[i])) {
          throw new RangeError(
            `${caller}: options.cluster.labels[${i}] is ${describe(labels[i])}; expected an integer`,
          );
        }
      }
      return {
        parameters: { kind: "given" },
        cluster: (members) => {
          // Renumber the labels present, in order of first appearance.
          const out = new Int32Array(members.length);
          const numbers = new Map<number, number>();
          for (let k = 0; k < members.length; k++) {
            const label = labels[members[k]!]!;
            if (label < 0) {
              out[k] = -1;
              continue;
            }
            let number = numbers.get(label);
            if (number === undefined) {
              number = numbers.size;
              numbers.set(label, number);
            }
            out[k] = number;
          }
          return out;
        },
      };
    }
    default:
      throw new RangeError(
        `${caller}: options.cluster.kind ${describe((spec as { kind: unknown }).kind)} is not known; expected dbscan, single-linkage or given`,
      );
  }
}
