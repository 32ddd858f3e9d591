#!/usr/bin/env node
// npm run bench:nn -- [--count N] [--batch N] [--threads N] [--layers a,b,c]
//                     [--repeat N] [--data fashion-mnist|random] [--sink memory|none]
//
// Activation extraction throughput (images/s) of the CNN of
// fixtures/onnx/cnn.onnx: nettopo (extractActivations into an
// ActivationCollector, onnxruntime-node on the CPU) against PyTorch on the
// CPU running the network the ONNX file was exported from (make_cnn of
// scripts/fixtures/onnx.py, the same seeded weights) with forward hooks on the
// same modules copying each batch's outputs into preallocated arrays. Same
// images (the Fashion-MNIST test set scaled to [0, 1], or seeded uniform
// noise), same batch size, same thread count (torch.set_num_threads), in the
// same run: --repeat rounds, each timing one pass of nettopo then one of
// PyTorch (after a warm-up batch each); the best times count.
// The activations of the first batch are compared (1e-4 relative). With
// --sink none both sides drop the activations after the first batch (the
// cost of the passes alone, without filling 10000-row arrays). See
// bench/README.md.

import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
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
    repeat: { type: "string", default: "5" },
    data: { type: "string", default: existsSync(FASHION) ? "fashion-mnist" : "random" },
    sink: { type: "string", default: "memory" },
  },
});
const count = Number(values.count);
const batch = Number(values.batch);
const threads = Number(values.threads);
const repeat = Number(values.repeat);
const layers = values.layers.split(",");
if (values.sink !== "memory" && values.sink !== "none") {
  throw new Error(`--sink ${values.sink}: expected memory or none`);
}
const keep = values.sink === "memory";

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

/**
 * The PyTorch side, a Python process that answers commands on stdin, one JSON
 * line each: "run" (one timed pass over the images, fresh result arrays as
 * nettopo's collector has), "dump" (writes the first batch's activations),
 * "quit".
 */
const PYTORCH = `
import importlib.util, json, sys, time
import numpy as np
spec = importlib.util.spec_from_file_location("nettopo_onnx_fixtures", sys.argv[1])
fixtures = importlib.util.module_from_spec(spec)
spec.loader.exec_module(fixtures)
import torch
input_path, out, keep = sys.argv[2], sys.argv[7], sys.argv[8] == "memory"
count, batch, threads = map(int, sys.argv[3:6])
layers = sys.argv[6].split(",")
torch.set_num_threads(threads)
torch.set_num_interop_threads(1)
x = torch.from_numpy(np.fromfile(input_path, dtype="<f4").reshape(count, 1, 28, 28))
model = fixtures.make_cnn()
modules = dict(model.named_modules())
with torch.inference_mode():
    sizes = {}
    handles = [modules[n].register_forward_hook(lambda m, i, o, n=n: sizes.__setitem__(n, o[0].numel())) for n in layers]
    model(x[:batch])  # also the warm-up
    for h in handles: h.remove()
results = {}
cursor = [0]
def hook_for(n):
    def hook(_module, _inputs, output):
        b = output.shape[0]
        if keep or cursor[0] == 0:
            results[n][cursor[0]:cursor[0] + b] = output.reshape(b, -1).numpy()
    return hook
for n in layers:
    modules[n].register_forward_hook(hook_for(n))
def run():
    for n in layers:
        results[n] = np.empty((count if keep else batch, sizes[n]), dtype=np.float32)
    with torch.inference_mode():
        for start in range(0, count, batch):
            cursor[0] = start
            model(x[start:start + batch])
def answer(value):
    print(json.dumps(value), flush=True)
answer({"torch": torch.__version__})
for line in sys.stdin:
    command = line.strip()
    if command == "run":
        t, c = time.perf_counter(), time.process_time()
        run()
        answer({"seconds": time.perf_counter() - t, "cpu": time.process_time() - c})
    elif command == "dump":
        for n in layers:
            results[n][:batch].astype("<f4").tofile(f"{out}-{n}.f32")
        answer({"dumped": True})
    else:
        break
`;

