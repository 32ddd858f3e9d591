import {
  type Barcode,
  barcodeOf,
  bettiCurve,
  complexPolynomial,
  diagramStatistics,
  diagramSummary,
  fitBettiCurve,
  fitHeatKernel,
  fitPersistenceImage,
  fitPersistenceLandscape,
  fitPersistenceSilhouette,
  heatKernel,
  numberOfPoints,
  type PersistenceDiagram,
  persistenceImage,
  persistenceLandscape,
  persistenceSilhouette,
  persistentEntropy,
  totalPersistence,
} from "@nettopo/core";

/** The names `--vectorize` accepts, in the order their results are written. */
export const VECTORIZERS = [
  "summary",
  "stats",
  "count",
  "entropy",
  "total-persistence",
  "polynomial",
  "betti",
  "landscape",
  "silhouette",
  "image",
  "heat",
] as const;

/** One of {@link VECTORIZERS}. */
export type Vectorizer = (typeof VECTORIZERS)[number];

/** The settings of `nettopo features`, mapped one to one onto core options. */
export interface FeatureSettings {
  readonly vectorizers: readonly Vectorizer[];
  /** The dimensions to describe; default: every dimension of each diagram. */
  readonly dims: readonly number[] | undefined;
  readonly resolution: number;
  readonly sampleRange: readonly [number, number] | undefined;
  readonly layers: number;
  readonly power: number;
  readonly imageSize: readonly [number, number];
  readonly bandwidth: number;
  readonly sigma: number;
  readonly base: number;
  readonly topK: number;
  readonly infinityValue: number | undefined;
}

/** A diagram and the name it is reported under. */
export interface NamedDiagram {
  readonly source: string;
  readonly diagram: PersistenceDiagram;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Computes the requested features of each diagram. The grids and image ranges
 * of the curve and image vectorizations are fitted on all the diagrams
 * together (per dimension), so the vectors of different files are comparable.
 *
 * @returns `{"diagrams": [{"source", "dimensions": [{"dim", <feature>...}],
 *   "statistics"?, "summary"?}]}`.
 */
export function computeFeatures(
  diagrams: readonly NamedDiagram[],
  settings: FeatureSettings,
): Json {
  const dimsOf = (diagram: PersistenceDiagram): number[] =>
    settings.dims === undefined ? diagram.dimensions.map((d) => d.dim) : [...settings.dims];
  const allDims = [...new Set(diagrams.flatMap(({ diagram }) => dimsOf(diagram)))];
  const fitted = new Map(
    allDims.map((dim) => [
      dim,
      fitPerDimension(
        diagrams.map((d) => barcodeOf(d.diagram, dim)),
        settings,
      ),
    ]),
  );
  return {
    diagrams: diagrams.map(({ source, diagram }) => {
      const entry: { [key: string]: Json } = { source };
      if (settings.vectorizers.includes("summary")) {
        entry.summary = diagramSummary(diagram, { base: settings.base }).map((row) => ({ ...row }));
      }
      if (settings.vectorizers.includes("stats")) {
        const { names, values } = diagramStatistics(diagram, {
          dimensions: dimsOf(diagram),
          topK: settings.topK,
          infinityValue: settings.infinityValue,
        });
        entry.statistics = Object.fromEntries(names.map((name, k) => [name, values[k]]));
      }
      entry.dimensions = dimsOf(diagram).map((dim) =>
        describeDimension(dim, barcodeOf(diagram, dim), fitted.get(dim)!, settings),
      );
      return entry;
    }),
  };
}

type Fitted = ReturnType<typeof fitPerDimension>;

function fitPerDimension(barcodes: readonly Barcode[], s: FeatureSettings) {
  const grid = { resolution: s.resolution, sampleRange: s.sampleRange };
  const wants = (name: Vectorizer) => s.vectorizers.includes(name);
  return {
    betti: wants("betti") ? fitBettiCurve(barcodes, grid) : undefined,
    landscape: wants("landscape")
      ? fitPersistenceLandscape(barcodes, {
          ...grid,
          numLandscapes: s.layers,
          infinityValue: s.infinityValue,
        })
      : undefined,
    silhouette: wants("silhouette")
      ? fitPersistenceSilhouette(barcodes, {
          ...grid,
          power: s.power,
          infinityValue: s.infinityValue,
        })
      : undefined,
    image: wants("image")
      ? fitPersistenceImage(barcodes, {
          resolution: s.imageSize,
          bandwidth: s.bandwidth,
          infinityValue: s.infinityValue,
        })
      : undefined,
    heat: wants("heat")
      ? fitHeatKernel(barcodes, { ...grid, sigma: s.sigma, infinityValue: s.infinityValue })
      : undefined,
  };
}

function describeDimension(dim: number, bars: Barcode, fitted: Fitted, s: FeatureSettings): Json {
  const out: { [key: string]: Json } = { dim };
  const infinityValue = s.infinityValue;
  for (const name of s.vectorizers) {
    switch (name) {
      case "count":
        out.count = numberOfPoints(bars);
        out.essential = numberOfPoints(bars, { includeEssential: true }) - out.count;
        break;
      case "entropy":
        out.entropy = persistentEntropy(bars, { base: s.base, infinityValue });
        break;
      case "total-persistence":
        out.totalPersistence = totalPersistence(bars, { power: s.power, infinityValue });
        break;
      case "polynomial": {
        const { real, imaginary } = complexPolynomial(bars, { infinityValue });
        out.polynomial = { real: [...real], imaginary: [...imaginary] };
        break;
      }
      case "betti": {
        const curve = bettiCurve(bars, fitted.betti);
        out.betti = { grid: [...curve.grid], values: [...curve.values] };
        break;
      }
      case "landscape": {
        const l = persistenceLandscape(bars, fitted.landscape);
        out.landscape = {
          grid: [...l.grid],
          layers: Array.from({ length: l.numLandscapes }, (_, k) => [
            ...l.values.subarray(k * l.resolution, (k + 1) * l.resolution),
          ]),
        };
        break;
      }
      case "silhouette": {
        const curve = persistenceSilhouette(bars, fitted.silhouette);
        out.silhouette = { grid: [...curve.grid], values: [...curve.values] };
        break;
      }
      case "image": {
        const image = persistenceImage(bars, fitted.image);
        out.image = {
          births: [...image.births],
          persistences: [...image.persistences],
          width: image.width,
          height: image.height,
          values: [...image.values],
        };
        break;
      }
      case "heat": {
        const heat = heatKernel(bars, fitted.heat);
        out.heat = { grid: [...heat.grid], resolution: heat.resolution, values: [...heat.values] };
        break;
      }
      default:
        break; // summary and stats are per diagram
    }
  }
  return out;
}
