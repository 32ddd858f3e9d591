import {
  averageBettiCurve,
  averageLandscape,
  type Barcode,
  barcodeOf,
  barcodeSpec,
  bettiCurve,
  type CurveSeries,
  curvesSpec,
  fitBettiCurve,
  fitPersistenceImage,
  fitPersistenceLandscape,
  fitPersistenceSilhouette,
  type PersistenceDiagram,
  persistenceDiagramSpec,
  persistenceImage,
  persistenceImageSpec,
  persistenceLandscape,
  persistenceSilhouette,
  type VegaLiteSpec,
} from "@nettopo/core";
import { UsageError } from "../usage-error.js";

/** The names `--kind` accepts. */
export const PLOT_KINDS = [
  "diagram",
  "barcode",
  "betti",
  "landscape",
  "silhouette",
  "image",
] as const;

/** One of {@link PLOT_KINDS}. */
export type PlotKind = (typeof PLOT_KINDS)[number];

/** What `nettopo plot` draws, mapped one to one onto the core's spec and vectorization options. */
export interface PlotSettings {
  readonly kind: PlotKind;
  readonly dims: readonly number[] | undefined;
  readonly title: string | undefined;
  readonly width: number | undefined;
  readonly height: number | undefined;
  readonly resolution: number;
  readonly layers: number;
  readonly power: number;
  readonly imageSize: readonly [number, number];
  readonly bandwidth: number | undefined;
  /** Draw the mean over the diagrams with a bootstrap band (betti, landscape). */
  readonly average: boolean;
  readonly confidence: number;
  readonly seed: number;
}

/** A diagram and its label in legends. */
export interface LabelledInput {
  readonly label: string;
  readonly diagram: PersistenceDiagram;
}

/**
 * Builds the Vega-Lite spec of a plot of one or more diagrams: diagrams are
 * overlaid (one shape each); a barcode or an image shows one diagram; curves
 * show one series per diagram (or per dimension or landscape layer for a
 * single diagram), or their mean with a confidence band with `average`.
 *
 * @throws UsageError when the inputs do not fit the kind (e.g. a barcode of
 *   two diagrams, or an image without a single dimension).
 */
export function plotSpec(inputs: readonly LabelledInput[], s: PlotSettings): VegaLiteSpec {
  const size = { title: s.title, width: s.width, height: s.height };
  switch (s.kind) {
    case "diagram":
      return persistenceDiagramSpec(
        inputs.length === 1
          ? inputs[0].diagram
          : inputs.map(({ label, diagram }) => ({ label, diagram })),
        { ...size, dimensions: s.dims },
      );
    case "barcode":
      return barcodeSpec(single(inputs, s.kind).diagram, { ...size, dimensions: s.dims });
    case "image":
      return imageSpec(single(inputs, s.kind), s);
    default:
      return curvePlot(inputs, s);
  }
}

function single(inputs: readonly LabelledInput[], kind: PlotKind): LabelledInput {
  if (inputs.length !== 1) {
    throw new UsageError(`--kind ${kind} draws one diagram; got ${inputs.length}`);
  }
  return inputs[0];
}

/** The one dimension a plot of a single vectorization needs. */
function oneDim(inputs: readonly LabelledInput[], s: PlotSettings): number {
  if (s.dims !== undefined) {
    if (s.dims.length !== 1)
      throw new UsageError(`--kind ${s.kind} needs one --dim; got ${s.dims.join(",")}`);
    return s.dims[0];
  }
  const held = new Set(inputs.flatMap(({ diagram }) => diagram.dimensions.map((d) => d.dim)));
  if (held.size !== 1) {
    throw new UsageError(
      `--kind ${s.kind} needs --dim K: the diagrams hold dims ${[...held].join(", ")}`,
    );
  }
  return [...held][0];
}

function imageSpec(input: LabelledInput, s: PlotSettings): VegaLiteSpec {
  const dim = oneDim([input], s);
  const bars = barcodeOf(input.diagram, dim);
  const settings = fitPersistenceImage([bars], {
    resolution: s.imageSize,
    bandwidth: s.bandwidth ?? autoBandwidth(bars),
  });
  const image = persistenceImage(bars, settings);
  const [bMin, bMax, pMin, pMax] = image.settings.imageRange;
  return persistenceImageSpec(
    {
      width: image.width,
      height: image.height,
      values: image.values,
      birthRange: [bMin, bMax],
      persistenceRange: [pMin, pMax],
    },
    {
      title: s.title ?? `Persistence image, H${dim} (${input.label})`,
      width: s.width,
      height: s.height,
    },
  );
}

/**
 * A bandwidth at the scale of the diagram (a tenth of the largest finite
 * lifetime), used when none is given: the reference tools' default of 1 blurs
 * diagrams that live in [0, 1] (such as 1-|corr| ones) into one blob.
 */
function autoBandwidth(bars: Barcode): number {
  let largest = 0;
  for (let k = 0; k < bars.births.length; k += 1) {
    const life = bars.deaths[k] - bars.births[k];
    if (Number.isFinite(life) && life > largest) largest = life;
  }
  return largest > 0 ? largest / 10 : 1;
}

