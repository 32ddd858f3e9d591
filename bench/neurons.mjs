#!/usr/bin/env node
// npm run bench:neurons -- [--neurons N] [--samples M|all] [--repeats B] [--dim K]
//                          [--threshold T] [--sampling S] [--workers W] [--rounds R]
//                          [--hidden W1,W2] [--inputs COUNT] [--seed S]
//
// End-to-end benchmark of the bootstrapped topology of neurons: activations
// in memory -> B bootstrapped diagrams with features and their summary,
// nettopo's bootstrapNeuronPersistence against the same pipeline in Python
// (numpy.corrcoef + Debian's Ripser through its command line + the same
// features, bench/neurons_reference.py) on the same samples, in the same run.
// Also times the correlation step alone (all neurons x all inputs):
// neuronDissimilarity against numpy.corrcoef + 1-|corr|. See bench/README.md.

import { spawn } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import * as core from "@nettopo/core";
import * as nn from "@nettopo/nn";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(REPO, "bench", "out");
const PYTHON = process.env.NETTOPO_PYTHON ?? "/usr/bin/python3";
const TIME = "/usr/bin/time";
const REFERENCE = join(REPO, "bench", "neurons_reference.py");

const { values } = parseArgs({
  options: {
    neurons: { type: "string", default: "400" },
    samples: { type: "string", default: "all" },
    repeats: { type: "string", default: "20" },
    dim: { type: "string", default: "1" },
    threshold: { type: "string" },
    sampling: { type: "string", default: "uniform" },
    workers: { type: "string", default: String(availableParallelism()) },
    rounds: { type: "string", default: "1" },
    hidden: { type: "string", default: "500,500" },
    inputs: { type: "string", default: "2000" },
    seed: { type: "string", default: "0" },
    child: { type: "string" },
  },
});

const settings = {
  neurons: Number(values.neurons),
  samples: values.samples === "all" ? undefined : Number(values.samples),
  repeats: Number(values.repeats),
  maxDim: Number(values.dim),
  threshold: values.threshold === undefined ? null : Number(values.threshold),
  sampling: values.sampling,
  workers: Number(values.workers),
  seed: Number(values.seed),
};
const hidden = values.hidden.split(",").map(Number);
const inputCount = Number(values.inputs);
const tag = `${inputCount}-${hidden.join("-")}`;
const NPZ = join(OUT, `neurons-mlp-${tag}.npz`);

if (values.child === "nettopo") await nettopoChild();
else if (values.child === "correlation") await correlationChild();
else await main();

// ------------------------------------------------------------------ data

/**
 * The activations of a random ReLU network 4 -> hidden... (He-initialised,
 * seededRandom(1)) on `inputCount` points of D^4 (ballInCube, seed 0): the
 * hidden layers relu1, relu2, ... as float32, like a model's activations.
 */
function makeActivations() {
  const data = nn.ballInCube({ count: inputCount, dimension: 4, seed: 0 });
  const random = core.seededRandom(1);
  let x = Float64Array.from(data.inputs);
  let d = 4;
  const arrays = [];
  for (const [l, w] of hidden.entries()) {
    const weights = Float64Array.from(
      { length: d * w },
      () => core.gaussian(random) * Math.sqrt(2 / d),
    );
    const bias = Float64Array.from({ length: w }, () => 0.1 * core.gaussian(random));
    const y = new Float32Array(inputCount * w);
    for (let s = 0; s < inputCount; s++) {
      for (let j = 0; j < w; j++) {
        let a = bias[j];
        for (let k = 0; k < d; k++) a += x[s * d + k] * weights[k * w + j];
        y[s * w + j] = Math.max(0, a);
      }
    }
    arrays.push({ name: `relu${l + 1}`, shape: [inputCount, w], data: y });
    x = Float64Array.from(y);
    d = w;
  }
  return arrays;
}

function readLayers() {
  return nn.readNpz(new Uint8Array(readFileSync(NPZ))).map((a) => ({
    name: a.name,
    samples: a.shape[0],
    neurons: a.shape[1],
    values: a.data,
  }));
}

// ------------------------------------------------------------------ children

