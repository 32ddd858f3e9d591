import {
  barcodeSpec,
  bettiCurvesByEpochSpec,
  type EpochBettiCurve,
  type EpochSeries,
  epochCurvesSpec,
  type PersistenceDiagram,
  persistenceDiagramSpec,
  type VegaLiteSpec,
} from "@nettopo/core";
import { REPORT_CHART_CONFIG } from "./chart-config.js";
import type { ReportData, ReportRun, TopologySnapshotJSON } from "./report-data.js";

/**
 * The figures of the report as Vega-Lite specs, built from {@link ReportData}
 * with @nettopo/core's spec builders. Isomorphic: the page draws them with
 * vega, `nettopo report --figures` renders them to SVG and PNG, so a figure
 * file is the chart of the page.
 */

/** A figure: a file-name-safe id, a title and its spec. */
export interface ReportFigure {
  readonly id: string;
  readonly title: string;
  readonly spec: VegaLiteSpec;
}

/** Size of a chart's plotting area in pixels, and whether charts of runs have a run legend (default true). */
export interface FigureSize {
  readonly width?: number;
  readonly height?: number;
  readonly runLegend?: boolean;
}

/** A training quantity drawn over epochs. */
export type TrainingMetric = "accuracy" | "loss" | "gap";

/** How a feature's bootstrap band is drawn: mean ± one standard deviation, or min to max. */
export type FeatureBand = "std" | "range";

const TRAINING_TITLES: Record<TrainingMetric, { title: string; y: string }> = {
  accuracy: { title: "Accuracy", y: "Accuracy" },
  loss: { title: "Loss", y: "Loss (cross-entropy)" },
  gap: { title: "Generalization gap", y: "Train − test accuracy" },
};

/** The run names in colour order (every chart colours run k alike). */
export function runOrder(data: ReportData): string[] {
  return data.runs.map((run) => run.name);
}

/**
 * Accuracy, loss (train solid, test dashed) or accuracy gap over epochs,
 * one colour per run. Null when no run has a record yet.
 */
export function trainingFigure(
  data: ReportData,
  metric: TrainingMetric,
  size: FigureSize = {},
): VegaLiteSpec | null {
  const series: EpochSeries[] = [];
  for (const run of data.runs) {
    const records = run.records;
    if (records.length === 0) continue;
    const epochs = Float64Array.from(records, (r) => r.epoch);
    if (metric === "gap") {
      series.push({
        run: run.name,
        split: "train − test",
        epochs,
        values: Float64Array.from(records, (r) => r.gap.accuracy),
      });
    } else {
      for (const split of ["train", "test"] as const) {
        series.push({
          run: run.name,
          split,
          epochs,
          values: Float64Array.from(records, (r) => r[split][metric]),
        });
      }
    }
  }
  if (series.length === 0) return null;
  const { title, y } = TRAINING_TITLES[metric];
  return epochCurvesSpec(series, {
    title,
    yTitle: y,
    runs: runOrder(data),
    ...(metric === "accuracy" ? { format: ".2%" } : {}),
    ...size,
  });
}

/** The filtration axis's title for a snapshot's metric ("1 − |corr|" for the default). */
export function filtrationTitle(snapshot: TopologySnapshotJSON | undefined): string {
  switch (snapshot?.parameters?.metric) {
    case "sqrt-abs-correlation":
      return "Filtration value √(1 − |corr|)";
    case "correlation":
      return "Filtration value 1 − corr";
    case undefined:
    case "abs-correlation":
      return "Filtration value 1 − |corr|";
    default:
      return "Filtration value";
  }
}

/** The homological dimensions of a run's snapshots, increasing. */
export function topologyDims(run: ReportRun): number[] {
  const dims = new Set<number>();
  for (const snapshot of run.topology ?? []) {
    for (const band of snapshot.summary.bettiCurves) dims.add(band.dim);
    for (const repeat of snapshot.repeats) for (const d of repeat.diagrams) dims.add(d.dim);
  }
  return [...dims].sort((a, b) => a - b);
}

