export type {
  CubicalConstruction,
  CubicalPersistenceOptions,
} from "./cubical/cubical-persistence.js";
export { cubicalPersistence } from "./cubical/cubical-persistence.js";
export type { AuctionWassersteinOptions } from "./diagrams/auction-wasserstein.js";
export { auctionWasserstein, auctionWassersteinMatching } from "./diagrams/auction-wasserstein.js";
export type { Barcode } from "./diagrams/barcode.js";
export { barcode, barcodeOf, requireBarcode, splitEssential } from "./diagrams/barcode.js";
export { bottleneckDistance, bottleneckMatching } from "./diagrams/bottleneck-distance.js";
export { diagramFromJSON } from "./diagrams/diagram-from-json.js";
export { diagramFromRipserText } from "./diagrams/diagram-from-ripser-text.js";
export type { DiagramMatching, DistanceWithMatching } from "./diagrams/diagram-matching.js";
export type {
  CocycleRowJSON,
  DiagramOfDimensionJSON,
  DiagramToJSONOptions,
  PersistenceDiagramJSON,
} from "./diagrams/diagram-to-json.js";
export { diagramToJSON } from "./diagrams/diagram-to-json.js";
export type {
  BarcodeStatistics,
  BarcodeStatisticsOptions,
} from "./diagrams/features/barcode-statistics.js";
export { barcodeStatistics } from "./diagrams/features/barcode-statistics.js";
export type {
  ComplexCoefficients,
  ComplexPolynomialOptions,
  ComplexPolynomialType,
} from "./diagrams/features/complex-polynomial.js";
export { complexPolynomial } from "./diagrams/features/complex-polynomial.js";
export type {
  DiagramStatisticsOptions,
  NamedFeatures,
} from "./diagrams/features/diagram-statistics.js";
export { diagramStatistics } from "./diagrams/features/diagram-statistics.js";
export type {
  DiagramSummaryOptions,
  DimensionSummary,
} from "./diagrams/features/diagram-summary.js";
export { diagramSummary } from "./diagrams/features/diagram-summary.js";
export type {
  EntropySummaryCurve,
  EntropySummaryOptions,
} from "./diagrams/features/entropy-summary.js";
export { entropySummary } from "./diagrams/features/entropy-summary.js";
export type { LifetimeNormOptions } from "./diagrams/features/lifetime-norm.js";
export { lifetimeNorm } from "./diagrams/features/lifetime-norm.js";
export type { NumberOfPointsOptions } from "./diagrams/features/number-of-points.js";
export { numberOfPoints } from "./diagrams/features/number-of-points.js";
export type {
  EntropyNormalization,
  PersistentEntropyOptions,
} from "./diagrams/features/persistent-entropy.js";
export { persistentEntropy } from "./diagrams/features/persistent-entropy.js";
export type { TotalPersistenceOptions } from "./diagrams/features/total-persistence.js";
export { totalPersistence } from "./diagrams/features/total-persistence.js";
export { formatG } from "./diagrams/format-g.js";
export { formatRipserBarcodes } from "./diagrams/ripser-barcodes.js";
export type { SlicedWassersteinOptions } from "./diagrams/sliced-wasserstein-distance.js";
export { slicedWassersteinDistance } from "./diagrams/sliced-wasserstein-distance.js";
export type {
  BettiCurve,
  BettiCurveOptions,
  BettiCurveSettings,
} from "./diagrams/vectorize/betti-curve.js";
export { bettiCurve, fitBettiCurve } from "./diagrams/vectorize/betti-curve.js";
export type {
  HeatKernelImage,
  HeatKernelOptions,
  HeatKernelSettings,
} from "./diagrams/vectorize/heat-kernel.js";
export { fitHeatKernel, heatKernel } from "./diagrams/vectorize/heat-kernel.js";
export type {
  PersistenceImage,
  PersistenceImageOptions,
  PersistenceImageSettings,
  PersistenceImageWeight,
} from "./diagrams/vectorize/persistence-image.js";
export { fitPersistenceImage, persistenceImage } from "./diagrams/vectorize/persistence-image.js";
export type {
  PersistenceLandscape,
  PersistenceLandscapeOptions,
  PersistenceLandscapeSettings,
} from "./diagrams/vectorize/persistence-landscape.js";
export {
  fitPersistenceLandscape,
  persistenceLandscape,
} from "./diagrams/vectorize/persistence-landscape.js";
export type {
  PersistenceSilhouette,
  PersistenceSilhouetteOptions,
  PersistenceSilhouetteSettings,
} from "./diagrams/vectorize/persistence-silhouette.js";
export {
  fitPersistenceSilhouette,
  persistenceSilhouette,
} from "./diagrams/vectorize/persistence-silhouette.js";
export type { SampleGridOptions, SampleGridSettings } from "./diagrams/vectorize/sample-grid.js";
export type { WassersteinOptions } from "./diagrams/wasserstein-distance.js";
export { wassersteinDistance, wassersteinMatching } from "./diagrams/wasserstein-distance.js";
export type {
  ActivationReduction,
  ActivationRowsOptions,
} from "./mapper/activation-rows.js";
export { activationRows } from "./mapper/activation-rows.js";
export { balancedCover } from "./mapper/balanced-cover.js";
export type { ClusterParameters, ClusterSpec } from "./mapper/cluster-spec.js";
export type { CoordinateLensOptions } from "./mapper/coordinate-lens.js";
export { coordinateLens } from "./mapper/coordinate-lens.js";
export type { IntervalCoverOptions } from "./mapper/cover-options.js";
export type { CoverSpec } from "./mapper/cover-spec.js";
export { coverFromSpec } from "./mapper/cover-spec.js";
export type { DbscanOptions } from "./mapper/dbscan.js";
export { dbscan } from "./mapper/dbscan.js";
export type { DensityLensOptions } from "./mapper/density-lens.js";
export { densityLens } from "./mapper/density-lens.js";
export type { DistanceToMeasureLensOptions } from "./mapper/distance-to-measure-lens.js";
export { distanceToMeasureLens } from "./mapper/distance-to-measure-lens.js";
export type { EccentricityLensOptions } from "./mapper/eccentricity-lens.js";
export { eccentricityLens } from "./mapper/eccentricity-lens.js";
export { givenCover } from "./mapper/given-cover.js";
export { givenLens } from "./mapper/given-lens.js";
export { l2NormLens } from "./mapper/l2-norm-lens.js";
export type { LensSpec } from "./mapper/lens-spec.js";
export { lensFromSpec } from "./mapper/lens-spec.js";
export { mapper } from "./mapper/mapper.js";
export { mapperAsync } from "./mapper/mapper-async.js";
export type {
  CoverElement,
  CoverKind,
  EmptyElementPolicy,
  MapperCover,
} from "./mapper/mapper-cover.js";
export type { LabelHistogram, MapperGraph, MapperNode } from "./mapper/mapper-graph.js";
export type { MapperGraphFromClustersOptions } from "./mapper/mapper-graph-from-clusters.js";
export { mapperGraphFromClusters } from "./mapper/mapper-graph-from-clusters.js";
export type {
  MapperGraphJSON,
  MapperGraphToJSONOptions,
  MapperLinkJSON,
  MapperNodeJSON,
} from "./mapper/mapper-graph-to-json.js";
export { mapperGraphToJSON } from "./mapper/mapper-graph-to-json.js";
export type { LensKind, MapperLens } from "./mapper/mapper-lens.js";
export type {
  MapperLinks,
  MapperNerve,
  MapperNerveOptions,
  NerveSimplices,
} from "./mapper/mapper-nerve.js";
export { mapperNerve } from "./mapper/mapper-nerve.js";
export type { MapperPoints } from "./mapper/mapper-points.js";
export type { MapperOptions } from "./mapper/mapper-steps.js";
export { mapperSteps } from "./mapper/mapper-steps.js";
export type { PcaLensOptions } from "./mapper/pca-lens.js";
export { pcaLens } from "./mapper/pca-lens.js";
export type { SingleLinkageGapOptions } from "./mapper/single-linkage-gap.js";
export { singleLinkageGap } from "./mapper/single-linkage-gap.js";
export type { UmapLensOptions } from "./mapper/umap-lens.js";
export { umapLens } from "./mapper/umap-lens.js";
export { uniformCover } from "./mapper/uniform-cover.js";
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
export type { CorrelationAccumulatorOptions } from "./metric/correlation-accumulator.js";
export { CorrelationAccumulator } from "./metric/correlation-accumulator.js";
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
export type { LayerActivations } from "./neurons/layer-activations.js";
export type {
  NeuronCorrelations,
  NeuronCorrelationsOptions,
} from "./neurons/neuron-correlations.js";
export { neuronCorrelations } from "./neurons/neuron-correlations.js";
export type {
  NeuronDissimilarityOptions,
  NeuronDistances,
} from "./neurons/neuron-dissimilarity.js";
export {
  DEFAULT_NEURON_MEMORY_BUDGET,
  neuronDissimilarity,
} from "./neurons/neuron-dissimilarity.js";
export type { NeuronFeaturesOptions } from "./neurons/neuron-features.js";
export { neuronFeatures } from "./neurons/neuron-features.js";
export type { NeuronImportance, NeuronImportanceOptions } from "./neurons/neuron-importance.js";
export { neuronImportance } from "./neurons/neuron-importance.js";
export type {
  NeuronPersistence,
  NeuronPersistenceOptions,
} from "./neurons/neuron-persistence.js";
export { neuronPersistence } from "./neurons/neuron-persistence.js";
export type { SelectInputsOptions } from "./neurons/select-inputs.js";
export { selectInputs } from "./neurons/select-inputs.js";
export type {
  NeuronSampling,
  NeuronSelection,
  SelectNeuronsOptions,
} from "./neurons/select-neurons.js";
export { NEURON_SAMPLINGS, selectNeurons } from "./neurons/select-neurons.js";
export type {
  StandardizedNeurons,
  StandardizeNeuronsOptions,
} from "./neurons/standardize-neurons.js";
export { standardizeNeurons } from "./neurons/standardize-neurons.js";
export type {
  BettiCurveBand,
  FeatureSpread,
  NeuronRepeatsSummary,
  SummarizeNeuronRepeatsOptions,
} from "./neurons/summarize-neuron-repeats.js";
export { summarizeNeuronRepeats } from "./neurons/summarize-neuron-repeats.js";
export type { FlagOptions, WeightedGraph } from "./ph/flag-persistence.js";
export { flagPersistence } from "./ph/flag-persistence.js";
export type { Graph } from "./ph/lower-star-persistence.js";
export { lowerStarPersistence } from "./ph/lower-star-persistence.js";
export type { RipsOptions } from "./ph/rips-persistence.js";
export { ripsPersistence } from "./ph/rips-persistence.js";
export type { BarcodeSpecOptions } from "./plots/barcode-spec.js";
export { barcodeSpec } from "./plots/barcode-spec.js";
export type {
  BettiCurvesByEpochSpecOptions,
  EpochBettiCurve,
} from "./plots/betti-curves-by-epoch-spec.js";
export { bettiCurvesByEpochSpec } from "./plots/betti-curves-by-epoch-spec.js";
export type { CurveSeries, Curves, CurvesSpecOptions } from "./plots/curves-spec.js";
export { curvesSpec } from "./plots/curves-spec.js";
export type { EpochCurvesSpecOptions, EpochSeries } from "./plots/epoch-curves-spec.js";
export { epochCurvesSpec } from "./plots/epoch-curves-spec.js";
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
export { deriveSeed, gaussian, seededRandom } from "./random.js";
export type { AverageCurve } from "./stats/average-betti-curve.js";
export { averageBettiCurve } from "./stats/average-betti-curve.js";
export { averageCurveWithBand } from "./stats/average-curve-with-band.js";
export type { AverageLandscape } from "./stats/average-landscape.js";
export { averageLandscape } from "./stats/average-landscape.js";
export type { BootstrapMeanBandOptions, MeanBand } from "./stats/bootstrap-mean-band.js";
export { bootstrapMeanBand } from "./stats/bootstrap-mean-band.js";
export type {
  ConfidenceSetFiltration,
  SubsamplingConfidenceSet,
  SubsamplingConfidenceSetOptions,
} from "./stats/subsampling-confidence-set.js";
export { subsamplingConfidenceSet } from "./stats/subsampling-confidence-set.js";
export type * from "./types.js";