/** The nettopo side: B repeats from activations in memory; writes the plan and diagrams. */
async function nettopoChild() {
  const layers = readLayers();
  const t0 = performance.now();
  const result = await nn.bootstrapNeuronPersistence(layers, {
    repeats: settings.repeats,
    neurons: settings.neurons,
    ...(settings.samples === undefined ? {} : { inputs: settings.samples }),
    sampling: settings.sampling,
    maxDim: settings.maxDim,
    threshold: settings.threshold ?? Number.POSITIVE_INFINITY,
    seed: settings.seed,
    workers: settings.workers,
  });
  const seconds = (performance.now() - t0) / 1000;
  const offsets = [0];
  for (const layer of layers) offsets.push(offsets.at(-1) + layer.neurons);
  const plan = {
    layers: layers.map((l) => l.name),
    maxDim: settings.maxDim,
    threshold: settings.threshold,
    metric: "1-|corr|",
    repeats: result.repeats.map((r) => ({
      inputs: Array.from(r.inputs),
      neurons: Array.from(r.selection.layers, (l, k) => offsets[l] + r.selection.neurons[k]),
    })),
  };
  writeFileSync(join(OUT, "neurons-plan.json"), JSON.stringify(plan));
  writeFileSync(
    join(OUT, "neurons-nettopo.json"),
    JSON.stringify(
      result.repeats.map((r) =>
        r.diagram.dimensions.map((d) =>
          Array.from(d.births, (b, k) => [b, Number.isFinite(d.deaths[k]) ? d.deaths[k] : null]),
        ),
      ),
    ),
  );
  const dead = Object.values(result.constantNeurons).reduce((a, b) => a + b.length, 0);
  process.stdout.write(`${JSON.stringify({ seconds, dead })}\n`);
}

