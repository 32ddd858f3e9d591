// A TF.js model from disk (model.json + weight shards): its layers, then the
// activations of two layers on the ball-in-cube D^4 written to an .npz file
// (the arrays "fc1", "probs" and "labels"; np.load reads it).
// Run: node examples/tfjs-activations.mjs
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ballInCube, loadModel, writeActivationsNpz } from "@nettopo/nn";

const model = await loadModel(fileURLToPath(new URL("../fixtures/tfjs/mlp", import.meta.url)));
for (const layer of model.layers()) {
  console.log(layer.friendlyName ?? "-", layer.opType, JSON.stringify(layer.shape));
}
const data = ballInCube({ count: 2000, seed: 1 });
const path = join(tmpdir(), "d4-activations.npz");
const written = await writeActivationsNpz(model, data, ["fc1", "probs"], path, {
  labels: data.labels,
});
console.log(`${path}: ${written.arrays.join(", ")}; ${written.count} samples, ${written.mode}`);
