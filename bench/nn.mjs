#!/usr/bin/env node
// npm run bench:nn -- [--count N] [--batch N] [--threads N] [--layers a,b,c]
//                     [--repeat N] [--data fashion-mnist|random]
//
// Activation extraction throughput (images/s) of the CNN of
// fixtures/onnx/cnn.onnx: nettopo (extractActivations into an
// ActivationCollector, onnxruntime-node on the CPU) against PyTorch on the
// CPU running the network the ONNX file was exported from (make_cnn of
// scripts/fixtures/onnx.py, the same seeded weights) with forward hooks on the
// same modules copying each batch's outputs into preallocated arrays. Same
// images (the Fashion-MNIST test set scaled to [0, 1], or seeded uniform
// noise), same batch size, same thread count (torch.set_num_threads), in the
// same run; each side's best of --repeat timed runs after a warm-up batch.
// The activations of the first batch are compared (1e-4 relative). See
// bench/README.md.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { gunzipSync } from "node:zlib";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(REPO, "bench", "out");
const PYTHON = process.env.NETTOPO_PYTHON ?? "/usr/bin/python3";
const MODEL = join(REPO, "fixtures", "onnx", "cnn.onnx");
const FASHION = "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz";
const nn = await import(pathToFileURL(join(REPO, "packages", "nn", "dist", "index.js")).href);

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "10000" },
    batch: { type: "string", default: "256" },
    threads: { type: "string", default: "1" },
    layers: { type: "string", default: "features.1,features.4,relu,fc2" },
    repeat: { type: "string", default: "3" },
    data: { type: "string", default: existsSync(FASHION) ? "fashion-mnist" : "random" },
  },
});
const count = Number(values.count);
const batch = Number(values.batch);
const threads = Number(values.threads);
const repeat = Number(values.repeat);
const layers = values.layers.split(",");

/** The images, [count, 28, 28] float32 in [0, 1]. */
function images() {
  const inputs = new Float32Array(count * 784);
  if (values.data === "fashion-mnist") {
    // IDX: magic 0x00000803, count, rows, columns (big-endian), then bytes.
    const idx = gunzipSync(readFileSync(FASHION));
    const available = idx.readUInt32BE(4);
    if (idx.readUInt32BE(0) !== 0x803 || available < count) {
      throw new Error(`${FASHION}: expected an IDX file of at least ${count} 28x28 images`);
    }
    for (let i = 0; i < inputs.length; i += 1) inputs[i] = idx[16 + i] / 255;
  } else {
    let state = 1;
    for (let i = 0; i < inputs.length; i += 1) {
      state = (state * 48271) % 2147483647;
      inputs[i] = state / 2147483647;
    }
  }
  return { count, sampleShape: [28, 28], inputs };
}

