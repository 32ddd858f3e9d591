// A PyTorch CNN exported to ONNX: its layers, then the activations of two of
// them on 1000 images, and the 1-|corr| persistent homology of the hidden
// layer's neurons. Run: node examples/onnx-activations.mjs
import { fileURLToPath } from "node:url";
import { correlationDissimilarity, ripsPersistence, seededRandom } from "@nettopo/core";
import {
  ActivationCollector,
  estimateActivationBytes,
  extractActivations,
  loadOnnxModel,
} from "@nettopo/nn";

const model = await loadOnnxModel(
  fileURLToPath(new URL("../fixtures/onnx/cnn.onnx", import.meta.url)),
);
for (const layer of model.layers()) {
  console.log(layer.friendlyName ?? "-", layer.tensorName, layer.opType, layer.shape);
}
const random = seededRandom(0);
const count = 1000;
const images = {
  count,
  sampleShape: [28, 28],
  inputs: Float32Array.from({ length: count * 784 }, random),
};
console.log(`${estimateActivationBytes(model, ["features", "fc1"], count)} bytes of activations`);
const collector = new ActivationCollector();
await extractActivations(model, images, ["features", "fc1"], { sink: collector, batchSize: 256 });
const fc1 = collector.get("fc1"); // 1000 rows (images) x 32 columns (neurons)
const distances = correlationDissimilarity(fc1.data, { samples: fc1.rows, neurons: fc1.columns });
const h1 = ripsPersistence(distances, { maxDim: 1 }).dimensions[1];
console.log(`fc1: ${fc1.columns} neurons, ${h1.births.length} H1 bars in their 1-|corr| metric`);