/**
 * Corneanu-style Betti curves of dimension `dim` of one run: one curve per
 * snapshot (the mean over the bootstrap repeats, with its band), coloured by
 * epoch; `highlightEpoch` emphasised. Null when no snapshot has that dimension.
 */
export function bettiFigure(
  run: ReportRun,
  dim: number,
  highlightEpoch?: number,
  size: FigureSize = {},
): VegaLiteSpec | null {
  const curves: EpochBettiCurve[] = [];
  for (const snapshot of run.topology ?? []) {
    const band = snapshot.summary.bettiCurves.find((b) => b.dim === dim);
    if (band === undefined || band.grid.length === 0) continue;
    if (curves.some((c) => c.epoch === snapshot.epoch)) continue;
    const curve: EpochBettiCurve =
      band.lower !== null && band.upper !== null
        ? {
            epoch: snapshot.epoch,
            grid: Float64Array.from(band.grid),
            values: Float64Array.from(band.mean),
            // A Betti number is >= 0: the band's lower edge is clipped there.
            lower: Float64Array.from(band.lower, (v) => Math.max(0, v)),
            upper: Float64Array.from(band.upper, (v) => Math.max(0, v)),
          }
        : {
            epoch: snapshot.epoch,
            grid: Float64Array.from(band.grid),
            values: Float64Array.from(band.mean),
          };
    curves.push(curve);
  }
  if (curves.length === 0) return null;
  const highlight =
    highlightEpoch !== undefined && curves.some((c) => c.epoch === highlightEpoch)
      ? { highlightEpoch }
      : {};
  return bettiCurvesByEpochSpec(curves, {
    title: `H${dim} Betti curves`,
    xTitle: filtrationTitle(run.topology?.[0]),
    yTitle: `β${subscript(dim)} (mean over repeats)`,
    ...highlight,
    ...size,
  });
}

/** A snapshot's diagram of one repeat as a core {@link PersistenceDiagram} (null death: Infinity). */
export function snapshotDiagram(
  snapshot: TopologySnapshotJSON,
  repeat: number,
): PersistenceDiagram | null {
  const entry = snapshot.repeats[repeat];
  if (entry === undefined) return null;
  return {
    dimensions: entry.diagrams.map(({ dim, pairs }) => ({
      dim,
      births: Float64Array.from(pairs, (p) => p[0]),
      deaths: Float64Array.from(pairs, (p) => (p[1] === null ? Number.POSITIVE_INFINITY : p[1])),
    })),
  };
}

/** The persistence diagram of one snapshot and repeat of a run; null when it has none. */
export function diagramFigure(
  run: ReportRun,
  snapshot: number,
  repeat: number,
  size: FigureSize = {},
): VegaLiteSpec | null {
  const chosen = run.topology?.[snapshot];
  const diagram = chosen === undefined ? null : snapshotDiagram(chosen, repeat);
  if (chosen === undefined || diagram === null) return null;
  return persistenceDiagramSpec(diagram, {
    title: `Persistence diagram, epoch ${formatEpoch(chosen.epoch)}`,
    ...size,
  });
}

/** The barcode of one snapshot and repeat of a run; null when it has none. */
export function barcodeFigure(
  run: ReportRun,
  snapshot: number,
  repeat: number,
  size: FigureSize = {},
): VegaLiteSpec | null {
  const chosen = run.topology?.[snapshot];
  const diagram = chosen === undefined ? null : snapshotDiagram(chosen, repeat);
  if (chosen === undefined || diagram === null) return null;
  return barcodeSpec(diagram, { title: `Barcode, epoch ${formatEpoch(chosen.epoch)}`, ...size });
}