/** The correlation step alone: all neurons x all inputs, best of 5. */
async function correlationChild() {
  const layers = readLayers();
  let best = Number.POSITIVE_INFINITY;
  for (let k = 0; k < 5; k++) {
    const t = performance.now();
    core.neuronDissimilarity(layers);
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  process.stdout.write(`${JSON.stringify({ seconds: best })}\n`);
}

// ------------------------------------------------------------------ parent

/** Runs a command under /usr/bin/time; resolves with its last stdout line (JSON), wall s and peak MB. */
function timed(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(TIME, ["-f", "%e %M %U %S", command, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c) => {
      stdout += c;
    });
    child.stderr.on("data", (c) => {
      stderr += c;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const lines = stderr.trim().split("\n");
      const [wall, kb, user, system] = lines.at(-1).split(" ").map(Number);
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(" ")} failed (${code}):\n${stderr}`));
        return;
      }
      resolve({
        ...JSON.parse(stdout.trim().split("\n").at(-1)),
        wall,
        cpu: user + system,
        mb: kb / 1024,
      });
    });
  });
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Same bars per dimension within Ripser's 6 printed digits. Bars shorter than
 * 1e-7 are left out on both sides: a correlation of 1 - 2e-16 (float
 * rounding: NumPy and nettopo may differ there) gives a bar [0, 2.2e-16).
 */
function agree(ours, theirs) {
  const long = (p) => p[1] === null || p[1] - p[0] > 1e-7;
  const close = (a, b) =>
    (a === null && b === null) ||
    (a !== null &&
      b !== null &&
      Math.abs(a - b) <= 1e-5 * Math.max(Math.abs(a), Math.abs(b)) + 1e-7);
  for (let r = 0; r < ours.length; r++) {
    for (let k = 0; k < ours[r].length; k++) {
      const key = (p) => [p[0], p[1] ?? Number.POSITIVE_INFINITY];
      const a = ours[r][k]
        .filter(long)
        .map(key)
        .sort((p, q) => p[1] - q[1] || p[0] - q[0]);
      const b = (theirs[r][k] ?? [])
        .filter(long)
        .map(key)
        .sort((p, q) => p[1] - q[1] || p[0] - q[0]);
      if (a.length !== b.length) return `repeat ${r} H${k}: ${a.length} bars vs ${b.length}`;
      for (let i = 0; i < a.length; i++) {
        const fin = (x) => (Number.isFinite(x) ? x : null);
        if (!close(a[i][0], b[i][0]) || !close(fin(a[i][1]), fin(b[i][1]))) {
          return `repeat ${r} H${k}: [${a[i]}] vs [${b[i]}]`;
        }
      }
    }
  }
  return "yes";
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  const arrays = makeActivations();
  writeFileSync(NPZ, nn.writeNpz(arrays));
  const total = arrays.reduce((a, b) => a + b.shape[1], 0);
  const rounds = Number(values.rounds);
  const self = fileURLToPath(import.meta.url);
  const childArgs = process.argv
    .slice(2)
    .filter((a, i, all) => a !== "--rounds" && all[i - 1] !== "--rounds");

  console.log(
    `machine: ${availableParallelism()} cores, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(" ")} (other jobs share the cores: compare CPU s too)`,
  );
  console.log(
    `activations: random ReLU MLP 4-${hidden.join("-")} (He init, seed 1) on ${inputCount} points of D^4: ${total} neurons x ${inputCount} inputs`,
  );
  console.log(
    `pipeline: B = ${settings.repeats} repeats of ${settings.neurons} neurons (${settings.sampling}) x ${settings.samples ?? "all"} inputs, 1-|corr|, dim ${settings.maxDim}${settings.threshold === null ? "" : `, threshold ${settings.threshold}`}; features + Betti curve bands; nettopo with ${settings.workers} workers`,
  );

  const ours = [];
  const theirs = [];
  let dead = 0;
  let agreement = "";
  for (let round = 0; round < rounds; round++) {
    const n = await timed(process.execPath, [self, "--child", "nettopo", ...childArgs]);
    dead = n.dead;
    const p = await timed(PYTHON, [
      REFERENCE,
      NPZ,
      join(OUT, "neurons-plan.json"),
      join(OUT, "neurons-python.json"),
    ]);
    ours.push(n);
    theirs.push(p);
    agreement = agree(
      JSON.parse(readFileSync(join(OUT, "neurons-nettopo.json"), "utf8")),
      JSON.parse(readFileSync(join(OUT, "neurons-python.json"), "utf8")),
    );
  }
  const corrOurs = await timed(process.execPath, [self, "--child", "correlation", ...childArgs]);
  const corrTheirs = await timed(PYTHON, [REFERENCE, "--correlation", NPZ]);

  const m = (xs, key) => median(xs.map((x) => x[key]));
  const rows = [
    ["", "compute s", "process s", "CPU s", "peak MB"],
    [
      "python (numpy + ripser CLI)",
      m(theirs, "seconds"),
      m(theirs, "wall"),
      m(theirs, "cpu"),
      m(theirs, "mb"),
    ],
    ["nettopo", m(ours, "seconds"), m(ours, "wall"), m(ours, "cpu"), m(ours, "mb")],
    [
      "ratio nettopo/python",
      m(ours, "seconds") / m(theirs, "seconds"),
      m(ours, "wall") / m(theirs, "wall"),
      m(ours, "cpu") / m(theirs, "cpu"),
      m(ours, "mb") / m(theirs, "mb"),
    ],
  ];
  console.log(`(${dead} of the ${total} neurons are dead: constant over the inputs)`);
  console.log(
    `python side: corrcoef ${m(theirs, "corrcoef").toFixed(2)} s, ripser ${m(theirs, "ripser").toFixed(2)} s`,
  );
  for (const row of rows) {
    console.log(
      row
        .map((c, i) =>
          (typeof c === "number" ? c.toFixed(i === 0 ? 0 : 2) : c).padStart(i === 0 ? 28 : 11),
        )
        .join(""),
    );
  }
  console.log(`same diagrams (within Ripser's 6 digits): ${agreement}`);
  console.log(
    `correlation alone, ${total} neurons x ${inputCount} inputs (best of 5): numpy corrcoef + 1-|corr| ${corrTheirs.seconds.toFixed(3)} s, nettopo neuronDissimilarity ${corrOurs.seconds.toFixed(3)} s, ratio ${(corrOurs.seconds / corrTheirs.seconds).toFixed(2)}`,
  );
  if (agreement !== "yes") process.exitCode = 1;
}
