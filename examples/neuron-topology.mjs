// Topology of neurons in ten lines: the hidden ReLUs of the MLP in
// fixtures/onnx/mlp.onnx on 1000 points of D^4, 10 bootstrap repeats of 20 of
// their 32 neurons, the 1-|corr| diagrams, their features and the H1 Betti
// curve band. Run: node examples/neuron-topology.mjs
import { fileURLToPath } from "node:url";
import {
  ActivationCollector,
  ballInCube,
  bootstrapNeuronPersistence,
  extractActivations,
  loadOnnxModel,
} from "@nettopo/nn";

const model = await loadOnnxModel(
  fileURLToPath(new URL("../fixtures/onnx/mlp.onnx", import.meta.url)),
);
const collector = new ActivationCollector();
await extractActivations(model, ballInCube({ count: 1000, seed: 0 }), ["relu", "relu_1"], {
  sink: collector,
});
const layers = collector
  .all()
  .map((a) => ({ name: a.name, samples: a.rows, neurons: a.columns, values: a.data }));
const { repeats, spread, bettiCurves, constantNeurons } = await bootstrapNeuronPersistence(layers, {
  repeats: 10,
  neurons: 20,
  seed: 1,
});
const feature = (name) => spread.names.indexOf(name);
console.log(`dead neurons: ${JSON.stringify(constantNeurons)}`);
console.log(
  `H1 bars per repeat: ${repeats.map((r) => r.diagram.dimensions[1].births.length).join(" ")}`,
);
for (const name of ["h0.lifetime.mean", "h1.count", "h1.entropy"]) {
  console.log(
    `${name}: ${spread.mean[feature(name)].toFixed(3)} ± ${spread.std[feature(name)].toFixed(3)}`,
  );
}
const h1 = bettiCurves[1];
const peak = h1.mean.indexOf(Math.max(...h1.mean));
console.log(
  `H1 Betti curve peaks at ${h1.grid[peak].toFixed(3)}: ${h1.mean[peak].toFixed(2)} bars (95% band ± ${h1.halfWidth.toFixed(2)})`,
);