/** A feature of the neuron diagrams followed over training. */
export interface FeatureInfo {
  /** Its name in `topology.jsonl` (`h1.count`), or `h1.total` for the derived total persistence. */
  readonly key: string;
  /** How the report names it ("H1 number of bars"). */
  readonly label: string;
}

const KNOWN_FEATURES: Record<string, string> = {
  count: "number of bars",
  total: "total persistence",
  entropy: "persistent entropy",
  "lifetime.mean": "mean lifetime",
  "lifetime.std": "lifetime std",
  "birth.mean": "mean birth",
  "death.mean": "mean death",
  "midlife.mean": "mean midlife",
  "top1.lifetime": "longest lifetime",
};

/** The report's name of a feature key. */
export function featureLabel(key: string): string {
  const match = /^(h(\d+)|all)\.(.+)$/.exec(key);
  if (match === null) return key;
  const group = match[2] === undefined ? "All dims" : `H${match[2]}`;
  return `${group} ${KNOWN_FEATURES[match[3]!] ?? match[3]}`;
}

/**
 * The value of `key` in each repeat of a snapshot: a feature of the file,
 * or `h<d>.total`, the total persistence (sum of finite lifetimes), as
 * `h<d>.count` × `h<d>.lifetime.mean`. NaN where missing or non-finite.
 */
export function repeatValues(snapshot: TopologySnapshotJSON, key: string): number[] {
  const total = /^(h\d+|all)\.total$/.exec(key);
  return snapshot.repeats.map((repeat) => {
    const f = repeat.features;
    if (total !== null) {
      const count = f[`${total[1]}.count`];
      const mean = f[`${total[1]}.lifetime.mean`];
      if (count === 0) return 0;
      return typeof count === "number" && typeof mean === "number" ? count * mean : Number.NaN;
    }
    const value = f[key];
    return typeof value === "number" ? value : Number.NaN;
  });
}

/** Mean, sample standard deviation, min and max of the finite values (NaN when none). */
export function spreadOf(values: readonly number[]): {
  mean: number;
  std: number;
  min: number;
  max: number;
} {
  const finite = values.filter(Number.isFinite);
  const n = finite.length;
  if (n === 0) return { mean: Number.NaN, std: Number.NaN, min: Number.NaN, max: Number.NaN };
  const mean = finite.reduce((a, b) => a + b, 0) / n;
  const variance = n > 1 ? finite.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, std: Math.sqrt(variance), min: Math.min(...finite), max: Math.max(...finite) };
}

/** The features the runs' snapshots have (the derived totals included), in a reading order. */
export function featureCatalog(data: ReportData): FeatureInfo[] {
  const keys = new Set<string>();
  for (const run of data.runs) {
    for (const snapshot of run.topology ?? []) {
      for (const repeat of snapshot.repeats)
        for (const key of Object.keys(repeat.features)) keys.add(key);
    }
  }
  for (const key of [...keys]) {
    const count = /^(h\d+|all)\.count$/.exec(key);
    if (count !== null && keys.has(`${count[1]}.lifetime.mean`)) keys.add(`${count[1]}.total`);
  }
  const rank = (key: string) => {
    const m = /^(?:h(\d+)|all)\.(.+)$/.exec(key);
    const group = m?.[1] === undefined ? 1000 : Number(m[1]);
    const order = ["count", "total", "entropy", "lifetime.mean"].indexOf(m?.[2] ?? "");
    return [group, order < 0 ? 100 : order] as const;
  };
  return [...keys]
    .sort((a, b) => {
      const [ga, oa] = rank(a);
      const [gb, ob] = rank(b);
      return ga - gb || oa - ob || a.localeCompare(b);
    })
    .map((key) => ({ key, label: featureLabel(key) }));
}

/**
 * A feature over training for every run with topology: the mean over the
 * bootstrap repeats at each snapshot, with a band of ± one standard
 * deviation (`band: "std"`) or from min to max (`"range"`). Null when no run
 * has the feature.
 */
