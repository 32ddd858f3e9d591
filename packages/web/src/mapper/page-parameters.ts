import type { ClusterSpec, CoverSpec } from "@nettopo/core";

/**
 * The lenses the explorer page can compute: `pca` is the first principal
 * component, `pca2` the first two (a 2-d cover: intervals x intervals).
 * UMAP is left to the CLI (slow in a page).
 */
export const PAGE_LENSES = ["l2", "pca", "pca2", "eccentricity", "density", "dtm"] as const;
export type PageLens = (typeof PAGE_LENSES)[number];

/** Mapper's parameters as the page's form holds them (text of the inputs). */
export interface ParameterFields {
  readonly lens: string;
  readonly intervals: string;
  readonly overlap: string;
  readonly eps: string;
  readonly minSamples: string;
}

/** Parameters to compute with, or the sentence saying what is wrong. */
export type PageParameters =
  | {
      readonly ok: true;
      readonly lens: PageLens;
      readonly cover: CoverSpec;
      readonly cluster: ClusterSpec;
    }
  | { readonly ok: false; readonly problem: string };

/**
 * Reads the page's parameter form: a known lens, a whole number of
 * intervals >= 1, an overlap in [0, 1), eps > 0 and a whole min samples
 * >= 1 (the checks core makes, said in the page's words before a worker
 * is asked).
 * @example
 * ```ts
 * pageParameters({ lens: "l2", intervals: "10", overlap: "0.3", eps: "0.5", minSamples: "5" }).ok; // true
 * ```
 */
export function pageParameters(fields: ParameterFields): PageParameters {
  const number = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));
  const intervals = number(fields.intervals);
  const overlap = number(fields.overlap);
  const eps = number(fields.eps);
  const minSamples = number(fields.minSamples);
  const problem = !(PAGE_LENSES as readonly string[]).includes(fields.lens)
    ? `The lens ${JSON.stringify(fields.lens)} is not one the page computes.`
    : !Number.isInteger(intervals) || intervals < 1
      ? "Intervals must be a whole number ≥ 1."
      : !(overlap >= 0 && overlap < 1)
        ? "Overlap must be in [0, 1)."
        : !(eps > 0)
          ? "eps must be > 0."
          : !Number.isInteger(minSamples) || minSamples < 1
            ? "Min samples must be a whole number ≥ 1."
            : null;
  if (problem !== null) return { ok: false, problem };
  return {
    ok: true,
    lens: fields.lens as PageLens,
    cover: { kind: "uniform", intervals, overlap },
    cluster: { kind: "dbscan", eps, minSamples },
  };
}