/** Starts the PyTorch side; `ask(command)` resolves with its answer. */
async function startPytorch(inputPath) {
  const child = spawn(
    PYTHON,
    [
      "-c",
      PYTORCH,
      join(REPO, "scripts", "fixtures", "onnx.py"),
      inputPath,
      String(count),
      String(batch),
      String(threads),
      layers.join(","),
      join(OUT, "nn-torch"),
      values.sink,
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => {
    const { value, done } = await lines.next();
    if (done) throw new Error(`the PyTorch side (${PYTHON}) ended early`);
    return JSON.parse(value);
  };
  const hello = await next();
  return {
    version: hello.torch,
    ask: (command) => {
      child.stdin.write(`${command}\n`);
      return next();
    },
    quit: () => child.stdin.end("quit\n"),
  };
}

/** One timed nettopo pass over the images into a fresh collector. */
async function nettopoRun(model, input) {
  // --sink none keeps the first batch only (to compare it), as PyTorch's hooks then do.
  const collector = new nn.ActivationCollector({ budgetBytes: 8 * 2 ** 30 });
  const sink = keep
    ? collector
    : {
        begin: (l, n) => collector.begin(l, Math.min(n, batch)),
        onBatch: (layer, rows, data, first) => {
          if (first === 0) collector.onBatch(layer, rows, data, first);
        },
      };
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await nn.extractActivations(model, input, layers, { batchSize: batch, threads, sink });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const used = process.cpuUsage(cpu);
  return { seconds, cpu: (used.user + used.system) / 1e6, collector };
}

mkdirSync(OUT, { recursive: true });
const input = images();
const inputPath = join(OUT, "nn-input.f32");
writeFileSync(inputPath, input.inputs);
const model = await nn.loadOnnxModel(MODEL, { threads });
const bytes = nn.estimateActivationBytes(model, layers, count);
console.log(
  `CNN activations (fixtures/onnx/cnn.onnx), ${keep ? "kept in memory" : "dropped after the first batch"}: ${count} ${values.data === "fashion-mnist" ? "Fashion-MNIST test images" : "random 28x28 images"}, batch ${batch}, ${threads} thread(s), layers ${layers.join(", ")} (${nn.formatBytes(bytes)} of activations)`,
);
const torch = await startPytorch(inputPath);
// Warm-up: one batch of nettopo (PyTorch ran one when it started).
await nn.extractActivations(model, input, layers, {
  batchSize: batch,
  threads,
  limit: batch,
  sink: new nn.ActivationCollector(),
});
// Interleaved rounds, so that both sides see the same load of the machine.
const ourRuns = [];
const theirRuns = [];
let last;
for (let r = 0; r < repeat; r += 1) {
  last = await nettopoRun(model, input);
  ourRuns.push(last);
  theirRuns.push(await torch.ask("run"));
}
await torch.ask("dump");
torch.quit();
const best = (runs, key) => Math.min(...runs.map((run) => run[key]));

let worst = 0;
for (const name of layers) {
  const raw = readFileSync(join(OUT, `nn-torch-${name}.f32`));
  const want = new Float32Array(raw.buffer, raw.byteOffset, raw.length / 4);
  const got = last.collector.get(name).data;
  for (let i = 0; i < want.length; i += 1) {
    worst = Math.max(worst, Math.abs(got[i] - want[i]) / Math.max(Math.abs(want[i]), 1e-2));
  }
}
const rows = [
  [`PyTorch ${torch.version} (hooks)`, theirRuns],
  ["nettopo (onnxruntime-node)", ourRuns],
];
console.log(
  `${"".padEnd(28)}  ${"wall s".padStart(7)}  ${"images/s".padStart(9)}  ${"CPU s".padStart(7)}`,
);
for (const [name, runs] of rows) {
  const wall = best(runs, "seconds");
  console.log(
    `${name.padEnd(28)}  ${wall.toFixed(3).padStart(7)}  ${String(Math.round(count / wall)).padStart(9)}  ${best(runs, "cpu").toFixed(3).padStart(7)}`,
  );
}
const perRound = ourRuns.map((run, r) => theirRuns[r].seconds / run.seconds).sort((a, b) => a - b);
console.log(
  `throughput ratio nettopo/PyTorch: ${(best(theirRuns, "seconds") / best(ourRuns, "seconds")).toFixed(2)} wall (best of ${repeat} interleaved rounds; per round ${perRound[0].toFixed(2)}-${perRound.at(-1).toFixed(2)}), ${(best(theirRuns, "cpu") / best(ourRuns, "cpu")).toFixed(2)} CPU time`,
);
console.log(
  `agreement on the first batch: max |difference| / max(|PyTorch|, 0.01) = ${worst.toExponential(2)} ${worst <= 1e-4 ? "(within 1e-4)" : "MISMATCH"}`,
);
if (worst > 1e-4) process.exitCode = 1;
