import type { ClusterSpec, CoverSpec } from "@nettopo/core";

/**
 * The lenses the explorer page can compute: `pca` is the first principal
 * component, `pca2` the first two (a 2-d cover: intervals x intervals).
 * UMAP is left to the CLI (slow in a page).
 */
export const PAGE_LENSES = ["l2", "pca", "pca2", "eccentricity", "density", "dtm"] as const;
export type PageLens = (typeof PAGE_LENSES)[number];

/** The covers the page offers (core's interval covers; a given cover needs the CLI). */
export const PAGE_COVERS = ["uniform", "balanced"] as const;
export type PageCover = (typeof PAGE_COVERS)[number];

/** The clusterings the page offers (given labels need the CLI). */
export const PAGE_CLUSTERS = ["dbscan", "single-linkage"] as const;
export type PageCluster = (typeof PAGE_CLUSTERS)[number];

/** Mapper's parameters as the page's form holds them (text of the inputs). */
export interface ParameterFields {
  readonly lens: string;
  readonly cover: string;
  readonly intervals: string;
  readonly overlap: string;
  readonly cluster: string;
  readonly eps: string;
  readonly minSamples: string;
  readonly relativeGap: string;
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

const isOneOf = <T extends string>(names: readonly T[], value: string): value is T =>
  (names as readonly string[]).includes(value);

/** The number a field holds; NaN for an empty field (Number("") would be 0). */
const fieldNumber = (text: string) => (text.trim() === "" ? Number.NaN : Number(text));

/**
 * Reads the page's parameter form: a known lens and cover, a whole number
 * of intervals >= 1, an overlap in [0, 1), and the chosen clustering's own
 * fields: for DBSCAN eps > 0 and a whole min samples >= 1, for single
 * linkage a relative gap in (0, 1] (the checks core makes, said in the
 * page's words before a worker is asked). The other clustering's fields are
 * not read: they are hidden, so a stale value there must not block a run.
 * @example
 * ```ts
 * pageParameters({
 *   lens: "l2", cover: "uniform", intervals: "10", overlap: "0.3",
 *   cluster: "dbscan", eps: "0.5", minSamples: "5", relativeGap: "0.3",
 * }).ok; // true
 * ```
 */
export function pageParameters(fields: ParameterFields): PageParameters {
  const intervals = fieldNumber(fields.intervals);
  const overlap = fieldNumber(fields.overlap);
  const problem = !isOneOf(PAGE_LENSES, fields.lens)
    ? `The lens ${JSON.stringify(fields.lens)} is not one the page computes.`
    : !isOneOf(PAGE_COVERS, fields.cover)
      ? `The cover ${JSON.stringify(fields.cover)} is not one the page computes; expected uniform or balanced.`
      : !Number.isInteger(intervals) || intervals < 1
        ? "Intervals must be a whole number ≥ 1."
        : !(overlap >= 0 && overlap < 1)
          ? "Overlap must be in [0, 1)."
          : null;
  if (problem !== null) return { ok: false, problem };
  const cluster = clusterParameters(fields);
  if (typeof cluster === "string") return { ok: false, problem: cluster };
  return {
    ok: true,
    lens: fields.lens as PageLens,
    cover: { kind: fields.cover as PageCover, intervals, overlap },
    cluster,
  };
}

/** The clustering the fields name, or the sentence saying what is wrong. */
function clusterParameters(fields: ParameterFields): ClusterSpec | string {
  if (fields.cluster === "dbscan") {
    const eps = fieldNumber(fields.eps);
    const minSamples = fieldNumber(fields.minSamples);
    if (!(eps > 0)) return "eps must be > 0.";
    if (!Number.isInteger(minSamples) || minSamples < 1) {
      return "Min samples must be a whole number ≥ 1.";
    }
    return { kind: "dbscan", eps, minSamples };
  }
  if (fields.cluster === "single-linkage") {
    const relativeGap = fieldNumber(fields.relativeGap);
    if (!(relativeGap > 0 && relativeGap <= 1)) return "The relative gap must be in (0, 1].";
    return { kind: "single-linkage", relativeGap };
  }
  return `The clustering ${JSON.stringify(fields.cluster)} is not one the page computes; expected dbscan or single-linkage.`;
}
