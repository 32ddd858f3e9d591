#!/usr/bin/env node
// npm run bench:train -- [--only NAME[,NAME]] [--rounds N] [--steps N] [--no-stock]
//
// Training speed of nettopo (TF.js on its WebAssembly backend, through
// trainModel, the loop `nettopo train` runs) against PyTorch on the CPU, on
// the same networks, batch size and optimizer, with random data, in the same
// run. Both use one thread: TF.js's wasm backend in Node has one, and PyTorch
// is set to one with torch.set_num_threads(1). Rounds alternate between the
// two tools (each round: one epoch of --steps steps after a warm-up epoch) to
// share the machine's load fairly; the table shows the median steps/s of
// each and the median of the per-round ratios nettopo/PyTorch (above 1:
// nettopo faster). Unless --no-stock, nettopo also runs with TF.js's stock
// BatchMatMul gradient and kernel (setupBackend({ matMulGradient: "stock" }))
// to show what the explicit transposes gain. See bench/README.md.

import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const PYTHON = process.env.NETTOPO_PYTHON ?? "/usr/bin/python3";

/** The benchmarked networks: nettopo spec, batch size, optimizer. */
const SUITE = [
  { name: "mlp-784-128-10-adam", spec: "784-128-10", batch: 128, optimizer: "adam" },
  { name: "mlp-784-256-256-10-adam", spec: "784-256-256-10", batch: 128, optimizer: "adam" },
  { name: "mlp-4-64-64-2-adam", spec: "4-64-64-2", batch: 128, optimizer: "adam" },
  { name: "mlp-4-64-64-2-sgd", spec: "4-64-64-2", batch: 32, optimizer: "sgd" },
  {
    name: "cnn-conv8-pool-conv16-pool-fc64-10",
    spec: "conv8-pool-conv16-pool-fc64-10",
    batch: 128,
    optimizer: "adam",
    note: "no target",
  },
];

// ----------------------------------------------------------------- child: nettopo

if (process.argv[2] === "--child") {
  const [spec, batch, optimizer, steps, rounds, matMulGradient] = process.argv.slice(3);
  const nn = await import(join(REPO, "packages", "nn", "dist", "index.js"));
  await nn.setupBackend({ matMulGradient });
  const b = Number(batch);
  const n = b * Number(steps);
  const image = spec.startsWith("conv");
  const sampleShape = image ? [28, 28] : [Number(spec.split("-")[0])];
  const width = sampleShape.reduce((a, c) => a * c, 1);
  const classes = Number(spec.split("-").at(-1));
  const random = mulberry(0);
  const inputs = Float32Array.from({ length: n * width }, () => normal(random));
  const labels = Int32Array.from({ length: n }, () => Math.floor(random() * classes));
  const train = nn.createDataset({ name: "random", sampleShape, inputs, labels });
  const test = nn.createDataset({
    name: "random-test",
    sampleShape,
    inputs: inputs.subarray(0, b * width),
    labels: labels.subarray(0, b),
  });
  const { model } = nn.buildModel(spec, { inputShape: sampleShape, seed: 0 });
  const rates = [];
  let first = 0;
  const config =
    optimizer === "adam"
      ? { name: "adam", learningRate: 1e-3 }
      : { name: "sgd", learningRate: 1e-2, momentum: 0.9 };
  await nn.trainModel(model, {
    train,
    test,
    epochs: Number(rounds) + 1,
    batchSize: b,
    optimizer: config,
    trainEvaluationSize: b,
    onStep: (p) => {
      if (p.stepInEpoch === 1) first = performance.now();
      else if (p.stepInEpoch === p.stepsPerEpoch && p.epoch > 1) {
        rates.push((p.stepsPerEpoch - 1) / ((performance.now() - first) / 1000));
      }
    },
  });
  process.stdout.write(`${JSON.stringify({ stepsPerSecond: rates })}\n`);
  process.exit(0);
}

