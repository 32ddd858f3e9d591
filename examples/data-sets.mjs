// Data sets in ten lines of nettopo: Fashion-MNIST (Debian's dataset-fashion-mnist),
// an explicit normalisation, a seeded stratified split, the D^4 synthetic set, and
// an .npz that NumPy reads. Run: node examples/data-sets.mjs
import { writeFileSync } from "node:fs";
import { ballInCube, fashionMnist, normalize, trainTestSplit, writeNpz } from "@nettopo/nn";

const raw = await fashionMnist({ split: "test", limit: 2000 });
const { train, test } = trainTestSplit(raw, { testFraction: 0.25, seed: 0, stratify: true });
const { dataset, stats } = normalize(train, { method: "standardize", per: "all" });
const { dataset: testSet } = normalize(test, { stats });
console.log(
  `${dataset.name}: ${dataset.count} x [${dataset.sampleShape}], mean ${stats.shift[0].toFixed(2)}, std ${stats.scale[0].toFixed(2)}; ${testSet.name}: ${testSet.count}`,
);
const d4 = ballInCube({ count: 5000, seed: 1 });
console.log(
  `${d4.name}: ${d4.labels.reduce((a, b) => a + b, 0) / d4.count} inside (pi^2/32 = ${(Math.PI ** 2 / 32).toFixed(3)})`,
);
writeFileSync(
  "/tmp/d4.npz",
  writeNpz([
    { name: "x", shape: [d4.count, 4], data: d4.inputs },
    { name: "y", shape: [d4.count], data: d4.labels },
  ]),
);
