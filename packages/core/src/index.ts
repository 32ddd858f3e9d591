export type {
  CubicalConstruction,
  CubicalPersistenceOptions,
} from "./cubical/cubical-persistence.js";
export { cubicalPersistence } from "./cubical/cubical-persistence.js";
export type { Barcode } from "./diagrams/barcode.js";
export { barcode, barcodeOf, requireBarcode, splitEssential } from "./diagrams/barcode.js";
export { diagramFromJSON } from "./diagrams/diagram-from-json.js";
export type {
  CocycleRowJSON,
  DiagramOfDimensionJSON,
  DiagramToJSONOptions,
  PersistenceDiagramJSON,
} from "./diagrams/diagram-to-json.js";
export { diagramToJSON } from "./diagrams/diagram-to-json.js";
export { formatG } from "./diagrams/format-g.js";
export { formatRipserBarcodes } from "./diagrams/ripser-barcodes.js";
export type { CondensedFromFullOptions } from "./metric/condensed-from-full.js";
export { condensedFromFull } from "./metric/condensed-from-full.js";
export type { CondensedFromLowerOptions } from "./metric/condensed-from-lower.js";
export { condensedFromLower } from "./metric/condensed-from-lower.js";
export { condensedIndex } from "./metric/condensed-index.js";
export {
  assertCondensedSize,
  estimateCondensedBytes,
  MAX_CONDENSED_LENGTH,
} from "./metric/condensed-size.js";
export type {
  ActivationShape,
  CorrelationDissimilarityKind,
  CorrelationDissimilarityOptions,
} from "./metric/correlation-dissimilarity.js";
export { correlationDissimilarity } from "./metric/correlation-dissimilarity.js";
export type { PairwiseDistancesOptions, PointMetric } from "./metric/pairwise-distances.js";
export { pairwiseDistances } from "./metric/pairwise-distances.js";
export { pointCloud } from "./metric/point-cloud.js";
export type { SparseDistancesOptions } from "./metric/sparse-distances.js";
export { sparseDistances } from "./metric/sparse-distances.js";
export type { FlagOptions, WeightedGraph } from "./ph/flag-persistence.js";
export { flagPersistence } from "./ph/flag-persistence.js";
export type { Graph } from "./ph/lower-star-persistence.js";
export { lowerStarPersistence } from "./ph/lower-star-persistence.js";
export type { RipsOptions } from "./ph/rips-persistence.js";
export { ripsPersistence } from "./ph/rips-persistence.js";
export type { BarcodeSpecOptions } from "./plots/barcode-spec.js";
export { barcodeSpec } from "./plots/barcode-spec.js";
export type { CurveSeries, Curves, CurvesSpecOptions } from "./plots/curves-spec.js";
export { curvesSpec } from "./plots/curves-spec.js";
export type { LabelledDiagram } from "./plots/labelled-diagram.js";
export type { PersistenceDiagramSpecOptions } from "./plots/persistence-diagram-spec.js";
export { persistenceDiagramSpec } from "./plots/persistence-diagram-spec.js";
export type {
  PersistenceImagePlotInput,
  PersistenceImageSpecOptions,
} from "./plots/persistence-image-spec.js";
export { persistenceImageSpec } from "./plots/persistence-image-spec.js";
export type { PlotOptions } from "./plots/plot-options.js";
export { PLOT_PALETTE } from "./plots/plot-palette.js";
export type { VegaLiteSpec } from "./plots/vega-lite-spec.js";
export type { RandomSource } from "./random.js";
export { gaussian, seededRandom } from "./random.js";
export type * from "./types.js";