export function featureFigure(
  data: ReportData,
  key: string,
  band: FeatureBand = "std",
  size: FigureSize = {},
): VegaLiteSpec | null {
  const series: EpochSeries[] = [];
  for (const run of data.runs) {
    const snapshots = run.topology ?? [];
    if (snapshots.length === 0) continue;
    const spreads = snapshots.map((s) => spreadOf(repeatValues(s, key)));
    if (spreads.every((s) => Number.isNaN(s.mean))) continue;
    series.push({
      run: run.name,
      epochs: Float64Array.from(snapshots, (s) => s.epoch),
      values: Float64Array.from(spreads, (s) => s.mean),
      lower: Float64Array.from(spreads, (s) => (band === "std" ? s.mean - s.std : s.min)),
      upper: Float64Array.from(spreads, (s) => (band === "std" ? s.mean + s.std : s.max)),
    });
  }
  if (series.length === 0) return null;
  return epochCurvesSpec(series, {
    title: featureLabel(key),
    yTitle: band === "std" ? "Mean ± std over repeats" : "Mean, min–max over repeats",
    runs: runOrder(data),
    ...size,
  });
}

/** The features the report draws first, per dimension present. */
export function headlineFeatures(data: ReportData): string[] {
  const available = new Set(featureCatalog(data).map((f) => f.key));
  const keys: string[] = [];
  for (let dim = 0; dim < 8; dim += 1) {
    for (const name of ["count", "total", "entropy"]) {
      const key = `h${dim}.${name}`;
      // H0 of a Rips complex has one bar per neuron but one: its count says nothing.
      if (dim === 0 && name === "count") continue;
      if (available.has(key)) keys.push(key);
    }
  }
  return keys;
}

/**
 * Every figure of the report, for `nettopo report --figures`: accuracy,
 * loss and gap of all runs; per run with topology, its Betti curves per
 * dimension and the diagram and barcode of its last snapshot (first repeat);
 * the headline features of all runs.
 */
export function reportFigures(data: ReportData): ReportFigure[] {
  const figures: ReportFigure[] = [];
  const add = (id: string, title: string, spec: VegaLiteSpec | null) => {
    if (spec !== null) figures.push({ id, title, spec: { ...spec, config: REPORT_CHART_CONFIG } });
  };
  for (const metric of ["accuracy", "loss", "gap"] as const) {
    add(metric, TRAINING_TITLES[metric].title, trainingFigure(data, metric));
  }
  const used = new Set<string>();
  for (const run of data.runs) {
    const snapshots = run.topology ?? [];
    if (snapshots.length === 0) continue;
    let base = safeName(run.name);
    for (let k = 2; used.has(base); k += 1) base = `${safeName(run.name)}-${k}`;
    used.add(base);
    for (const dim of topologyDims(run)) {
      add(`${base}-betti-h${dim}`, `${run.name}: H${dim} Betti curves`, bettiFigure(run, dim));
    }
    const last = snapshots.length - 1;
    const epoch = safeName(formatEpoch(snapshots[last]!.epoch));
    add(`${base}-diagram-epoch-${epoch}`, `${run.name}: diagram`, diagramFigure(run, last, 0));
    add(`${base}-barcode-epoch-${epoch}`, `${run.name}: barcode`, barcodeFigure(run, last, 0));
  }
  for (const key of headlineFeatures(data)) {
    add(`feature-${safeName(key)}`, featureLabel(key), featureFigure(data, key));
  }
  return figures;
}

/** An epoch as the report prints it: `3`, `2.5`, `0.333`. */
export function formatEpoch(epoch: number): string {
  return Number.isInteger(epoch) ? String(epoch) : String(Number(epoch.toPrecision(3)));
}

function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, "-").replace(/^-+|-+$/g, "") || "run";
}

function subscript(n: number): string {
  return String(n).replace(/\d/g, (d) => "₀₁₂₃₄₅₆₇₈₉"[Number(d)]!);
}
