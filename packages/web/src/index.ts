export type {
  DiagramChoice,
  SelectedDiagram,
} from "./diagrams/diagram-selection.js";
export {
  dataDims,
  repeatDiagram,
  selectedDiagrams,
  unionDiagram,
} from "./diagrams/diagram-selection.js";
export type {
  BettiBandJSON,
  DiagramFileData,
  DiagramRepeatData,
  DiagramsData,
  DimensionPairsJSON,
  FeatureSpreadJSON,
} from "./diagrams/diagrams-data.js";
export {
  barcodeFigure as diagramsBarcodeFigure,
  bettiFigure as diagramsBettiFigure,
  diagramFigure as diagramsDiagramFigure,
} from "./diagrams/diagrams-figures.js";
export type { DimensionSummary, Spread } from "./diagrams/dimension-summary.js";
export { summarizeDimensions } from "./diagrams/dimension-summary.js";
export type { FeatureRow, FeatureTable } from "./diagrams/feature-table.js";
export { featureTable } from "./diagrams/feature-table.js";
export { base64ToBytes, bytesToBase64 } from "./mapper/base64.js";
export type { MapperPageInput } from "./mapper/build-mapper-page-data.js";
export { buildMapperPageData } from "./mapper/build-mapper-page-data.js";
export type { ImageStack } from "./mapper/image-stack.js";
export { imageRgba, imageStack } from "./mapper/image-stack.js";
export type {
  EncodedImages,
  EncodedRows,
  MapperPageData,
  MapperPointData,
} from "./mapper/mapper-page-data.js";
export { REPORT_CHART_CONFIG } from "./report/chart-config.js";
export type {
  MetricsJSON,
  ReportData,
  ReportEvent,
  ReportRun,
  RunConfigJSON,
  TopologySnapshotJSON,
  TrainingRecordJSON,
} from "./report/report-data.js";
export type {
  FeatureBand,
  FeatureInfo,
  FigureSize,
  ReportFigure,
  TrainingMetric,
} from "./report/report-figures.js";
export {
  barcodeFigure,
  bettiFigure,
  diagramFigure,
  featureCatalog,
  featureFigure,
  reportFigures,
  trainingFigure,
} from "./report/report-figures.js";
export type { AppPage } from "./self-contained-page.js";
export { appPagePath, selfContainedPage } from "./self-contained-page.js";