const Y_TITLES: Record<string, string> = {
  betti: "Betti number",
  landscape: "Landscape value",
  silhouette: "Silhouette value",
};

function curvePlot(inputs: readonly LabelledInput[], s: PlotSettings): VegaLiteSpec {
  const names: Record<string, string> = {
    betti: "Betti curves",
    landscape: "Persistence landscape",
    silhouette: "Persistence silhouette",
  };
  const what = s.average
    ? `Mean ${names[s.kind].toLowerCase()} of ${inputs.length} diagrams, ${Math.round(s.confidence * 100)}% confidence band`
    : `${names[s.kind]} (${inputs.map((i) => i.label).join(", ")})`;
  const options = {
    title: s.title ?? what,
    width: s.width,
    height: s.height,
    yTitle: Y_TITLES[s.kind],
    interpolate: s.kind === "betti" ? ("step-after" as const) : ("linear" as const),
  };
  if (s.average) {
    const dim = oneDim(inputs, s);
    return curvesSpec(averagedCurves(inputs, dim, s), {
      ...options,
      seriesTitle: s.kind === "betti" ? "Dimension" : `H${dim} layer`,
    });
  }
  // One diagram and no --dim: one Betti curve or silhouette per dimension.
  if (inputs.length === 1 && s.dims === undefined && s.kind !== "landscape") {
    const diagram = inputs[0].diagram;
    const barcodes = diagram.dimensions.map((d) => barcodeOf(diagram, d.dim));
    const labels = diagram.dimensions.map((d) => `H${d.dim}`);
    return curvesSpec(sampledCurves(barcodes, labels, s), { ...options, seriesTitle: "Dimension" });
  }
  const dim = oneDim(inputs, s);
  const barcodes = inputs.map(({ diagram }) => barcodeOf(diagram, dim));
  if (s.kind === "landscape" && inputs.length === 1) {
    return curvesSpec(landscapeLayers(barcodes[0], s), {
      ...options,
      seriesTitle: `H${dim} layer`,
    });
  }
  const labels = inputs.map(({ label }) => label);
  return curvesSpec(sampledCurves(barcodes, labels, s), { ...options, seriesTitle: `H${dim}` });
}

/** One curve per barcode on a grid fitted on all of them (the first landscape layer for landscapes). */
function sampledCurves(barcodes: readonly Barcode[], labels: readonly string[], s: PlotSettings) {
  const grid = { resolution: s.resolution };
  let sample: (bars: Barcode) => { grid: Float64Array; values: Float64Array };
  if (s.kind === "betti") {
    const settings = fitBettiCurve(barcodes, grid);
    sample = (bars) => bettiCurve(bars, settings);
  } else if (s.kind === "silhouette") {
    const settings = fitPersistenceSilhouette(barcodes, { ...grid, power: s.power });
    sample = (bars) => persistenceSilhouette(bars, settings);
  } else {
    const settings = fitPersistenceLandscape(barcodes, { ...grid, numLandscapes: 1 });
    sample = (bars) => persistenceLandscape(bars, settings);
  }
  const curves = barcodes.map(sample);
  return {
    grid: curves[0].grid,
    series: curves.map((c, k): CurveSeries => ({ label: labels[k], values: c.values })),
  };
}

function landscapeLayers(bars: Barcode, s: PlotSettings) {
  const l = persistenceLandscape(bars, { resolution: s.resolution, numLandscapes: s.layers });
  return {
    grid: l.grid,
    series: Array.from({ length: l.numLandscapes }, (_, k) => ({
      label: `λ${k + 1}`,
      values: l.values.slice(k * l.resolution, (k + 1) * l.resolution),
    })),
  };
}

function averagedCurves(inputs: readonly LabelledInput[], dim: number, s: PlotSettings) {
  if (inputs.length < 2) throw new UsageError("--average needs at least two diagrams");
  if (s.kind !== "betti" && s.kind !== "landscape") {
    throw new UsageError(`--average draws betti or landscape plots; got --kind ${s.kind}`);
  }
  const barcodes = inputs.map(({ diagram }) => barcodeOf(diagram, dim));
  const band = { confidence: s.confidence, seed: s.seed };
  if (s.kind === "betti") {
    const a = averageBettiCurve(barcodes, { resolution: s.resolution }, band);
    return {
      grid: a.grid,
      series: [
        {
          label: `H${dim}`,
          values: a.mean,
          lower: a.lower,
          upper: a.upper,
        },
      ],
    };
  }
  const a = averageLandscape(barcodes, { resolution: s.resolution, numLandscapes: s.layers }, band);
  const layer = (v: Float64Array, k: number) => v.slice(k * a.resolution, (k + 1) * a.resolution);
  return {
    grid: a.grid,
    series: Array.from({ length: a.numLandscapes }, (_, k) => ({
      label: `λ${k + 1}`,
      values: layer(a.mean, k),
      lower: layer(a.lower, k),
      upper: layer(a.upper, k),
    })),
  };
}
