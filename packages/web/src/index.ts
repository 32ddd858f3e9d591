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
