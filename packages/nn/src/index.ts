/**
 * @nettopo/nn: models and data (ONNX, TF.js), activation extraction and
 * training. This module only re-exports.
 */

export type {
  ActivationCollectorOptions,
  Activations,
} from "./activations/activation-collector.js";
export {
  ActivationCollector,
  DEFAULT_ACTIVATION_BUDGET_BYTES,
} from "./activations/activation-collector.js";
export type { ActivationLayer, ActivationSink } from "./activations/activation-sink.js";
export type { ModelInput } from "./activations/model-input.js";
export type { BatchedExtractionOptions } from "./activations/run-in-batches.js";
export type {
  ActivationsNpzWritten,
  WriteActivationsNpzOptions,
} from "./activations/write-activations-npz.js";
export { writeActivationsNpz } from "./activations/write-activations-npz.js";
export type { CsvDatasetOptions } from "./data/csv-dataset.js";
export { csvDataset } from "./data/csv-dataset.js";
export type { Dataset, DatasetFields } from "./data/dataset.js";
export { createDataset, sampleSize } from "./data/dataset.js";
export type { DatasetFromArraysOptions } from "./data/dataset-from-arrays.js";
export { datasetFromArrays } from "./data/dataset-from-arrays.js";
export type { MnistOptions } from "./data/fashion-mnist.js";
export {
  FASHION_MNIST_CLASS_NAMES,
  FASHION_MNIST_DIRECTORY,
  fashionMnist,
} from "./data/fashion-mnist.js";
export type { IdxDatasetOptions } from "./data/idx-dataset.js";
export { idxDataset } from "./data/idx-dataset.js";
export type { LoadDatasetOptions } from "./data/load-dataset.js";
export { loadDataset } from "./data/load-dataset.js";
export type { IdxFiles, LoadIdxDatasetOptions } from "./data/load-idx-dataset.js";
export { loadIdxDataset } from "./data/load-idx-dataset.js";
export { MNIST_CLASS_NAMES, mnist } from "./data/mnist.js";
export type {
  NormalizationMethod,
  NormalizationStats,
  Normalized,
  NormalizeOptions,
} from "./data/normalize.js";
export { normalize } from "./data/normalize.js";
export type { ShuffleOptions } from "./data/shuffle.js";
export { shuffle } from "./data/shuffle.js";
export { subset } from "./data/subset.js";
export type { BallInCubeOptions } from "./data/synthetic/ball-in-cube.js";
export { ballInCube } from "./data/synthetic/ball-in-cube.js";
export type { LinkedToriOptions } from "./data/synthetic/linked-tori.js";
export { linkedTori } from "./data/synthetic/linked-tori.js";
export type { NaitzatCirclesOptions } from "./data/synthetic/naitzat-circles.js";
export { naitzatCircles } from "./data/synthetic/naitzat-circles.js";
export type { NaitzatRingsOptions } from "./data/synthetic/naitzat-rings.js";
export { naitzatRings } from "./data/synthetic/naitzat-rings.js";
export type { NaitzatSpheresOptions } from "./data/synthetic/naitzat-spheres.js";
export { naitzatSpheres } from "./data/synthetic/naitzat-spheres.js";
export type { TwoMoonsOptions } from "./data/synthetic/two-moons.js";
export { twoMoons } from "./data/synthetic/two-moons.js";
export type { TrainTestSplit, TrainTestSplitOptions } from "./data/train-test-split.js";
export { trainTestSplit } from "./data/train-test-split.js";
export type {
  Disk4ExperimentOptions,
  Disk4ExperimentResult,
  Disk4ExperimentSettings,
  Disk4Run,
} from "./experiments/disk4-experiment.js";
export {
  DISK4_ARCHITECTURES,
  DISK4_PRESETS,
  runDisk4Experiment,
} from "./experiments/disk4-experiment.js";
export type {
  DimensionSummary,
  MeanStd,
  TopologyEvolutionOptions,
  TopologyEvolutionPoint,
} from "./experiments/topology-evolution.js";
export { topologyEvolution } from "./experiments/topology-evolution.js";
export { convertNdArray } from "./formats/convert-nd-array.js";
export type {
  ArrayToWrite,
  Dtype,
  NamedArrayToWrite,
  NamedNdArray,
  NdArray,
  NdArrayData,
} from "./formats/nd-array.js";
export { DTYPES } from "./formats/nd-array.js";
export type { NpyDtype, NpyHeader } from "./formats/npy-header.js";
export { isNpy, NPY_DTYPES, NPY_MAGIC, parseNpyHeader } from "./formats/npy-header.js";
export type { NpyStreamWriter, NpyStreamWriterOptions } from "./formats/npy-stream-writer.js";
export { openNpyStreamWriter } from "./formats/npy-stream-writer.js";
export type { ReadIdxOptions } from "./formats/read-idx.js";
export { readIdx } from "./formats/read-idx.js";
export type { ReadNpyOptions } from "./formats/read-npy.js";
export { readNpy } from "./formats/read-npy.js";
export type { ReadNpzOptions } from "./formats/read-npz.js";
export { readNpz } from "./formats/read-npz.js";
export type { ReadSafetensorsOptions, Safetensors } from "./formats/read-safetensors.js";
export { readSafetensors } from "./formats/read-safetensors.js";
export type { WriteIdxOptions } from "./formats/write-idx.js";
export { writeIdx } from "./formats/write-idx.js";
export { writeNpy } from "./formats/write-npy.js";
export type { WriteNpzOptions } from "./formats/write-npz.js";
export { writeNpz } from "./formats/write-npz.js";
export type { NpzFileEntry, WriteNpzFileOptions } from "./formats/write-npz-file.js";
export { writeNpzFile } from "./formats/write-npz-file.js";
export type { WriteSafetensorsOptions } from "./formats/write-safetensors.js";
export { writeSafetensors } from "./formats/write-safetensors.js";
export type { MapperInWorkersOptions } from "./mapper/mapper-in-workers.js";
export { mapperInWorkers } from "./mapper/mapper-in-workers.js";
export { loadModel } from "./models/load-model.js";
export type {
  BootstrapNeuronOptions,
  NeuronBootstrap,
  NeuronRepeat,
} from "./neurons/bootstrap-neuron-persistence.js";
export { bootstrapNeuronPersistence } from "./neurons/bootstrap-neuron-persistence.js";
export type {
  NeuronBootstrapJson,
  NeuronBootstrapToJsonOptions,
  NeuronLayerShape,
  NeuronRepeatJson,
} from "./neurons/neuron-bootstrap-to-json.js";
export { neuronBootstrapToJson } from "./neurons/neuron-bootstrap-to-json.js";
export type { NeuronMetric } from "./neurons/neuron-metrics.js";
export { NEURON_METRICS } from "./neurons/neuron-metrics.js";
export type { OnnxSessionOptions } from "./onnx/create-onnx-session.js";
export { estimateActivationBytes } from "./onnx/estimate-activation-bytes.js";
export type {
  ActivationExtraction,
  ExtractActivationsOptions,
} from "./onnx/extract-activations.js";
export { extractActivations } from "./onnx/extract-activations.js";
export type { FriendlyName, NamedNode } from "./onnx/friendly-names.js";
export { friendlyNames } from "./onnx/friendly-names.js";
export type { InputLayout } from "./onnx/input-layout.js";
export { inputLayout } from "./onnx/input-layout.js";
export { loadOnnxModel, onnxModelFromBytes } from "./onnx/load-onnx-model.js";
export type { Dimension, OnnxLayer, OnnxModelParts } from "./onnx/onnx-model.js";
export { OnnxModel } from "./onnx/onnx-model.js";
export { withGraphOutputs } from "./onnx/with-graph-outputs.js";
export type { Tfjs } from "./tfjs/backend.js";
export { ensureWasmBackend } from "./tfjs/backend.js";
export { extractTfjsActivations } from "./tfjs/extract-tfjs-activations.js";
export { fileSystemLoader } from "./tfjs/file-system-loader.js";
export type { GraphNode } from "./tfjs/graph-friendly-names.js";
export { graphFriendlyNames } from "./tfjs/graph-friendly-names.js";
export { loadTfjsModel } from "./tfjs/load-tfjs-model.js";
export type { TfjsLayer, TfjsModelParts } from "./tfjs/tfjs-model.js";
export { TfjsModel } from "./tfjs/tfjs-model.js";
export type {
  ActivationName,
  BuildModelOptions,
  BuiltModel,
  LayerInfo,
  LayerKind,
} from "./train/build-model.js";
export { ACTIVATIONS, buildModel } from "./train/build-model.js";
export type { EvaluateModelOptions, LossName } from "./train/evaluate-model.js";
export { evaluateModel, LOSSES } from "./train/evaluate-model.js";
export { fileSystemHandler } from "./train/file-system-handler.js";
export type { LayerActivationsOptions } from "./train/layer-activations.js";
export { layerActivations } from "./train/layer-activations.js";
export { loadTfjsModel as loadTrainedModel } from "./train/load-tfjs-model.js";
export { readMetrics } from "./train/metrics-log.js";
export type {
  NeuronMonitorConfig,
  NeuronMonitorParameters,
  ResolvedNeuronMonitorConfig,
} from "./train/neuron-monitor-config.js";
export type { OptimizerConfig, ResolvedOptimizerConfig } from "./train/optimizer-config.js";
export { createOptimizer, resolveOptimizerConfig } from "./train/optimizer-config.js";
export type { Architecture, HiddenLayerSpec } from "./train/parse-architecture.js";
export { parseArchitecture } from "./train/parse-architecture.js";
export type { DataConfig, PreparedData, ResolvedDataConfig } from "./train/prepare-data.js";
export { DATASET_NAMES, prepareData } from "./train/prepare-data.js";
export type { TopologyRecord } from "./train/read-topology.js";
export { readTopology, TOPOLOGY_FILE } from "./train/read-topology.js";
export type { BackendInfo, SetupBackendOptions } from "./train/setup-backend.js";
export { setupBackend } from "./train/setup-backend.js";
export type { StepProgress, TrainModelOptions, TrainModelResult } from "./train/train-model.js";
export { trainModel } from "./train/train-model.js";
export type {
  ResumeRunOptions,
  RunConfig,
  RunFile,
  RunOptions,
  RunResult,
} from "./train/train-run.js";
export { resumeRun, trainRun } from "./train/train-run.js";
export type { Metrics, TrainingRecord } from "./train/training-record.js";
export { closestNames } from "./util/closest-names.js";
export { formatBytes } from "./util/format-bytes.js";
