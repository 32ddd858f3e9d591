#!/usr/bin/env node
// npm run bench:diagrams -- [--sizes 1000,10000] [--only CASE[,CASE]] [--repeat N]
//                           [--timeout SECONDS] [--list]
//
// Side-by-side benchmark of diagram distances: GUDHI (Debian's python3-gudhi,
// with Hera and POT) against @nettopo/core, on the same seeded random diagrams
// (births uniform in [0, 1], lifetimes exponential with mean 0.1) of 1k and 10k
// points. Both sides time the distance call alone (no process start, no file
// reading), take the minimum of --repeat runs, and the values are compared.
// Exact modes are compared with GUDHI's exact modes; Hera's auction with the
// same relative error as ours. See bench/README.md.

import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(REPO, "bench", "out");
const PYTHON = process.env.NETTOPO_PYTHON ?? "/usr/bin/python3";
const core = await import(pathToFileURL(join(REPO, "packages", "core", "dist", "index.js")).href);

/**
 * The cases: our call, GUDHI's call (a Python expression over arrays a, b and
 * numpy as np), and the tolerance on the relative difference of the values
 * (exact modes must agree to rounding; an auction with relative error delta
 * lands anywhere in [W, (1 + delta) W]).
 */
const CASES = [
  {
    name: "bottleneck",
    ours: (a, b) => core.bottleneckDistance(a, b),
    gudhi: "gudhi.bottleneck_distance(a, b)",
    note: "exact vs GUDHI's default (e = 1 ulp)",
    tolerance: 1e-9,
  },
  {
    name: "W1 exact",
    ours: (a, b) => core.wassersteinDistance(a, b, { order: 1, internalP: Infinity }),
    gudhi: "gudhi.wasserstein.wasserstein_distance(a, b, order=1, internal_p=np.inf)",
    note: "exact vs GUDHI's exact (POT)",
    tolerance: 1e-9,
  },
  {
    name: "W2 exact",
    ours: (a, b) => core.wassersteinDistance(a, b, { order: 2, internalP: 2 }),
    gudhi: "gudhi.wasserstein.wasserstein_distance(a, b, order=2, internal_p=2)",
    note: "exact vs GUDHI's exact (POT)",
    tolerance: 1e-9,
  },
  {
    name: "W1 delta=0.01",
    ours: (a, b) => core.auctionWasserstein(a, b, { order: 1, relativeError: 0.01 }),
    gudhi: "gudhi.hera.wasserstein_distance(a, b, order=1, internal_p=np.inf, delta=0.01)",
    note: "auction vs Hera, same relative error",
    tolerance: 0.02,
  },
  {
    name: "W2 delta=0.01",
    ours: (a, b) => core.auctionWasserstein(a, b, { order: 2, internalP: 2, relativeError: 0.01 }),
    gudhi: "gudhi.hera.wasserstein_distance(a, b, order=2, internal_p=2, delta=0.01)",
    note: "auction vs Hera, same relative error",
    tolerance: 0.02,
  },
];

const { values: flags } = parseArgs({
  options: {
    sizes: { type: "string", default: "1000,10000" },
    only: { type: "string" },
    repeat: { type: "string", default: "3" },
    timeout: { type: "string", default: "300" },
    list: { type: "boolean" },
  },
});
if (flags.list) {
  for (const c of CASES) console.log(`${c.name.padEnd(16)} ${c.note}`);
  process.exit(0);
}
const only = flags.only?.split(",");
const cases = CASES.filter((c) => !only || only.includes(c.name));
const sizes = flags.sizes.split(",").map(Number);
const repeat = Number(flags.repeat);
const timeoutSeconds = Number(flags.timeout);

// ------------------------------------------------------------------ inputs

/** A seeded random diagram: births uniform in [0, 1], lifetimes exponential with mean 0.1. */
function randomDiagram(count, seed) {
  const random = core.seededRandom(seed);
  const births = new Float64Array(count);
  const deaths = new Float64Array(count);
  for (let k = 0; k < count; k += 1) {
    births[k] = random();
    deaths[k] = births[k] - 0.1 * Math.log(1 - random());
  }
  return { births, deaths };
}