function mulberry(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(random) {
  let u = 0;
  while (u === 0) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

// ------------------------------------------------------------------ parent

const args = process.argv.slice(2);
const option = (flag, fallback) => {
  const k = args.indexOf(flag);
  return k >= 0 ? args[k + 1] : fallback;
};
const only = option("--only", undefined)?.split(",");
const rounds = Number(option("--rounds", "5"));
const steps = Number(option("--steps", "50"));
const stock = !args.includes("--no-stock");
const suite = SUITE.filter((c) => only === undefined || only.includes(c.name));

function run(command, commandArgs) {
  const result = spawnSync(command, commandArgs, {
    encoding: "utf8",
    env: { ...process.env, OMP_NUM_THREADS: "1", MKL_NUM_THREADS: "1" },
    maxBuffer: 1 << 24,
  });
  if (result.status !== 0) {
    throw new Error(
      `${command} ${commandArgs.join(" ")} failed: ${result.stderr.trim().split("\n").at(-1)}`,
    );
  }
  return JSON.parse(result.stdout.trim().split("\n").at(-1));
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
};

const self = fileURLToPath(import.meta.url);
const rows = [];
let torchVersion = "";
for (const c of suite) {
  const nettopo = [];
  const torch = [];
  const slow = [];
  const ratios = [];
  for (let r = 0; r < rounds; r += 1) {
    // One round: a child of each (alternating), each measuring one epoch after a warm-up epoch.
    const a = run(process.execPath, [
      self,
      "--child",
      c.spec,
      String(c.batch),
      c.optimizer,
      String(steps),
      "1",
      "explicit-transpose",
    ]).stepsPerSecond[0];
    const t = run(PYTHON, [
      join(REPO, "bench", "train-torch.py"),
      c.spec,
      String(c.batch),
      c.optimizer,
      String(steps),
      "1",
      "1",
    ]);
    torchVersion = t.torch;
    nettopo.push(a);
    torch.push(t.stepsPerSecond[0]);
    ratios.push(a / t.stepsPerSecond[0]);
    if (stock && r < 2) {
      slow.push(
        run(process.execPath, [
          self,
          "--child",
          c.spec,
          String(c.batch),
          c.optimizer,
          String(steps),
          "1",
          "stock",
        ]).stepsPerSecond[0],
      );
    }
  }
  rows.push({
    name: c.name,
    batch: c.batch,
    optimizer: c.optimizer,
    nettopo: median(nettopo),
    torch: median(torch),
    ratio: median(ratios),
    stock: slow.length ? median(slow) : undefined,
    note: c.note ?? "",
  });
  process.stderr.write(`done ${c.name}\n`);
}

const pad = (s, n) => String(s).padEnd(n);
const num = (x, d = 1) => (x === undefined ? "-" : x.toFixed(d));
console.log(
  `nettopo trainModel (TF.js wasm, 1 thread) vs PyTorch ${torchVersion} CPU (1 thread); steps/s, median of ${rounds} rounds of ${steps} steps`,
);
console.log(
  `${pad("network", 38)}${pad("batch", 7)}${pad("opt", 6)}${pad("nettopo", 10)}${pad("pytorch", 10)}${pad("ratio", 8)}${pad("stock-grad", 12)}${pad("speed-up", 10)}`,
);
for (const r of rows) {
  console.log(
    `${pad(r.name, 38)}${pad(r.batch, 7)}${pad(r.optimizer, 6)}${pad(num(r.nettopo), 10)}${pad(num(r.torch), 10)}${pad(num(r.ratio, 2), 8)}${pad(num(r.stock), 12)}${pad(r.stock ? `${num(r.nettopo / r.stock, 2)}x` : "-", 10)}${r.note}`,
  );
}
const targets = rows.filter((r) => r.note === "");
console.log(
  `median ratio nettopo/PyTorch over the MLPs: ${median(targets.map((r) => r.ratio)).toFixed(2)} (target >= 0.5)`,
);
