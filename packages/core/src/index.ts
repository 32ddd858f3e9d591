export type {
  CubicalConstruction,
  CubicalPersistenceOptions,
} from "./cubical/cubical-persistence.js";
export { cubicalPersistence } from "./cubical/cubical-persistence.js";
export type { Barcode } from "./diagrams/barcode.js";
export { barcode, barcodeOf, requireBarcode, splitEssential } from "./diagrams/barcode.js";
export { diagramFromJSON } from "./diagrams/diagram-from-json.js";
export type { DiagramMatching, DistanceWithMatching } from "./diagrams/diagram-matching.js";
export type {
  CocycleRowJSON,
  DiagramOfDimensionJSON,
  DiagramToJSONOptions,
  PersistenceDiagramJSON,
} from "./diagrams/diagram-to-json.js";
export { diagramToJSON } from "./diagrams/diagram-to-json.js";
export { formatG } from "./diagrams/format-g.js";
export { formatRipserBarcodes } from "./diagrams/ripser-barcodes.js";
export type { WassersteinOptions } from "./diagrams/wasserstein-distance.js";
export { wassersteinDistance, wassersteinMatching } from "./diagrams/wasserstein-distance.js";
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
export type { RandomSource } from "./random.js";
export { gaussian, seededRandom } from "./random.js";
export type * from "./types.js";