/** The diagram as an n x 2 float64 .npy file (NumPy's format, version 1). */
function writeNpy(path, { births, deaths }) {
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': (${births.length}, 2), }`;
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  header = `${header}${" ".repeat(total - 10 - header.length - 1)}\n`;
  const data = new Float64Array(2 * births.length);
  for (let k = 0; k < births.length; k += 1) {
    data[2 * k] = births[k];
    data[2 * k + 1] = deaths[k];
  }
  const prefix = Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, 0, 0]);
  prefix.writeUInt16LE(header.length, 8);
  writeFileSync(
    path,
    Buffer.concat([prefix, Buffer.from(header, "latin1"), Buffer.from(data.buffer)]),
  );
}

// ------------------------------------------------------------------ timing

function timeOurs(run, a, b) {
  let best = Number.POSITIVE_INFINITY;
  let value;
  for (let r = 0; r < repeat; r += 1) {
    const start = process.hrtime.bigint();
    value = run(a, b);
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e9);
  }
  return { value, seconds: best };
}

const GUDHI_SCRIPT = `
import json, sys, time
import numpy as np
import gudhi, gudhi.hera, gudhi.wasserstein
a = np.load(sys.argv[1]); b = np.load(sys.argv[2]); repeat = int(sys.argv[4])
best = float("inf")
for _ in range(repeat):
    start = time.perf_counter()
    value = eval(sys.argv[3])
    best = min(best, time.perf_counter() - start)
print(json.dumps({"value": float(value), "seconds": best}))
`;

function timeGudhi(expression, pathA, pathB) {
  const result = spawnSync(PYTHON, ["-c", GUDHI_SCRIPT, pathA, pathB, expression, String(repeat)], {
    encoding: "utf8",
    timeout: timeoutSeconds * 1000,
  });
  if (result.error?.code === "ETIMEDOUT" || result.signal === "SIGTERM") {
    return { value: Number.NaN, seconds: Number.NaN, note: `> ${timeoutSeconds} s` };
  }
  if (result.status !== 0) {
    const lines = result.stderr.trim().split("\n");
    return { value: Number.NaN, seconds: Number.NaN, note: lines.at(-1) };
  }
  return JSON.parse(result.stdout);
}

// ------------------------------------------------------------------ run

mkdirSync(OUT, { recursive: true });
const rows = [];
const header = ["case", "points", "GUDHI s", "nettopo s", "ratio", "rel. diff", "note"];
console.log(header.join("\t"));
for (const size of sizes) {
  const a = randomDiagram(size, 2 * size + 1);
  const b = randomDiagram(size, 2 * size + 2);
  const pathA = join(OUT, `diagram_${size}_a.npy`);
  const pathB = join(OUT, `diagram_${size}_b.npy`);
  writeNpy(pathA, a);
  writeNpy(pathB, b);
  for (const c of cases) {
    const theirs = timeGudhi(c.gudhi, pathA, pathB);
    const ours = timeOurs(c.ours, a, b);
    const ratio = ours.seconds / theirs.seconds;
    const difference = Math.abs(ours.value - theirs.value) / Math.abs(theirs.value);
    const agree = Number.isNaN(difference) || difference <= c.tolerance;
    const row = [
      c.name,
      size,
      Number.isNaN(theirs.seconds) ? theirs.note : theirs.seconds.toFixed(3),
      ours.seconds.toFixed(3),
      Number.isNaN(ratio) ? "-" : ratio.toFixed(2),
      Number.isNaN(difference) ? "-" : difference.toExponential(1),
      `${c.note}${agree ? "" : " VALUES DIFFER"}`,
    ];
    rows.push({ ratio, agree });
    console.log(row.join("\t"));
  }
}
const ratios = rows.map((r) => r.ratio).filter((r) => !Number.isNaN(r));
if (ratios.length > 0) {
  ratios.sort((x, y) => x - y);
  console.log(`median ratio nettopo/GUDHI: ${ratios[Math.floor(ratios.length / 2)].toFixed(2)}`);
}
if (rows.some((r) => !r.agree)) {
  console.error("bench:diagrams: some values differ beyond the tolerance (marked above)");
  process.exitCode = 1;
}