/** Runs the PyTorch side; returns its best time and writes its first batch's activations. */
function pytorch(inputPath) {
  const script = `
import importlib.util, json, sys, time
import numpy as np
spec = importlib.util.spec_from_file_location("nettopo_onnx_fixtures", sys.argv[1])
fixtures = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fixtures)
import torch
input_path, out = sys.argv[2], sys.argv[8]
count, batch, threads, repeat = map(int, sys.argv[3:7])
layers = sys.argv[7].split(",")
torch.set_num_threads(threads)
torch.set_num_interop_threads(1)
x = torch.from_numpy(np.fromfile(input_path, dtype="<f4").reshape(count, 1, 28, 28))
model = fixtures.make_cnn()
modules = dict(model.named_modules())
with torch.inference_mode():
    sizes = {}
    handles = [modules[n].register_forward_hook(lambda m, i, o, n=n: sizes.__setitem__(n, o[0].numel())) for n in layers]
    model(x[:1])
    for h in handles: h.remove()
results = {n: np.empty((count, sizes[n]), dtype=np.float32) for n in layers}
cursor = [0]
def hook_for(n):
    def hook(_module, _inputs, output):
        b = output.shape[0]
        results[n][cursor[0]:cursor[0] + b] = output.reshape(b, -1).numpy()
    return hook
for n in layers:
    modules[n].register_forward_hook(hook_for(n))
def run():
    with torch.inference_mode():
        for start in range(0, count, batch):
            cursor[0] = start
            model(x[start:start + batch])
with torch.inference_mode():
    model(x[:batch])  # warm-up
times = []
for _ in range(repeat):
    t = time.perf_counter()
    run()
    times.append(time.perf_counter() - t)
for n in layers:
    results[n][:batch].astype("<f4").tofile(f"{out}-{n}.f32")
print(json.dumps({"seconds": min(times), "torch": torch.__version__}))
`;
  const run = spawnSync(
    PYTHON,
    [
      "-c",
      script,
      join(REPO, "scripts", "fixtures", "onnx.py"),
      inputPath,
      String(count),
      String(batch),
      String(threads),
      String(repeat),
      layers.join(","),
      join(OUT, "nn-torch"),
    ],
    { encoding: "utf8", maxBuffer: 1 << 24 },
  );
  if (run.status !== 0) throw new Error(`PyTorch side failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split("\n").at(-1));
}

/** nettopo's best time over `repeat` runs after a warm-up batch. */
async function nettopo(model, input) {
  const options = { batchSize: batch, threads };
  await nn.extractActivations(model, input, layers, {
    ...options,
    limit: batch,
    sink: new nn.ActivationCollector(),
  });
  let best = Number.POSITIVE_INFINITY;
  let collector;
  for (let r = 0; r < repeat; r += 1) {
    collector = new nn.ActivationCollector({ budgetBytes: 8 * 2 ** 30 });
    const start = process.hrtime.bigint();
    await nn.extractActivations(model, input, layers, { ...options, sink: collector });
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { seconds: best, collector };
}

mkdirSync(OUT, { recursive: true });
const input = images();
const inputPath = join(OUT, "nn-input.f32");
writeFileSync(inputPath, input.inputs);
const model = await nn.loadOnnxModel(MODEL, { threads });
const bytes = nn.estimateActivationBytes(model, layers, count);
console.log(
  `CNN activations (fixtures/onnx/cnn.onnx): ${count} ${values.data === "fashion-mnist" ? "Fashion-MNIST test images" : "random 28x28 images"}, batch ${batch}, ${threads} thread(s), layers ${layers.join(", ")} (${nn.formatBytes(bytes)} of activations)`,
);
const ours = await nettopo(model, input);
const theirs = pytorch(inputPath);

let worst = 0;
for (const name of layers) {
  const raw = readFileSync(join(OUT, `nn-torch-${name}.f32`));
  const want = new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
  const got = ours.collector.get(name).data;
  for (let i = 0; i < want.length; i += 1) {
    worst = Math.max(worst, Math.abs(got[i] - want[i]) / Math.max(Math.abs(want[i]), 1e-2));
  }
}
const rows = [
  [`PyTorch ${theirs.torch} (hooks)`, theirs.seconds],
  ["nettopo (onnxruntime-node)", ours.seconds],
];
console.log(`${"".padEnd(28)}  ${"seconds".padStart(8)}  ${"images/s".padStart(9)}`);
for (const [name, seconds] of rows) {
  console.log(
    `${name.padEnd(28)}  ${seconds.toFixed(3).padStart(8)}  ${Math.round(count / seconds)
      .toString()
      .padStart(9)}`,
  );
}
console.log(`throughput ratio nettopo/PyTorch: ${(theirs.seconds / ours.seconds).toFixed(2)}`);
console.log(
  `agreement on the first batch: max |difference| / max(|PyTorch|, 0.01) = ${worst.toExponential(2)} ${worst <= 1e-4 ? "(within 1e-4)" : "MISMATCH"}`,
);
if (worst > 1e-4) process.exitCode = 1;
