import {
  condensedFromLower,
  correlationDissimilarity,
  type PersistenceDiagram,
  type Precision,
  type Progress,
  pointCloud,
  type RipsInput,
  ripsPersistence,
  sparseDistances,
} from "@nettopo/core";
import type { ParsedInput } from "../readers/parsed-input.js";

/** The point-cloud metrics of `--metric`. */
export const POINT_METRICS = ["euclidean", "manhattan", "cosine", "chebyshev"] as const;
/** The samples x neurons metrics of `--metric`, with the core's name of each. */
export const CORRELATION_METRICS = {
  correlation: "1-corr",
  "abs-correlation": "1-|corr|",
  "sqrt-abs-correlation": "sqrt(1-|corr|)",
} as const;

/** A name `--metric` accepts. */
export type MetricName = (typeof POINT_METRICS)[number] | keyof typeof CORRELATION_METRICS;

/** The computation settings of `nettopo ph` (its flags other than input and output). */
export interface PhSettings {
  readonly metric: MetricName | undefined;
  readonly maxDim: number;
  readonly threshold: number;
  readonly modulus: number;
  readonly cocycles: boolean;
  readonly precision: Precision;
}

/** Everything `nettopo ph` computes: the settings and the parsed input. */
export interface PhJob extends PhSettings {
  readonly input: ParsedInput;
}

/** What {@link runPhJob} reports back. */
export interface PhJobCallbacks {
  readonly onProgress?: (progress: Progress) => void;
  readonly signal?: { readonly aborted: boolean; readonly reason?: unknown };
}

/**
 * The number of points of the job's complex: the rows of a point cloud, the
 * neurons (columns) of a samples x neurons matrix, the size of a distance
 * matrix. Ripser prints no dimension above this minus 2.
 */
export function vertexCountOf(job: PhJob): number {
  const { input, metric } = job;
  if (input.kind !== "matrix") return input.count;
  return metric !== undefined && metric in CORRELATION_METRICS ? input.columns : input.rows;
}

/**
 * Turns parsed input into the core's Rips input and computes its diagram:
 * only maps the options (the CLI holds no logic of its own).
 *
 * @throws TypeError / RangeError from the core for inputs it refuses.
 */
export function runPhJob(job: PhJob, callbacks: PhJobCallbacks = {}): PersistenceDiagram {
  const longRunning = {
    ...(callbacks.onProgress ? { onProgress: callbacks.onProgress } : {}),
    ...(callbacks.signal ? { signal: callbacks.signal } : {}),
  };
  const { input, metric, precision } = job;
  let rips: RipsInput;
  let pointMetric: (typeof POINT_METRICS)[number] | undefined;
  switch (input.kind) {
    case "matrix":
      if (metric !== undefined && metric in CORRELATION_METRICS) {
        rips = correlationDissimilarity(
          input.values,
          { samples: input.rows, neurons: input.columns },
          {
            dissimilarity: CORRELATION_METRICS[metric as keyof typeof CORRELATION_METRICS],
            precision,
            ...longRunning,
          },
        );
      } else {
        rips = pointCloud(input.values, input.columns);
        pointMetric = (metric as (typeof POINT_METRICS)[number] | undefined) ?? "euclidean";
      }
      break;
    case "distances":
      // The reader has checked the values (finite, >= 0) and stored them in the
      // requested precision: they are the condensed distances as they are,
      // without the copy condensedFromLower would make.
      if (input.values instanceof (precision === "float32" ? Float32Array : Float64Array)) {
        rips = { kind: "condensed", count: input.count, values: input.values };
      } else {
        rips = condensedFromLower(input.values, { count: input.count, precision });
      }
      break;
    case "sparse":
      rips = sparseDistances(
        input.count,
        input.rows,
        input.cols,
        precision === "float32" ? input.values.map(Math.fround) : input.values,
      );
      break;
  }
  return ripsPersistence(rips, {
    maxDim: job.maxDim,
    threshold: job.threshold,
    modulus: job.modulus,
    cocycles: job.cocycles,
    precision,
    ...(pointMetric ? { metric: pointMetric } : {}),
    ...longRunning,
  });
}
