#!/usr/bin/env node
// npm run bench:ph -- [--only NAME[,NAME]] [--skip NAME[,NAME]] [--timeout SECONDS]
//                     [--repeat N] [--list]
//
// Side-by-side benchmark of Vietoris-Rips persistent homology: Debian's
// `ripser` (Ripser 1.2.1, C++) against `nettopo ph`, on Ripser's standard
// benchmark inputs (../shared/bench-data, see its README) and on generated
// inputs written under bench/out/. For each input both tools run under
// `/usr/bin/time -f '%e %M'` (wall seconds, peak resident memory), their
// barcodes are parsed and compared as multisets per dimension, and a table of
// times, memory and ratios nettopo/ripser is printed, then the median ratios.
// See bench/README.md.

import { spawn } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync, renameSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const DATA = process.env.NETTOPO_BENCH_DATA ?? resolve(REPO, "..", "shared", "bench-data");
const OUT = join(REPO, "bench", "out");
const RIPSER = process.env.NETTOPO_RIPSER ?? "/usr/bin/ripser";
const TIME = "/usr/bin/time";
const NETTOPO = join(REPO, "packages", "cli", "bin", "nettopo.js");
const RELATIVE_TOLERANCE = 1e-5; // both tools print 6 significant digits

// ------------------------------------------------------------------ inputs

/**
 * Ripser's benchmark suite with the parameters it runs them with (its
 * `--ratio 2` only filters what is printed, so it is left out here).
 */
const SUITE = [
  ["sphere_3_192", "sphere_3_192_points.dat", "point-cloud", ["--dim", "2"]],
  ["o3_1024", "o3_1024.txt", "point-cloud", ["--dim", "3", "--threshold", "1.8"]],
  ["o3_4096", "o3_4096.txt", "point-cloud", ["--dim", "3", "--threshold", "1.4"], "heavy"],
  [
    "clifford_torus_50000",
    "clifford_torus_50000.points.txt",
    "point-cloud",
    ["--dim", "2", "--threshold", "0.15"],
    "heavy",
  ],
  ["random_point_cloud_50_16", "random_point_cloud_50_16_.txt", "point-cloud", ["--dim", "7"]],
  [
    "fractal_9_5_2",
    "fractal_9_5_2_random_edge_list.txt_0.19795_distmat.txt",
    "distance",
    ["--dim", "2"],
  ],
  ["dragon_2000", "dragon_vrip.ply.txt_2000_.txt", "point-cloud", ["--dim", "1"]],
].map(([name, file, format, args, note]) => ({
  name,
  file: () => join(DATA, file),
  format,
  args,
  note: note ?? "",
}));

/** Generated inputs (seeded), written as lower-distance text under bench/out/. */
const GENERATED = [
  {
    name: "sphere2_1500",
    format: "lower-distance",
    // Without a threshold Ripser runs for minutes (over 200 s on 1000 points);
    // at 0.6 the sphere's H2 class is born (~0.34) and stays essential.
    args: ["--dim", "2", "--threshold", "0.6"],
    note: "1500 uniform points on S^2",
    file: () => generated("sphere2_1500.seed1", () => euclideanRows(spherePoints(1500, 1))),
  },
  {
    name: "torus3_1500",
    format: "lower-distance",
    // At 0.5 both loops and the void are born and stay essential.
    args: ["--dim", "2", "--threshold", "0.5"],
    note: "1500 area-uniform points on a torus in R^3 (R=1, r=0.4)",
    file: () => generated("torus3_1500.seed2", () => euclideanRows(torusPoints(1500, 1, 0.4, 2))),
  },
  {
    name: "neurons_1000",
    format: "lower-distance",
    args: ["--dim", "1"],
    note: "1-|corr| of 1000 neurons, 2000 samples of rank-8 signal + noise",
    file: () => generated("neurons_1000.seed3", () => neuronRows(2000, 1000, 8, 0.5, 3)),
  },
];

const INPUTS = [...SUITE, ...GENERATED];

// ------------------------------------------------------------------ data generation

/** @nettopo/core, loaded once the build is known to exist (see main). */
let core;

/** Standard normal numbers from core's seeded generator. */
function normalGenerator(seed) {
  const random = core.seededRandom(seed);
  return () => core.gaussian(random);
}

function spherePoints(count, seed) {
  const normal = normalGenerator(seed);
  const points = new Float64Array(3 * count);
  for (let i = 0; i < count; i += 1) {
    const x = normal();
    const y = normal();
    const z = normal();
    const norm = Math.hypot(x, y, z);
    points[3 * i] = x / norm;
    points[3 * i + 1] = y / norm;
    points[3 * i + 2] = z / norm;
  }
  return { points, dimension: 3, count };
}

/** Area-uniform points on the torus of radii R > r (rejection sampling). */
function torusPoints(count, bigRadius, smallRadius, seed) {
  const uniform = core.seededRandom(seed);
  const points = new Float64Array(3 * count);
  for (let i = 0; i < count; ) {
    const u = 2 * Math.PI * uniform();
    const v = 2 * Math.PI * uniform();
    if (uniform() * (bigRadius + smallRadius) > bigRadius + smallRadius * Math.cos(v)) continue;
    const ring = bigRadius + smallRadius * Math.cos(v);
    points[3 * i] = ring * Math.cos(u);
    points[3 * i + 1] = ring * Math.sin(u);
    points[3 * i + 2] = smallRadius * Math.sin(v);
    i += 1;
  }
  return { points, dimension: 3, count };
}

/** Rows of the lower triangle of the Euclidean distance matrix. */
function* euclideanRows({ points, dimension, count }) {
  for (let i = 0; i < count; i += 1) {
    const row = new Float64Array(i);
    for (let j = 0; j < i; j += 1) {
      let sum = 0;
      for (let k = 0; k < dimension; k += 1) {
        const d = points[i * dimension + k] - points[j * dimension + k];
        sum += d * d;
      }
      row[j] = Math.sqrt(sum);
    }
    yield row;
  }
}

/**
 * Rows of the lower triangle of 1-|corr| between the neurons (columns) of a
 * samples x neurons activation matrix A = Z W + noise * E, with Z (samples x
 * rank), W (rank x neurons) and E standard normal: structured, low-rank
 * activations as trained networks have.
 */
function* neuronRows(samples, neurons, rank, noise, seed) {
  const normal = normalGenerator(seed);
  const z = Float64Array.from({ length: samples * rank }, normal);
  const w = Float64Array.from({ length: rank * neurons }, normal);
  // Column-major activations: neuron j occupies columns[j*samples .. (j+1)*samples).
  const columns = new Float64Array(samples * neurons);
  for (let j = 0; j < neurons; j += 1) {
    let mean = 0;
    for (let s = 0; s < samples; s += 1) {
      let value = noise * normal();
      for (let r = 0; r < rank; r += 1) value += z[s * rank + r] * w[r * neurons + j];
      columns[j * samples + s] = value;
      mean += value;
    }
    mean /= samples;
    let norm = 0;
    for (let s = 0; s < samples; s += 1) {
      const centred = columns[j * samples + s] - mean;
      columns[j * samples + s] = centred;
      norm += centred * centred;
    }
    norm = Math.sqrt(norm);
    for (let s = 0; s < samples; s += 1) columns[j * samples + s] /= norm;
  }
  for (let i = 0; i < neurons; i += 1) {
    const row = new Float64Array(i);
    for (let j = 0; j < i; j += 1) {
      let dot = 0;
      for (let s = 0; s < samples; s += 1)
        dot += columns[i * samples + s] * columns[j * samples + s];
      row[j] = Math.max(0, 1 - Math.abs(dot));
    }
    yield row;
  }
}

/**
 * The path of bench/out/NAME.lower.txt, written from `rows()` if absent:
 * lower-distance text with an empty first line and a separator after each
 * value (read the same by Debian's ripser 1.2.1 and current Ripser), values
 * printed with 9 significant digits (exact for float32).
 */
function generated(name, rows) {
  const path = join(OUT, `${name}.lower.txt`);
  if (existsSync(path)) return Promise.resolve(path);
  mkdirSync(OUT, { recursive: true });
  process.stderr.write(`generating ${path} ...\n`);
  const partial = `${path}.partial`;
  const stream = createWriteStream(partial);
  return new Promise((resolvePath, reject) => {
    stream.on("error", reject);
    const iterator = rows();
    const writeMore = () => {
      for (;;) {
        const next = iterator.next();
        if (next.done) {
          stream.end(() => {
            renameSync(partial, path);
            resolvePath(path);
          });
          return;
        }
        let line = "";
        for (const value of next.value) line += `${Number(value.toPrecision(9))},`;
        if (!stream.write(`${line}\n`)) {
          stream.once("drain", writeMore);
          return;
        }
      }
    };
    writeMore();
  });
}

// ------------------------------------------------------------------ running

/**
 * Runs `command args` under /usr/bin/time; resolves to { status, seconds, mb,
 * stdout, stderr, reason }. status: "ok", "timeout", "refused" (a non-zero
 * exit with a one-line message) or "failed".
 */
function timed(command, args, timeoutSeconds) {
  return new Promise((resolveRun) => {
    const child = spawn(TIME, ["-f", "%e %M", command, ...args], {
      cwd: REPO,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out = [];
    const err = [];
    child.stdout.on("data", (chunk) => out.push(chunk));
    child.stderr.on("data", (chunk) => err.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        process.kill(-child.pid, "SIGKILL"); // the process group this run started
      } catch {
        // already gone
      }
    }, timeoutSeconds * 1000);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out).toString("utf8");
      const stderrLines = Buffer.concat(err).toString("utf8").trimEnd().split("\n");
      const measured = /^(\d+(?:\.\d+)?) (\d+)$/.exec(stderrLines.at(-1) ?? "");
      const messages = stderrLines.filter(
        (line, k) => line !== "" && !(k === stderrLines.length - 1 && measured),
      );
      const seconds = measured ? Number(measured[1]) : Number.NaN;
      const mb = measured ? Number(measured[2]) / 1024 : Number.NaN;
      const base = { seconds, mb, stdout, stderr: messages.join("\n") };
      if (timedOut) {
        resolveRun({ ...base, status: "timeout", reason: `over ${timeoutSeconds} s` });
        return;
      }
      const exited = messages.find((line) => line.startsWith("Command exited with non-zero"));
      const killed = messages.find((line) => line.startsWith("Command terminated by signal"));
      const own = messages.filter((line) => line !== exited && line !== killed);
      if (code === 0 && exited === undefined && killed === undefined) {
        resolveRun({ ...base, status: "ok", reason: "" });
      } else if (killed === undefined && signal === null && own.length === 1) {
        resolveRun({ ...base, status: "refused", reason: own[0] });
      } else {
        const why = killed ?? exited ?? `exit code ${code}${signal ? `, signal ${signal}` : ""}`;
        resolveRun({ ...base, status: "failed", reason: [why, ...own.slice(-3)].join(" | ") });
      }
    });
  });
}

function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The run whose time is the median of the repeats (memory: the median too). */
function summarise(runs) {
  const failed = runs.find((run) => run.status !== "ok");
  if (failed !== undefined) return failed;
  return {
    ...runs[0],
    seconds: median(runs.map((run) => run.seconds)),
    mb: median(runs.map((run) => run.mb)),
  };
}

// ------------------------------------------------------------------ main

function usage() {
  return [
    "usage: npm run bench:ph -- [options]",
    "  --only NAME[,NAME]   run only these inputs (repeatable)",
    "  --skip NAME[,NAME]   leave these inputs out (repeatable), e.g. --skip o3_4096,clifford_torus_50000",
    "  --timeout SECONDS    limit of each run (default 300); a run past it is reported as timeout",
    "  --repeat N           run each tool N times and report the median (default 1)",
    "  --list               list the inputs and exit",
    `inputs: ${INPUTS.map((input) => input.name).join(", ")}`,
    "environment: NETTOPO_BENCH_DATA (default ../shared/bench-data), NETTOPO_RIPSER (default /usr/bin/ripser)",
  ].join("\n");
}

function parseOptions(argv) {
  const options = { only: [], skip: [], timeout: 300, repeat: 1, list: false };
  const names = new Set(INPUTS.map((input) => input.name));
  const take = (k, flag) => {
    const value = argv[k + 1];
    if (value === undefined) throw new Error(`${flag} needs a value\n${usage()}`);
    return value;
  };
  const namesOf = (value, flag) => {
    const list = value.split(",").filter((name) => name !== "");
    for (const name of list) {
      if (!names.has(name)) throw new Error(`${flag}: unknown input ${name}\n${usage()}`);
    }
    return list;
  };
  for (let k = 0; k < argv.length; k += 1) {
    const flag = argv[k];
    if (flag === "--only") options.only.push(...namesOf(take(k++, flag), flag));
    else if (flag === "--skip") options.skip.push(...namesOf(take(k++, flag), flag));
    else if (flag === "--timeout" || flag === "--repeat") {
      const value = Number(take(k++, flag));
      if (!(value > 0) || (flag === "--repeat" && !Number.isInteger(value))) {
        throw new Error(
          `${flag}: expected a positive ${flag === "--repeat" ? "integer" : "number"}`,
        );
      }
      options[flag.slice(2)] = value;
    } else if (flag === "--list") options.list = true;
    else if (flag === "--help" || flag === "-h") {
      process.stdout.write(`${usage()}\n`);
      process.exit(0);
    } else throw new Error(`unknown option ${flag}\n${usage()}`);
  }
  return options;
}

function fixed(value, digits) {
  return Number.isFinite(value) ? value.toFixed(digits) : "-";
}

function printTable(rows) {
  const header = [
    "input",
    "ripser s",
    "nettopo s",
    "time ratio",
    "ripser MB",
    "nettopo MB",
    "memory ratio",
    "agree",
  ];
  const lines = [header, ...rows.map((row) => row.cells)];
  const widths = header.map((_, c) => Math.max(...lines.map((line) => line[c].length)));
  const format = (line) =>
    line.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ");
  process.stdout.write(`\n${format(header)}\n${widths.map((w) => "-".repeat(w)).join("  ")}\n`);
  for (const row of rows) process.stdout.write(`${format(row.cells)}\n`);
}

async function main() {
  let options;
  try {
    options = parseOptions(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`bench:ph: ${error.message}\n`);
    return 2;
  }
  if (options.list) {
    for (const input of INPUTS) {
      process.stdout.write(`${input.name.padEnd(26)} ${input.args.join(" ")}  ${input.note}\n`);
    }
    return 0;
  }
  for (const [path, what] of [
    [RIPSER, "Debian's ripser: apt-get install ripser"],
    [TIME, "GNU time: apt-get install time"],
    [NETTOPO, "the nettopo CLI: npm install at the repository root"],
  ]) {
    if (!existsSync(path)) {
      process.stderr.write(`bench:ph: ${path} not found (${what})\n`);
      return 2;
    }
  }
  const supportPath = join(REPO, "packages", "core", "dist", "test-support", "barcodes.js");
  if (!existsSync(supportPath)) {
    process.stderr.write(`bench:ph: ${supportPath} not found: build first (npm run build)\n`);
    return 2;
  }
  const { compareBarcodes, describeMismatches, parseRipserBarcodes } = await import(
    pathToFileURL(supportPath).href
  );
  core = await import("@nettopo/core");

  const selected = INPUTS.filter(
    (input) =>
      (options.only.length === 0 || options.only.includes(input.name)) &&
      !options.skip.includes(input.name),
  );
  process.stdout.write(
    `bench:ph: ripser ${RIPSER} vs nettopo ${NETTOPO}; data ${DATA}; ` +
      `timeout ${options.timeout} s, repeat ${options.repeat}\n`,
  );
  const rows = [];
  const notes = [];
  let mismatches = 0;
  let missingInputs = 0;
  for (const input of selected) {
    const file = await input.file();
    if (!existsSync(file)) {
      notes.push(`${input.name}: input ${file} not found (set NETTOPO_BENCH_DATA)`);
      missingInputs += 1;
      rows.push({ cells: [input.name, "-", "-", "-", "-", "-", "-", "no input"] });
      continue;
    }
    const ripserArgs = ["--format", input.format, ...input.args, file];
    const nettopoArgs = [
      NETTOPO,
      "ph",
      "--format",
      "text",
      "--input",
      input.format,
      ...input.args,
      file,
    ];
    process.stderr.write(`${input.name}: ${input.args.join(" ")} ...\n`);
    const ripserRuns = [];
    const nettopoRuns = [];
    for (let k = 0; k < options.repeat; k += 1) {
      ripserRuns.push(await timed(RIPSER, ripserArgs, options.timeout));
      nettopoRuns.push(await timed(process.execPath, nettopoArgs, options.timeout));
    }
    const ripser = summarise(ripserRuns);
    const nettopo = summarise(nettopoRuns);
    let agree;
    if (ripser.status !== "ok" || nettopo.status !== "ok") {
      agree = nettopo.status !== "ok" ? nettopo.status : `ripser ${ripser.status}`;
      for (const [tool, run] of [
        ["ripser", ripser],
        ["nettopo", nettopo],
      ]) {
        if (run.status !== "ok") notes.push(`${input.name}: ${tool} ${run.status}: ${run.reason}`);
      }
    } else {
      const expected = parseRipserBarcodes(ripser.stdout);
      const actual = parseRipserBarcodes(nettopo.stdout);
      const differences = compareBarcodes(actual, expected, { relative: RELATIVE_TOLERANCE });
      const counts = expected.map((d) => `H${d.dim}:${d.pairs.length}`).join(" ");
      if (differences.length === 0) agree = "yes";
      else {
        agree = "MISMATCH";
        mismatches += 1;
        process.stderr.write(
          `\n!!!!!! MISMATCH on ${input.name} (ripser ${counts}) !!!!!!\n` +
            `${describeMismatches(differences)}\n\n`,
        );
        notes.push(`${input.name}: MISMATCH, see above`);
      }
      notes.push(`${input.name}: ${counts}`);
    }
    const timeRatio = nettopo.seconds / ripser.seconds;
    const memoryRatio = nettopo.mb / ripser.mb;
    const bothOk = ripser.status === "ok" && nettopo.status === "ok";
    rows.push({
      timeRatio: bothOk ? timeRatio : Number.NaN,
      memoryRatio: bothOk ? memoryRatio : Number.NaN,
      cells: [
        input.name,
        ripser.status === "ok" ? fixed(ripser.seconds, 2) : ripser.status,
        nettopo.status === "ok" ? fixed(nettopo.seconds, 2) : nettopo.status,
        bothOk ? fixed(timeRatio, 2) : "-",
        ripser.status === "ok" ? fixed(ripser.mb, 1) : "-",
        nettopo.status === "ok" ? fixed(nettopo.mb, 1) : "-",
        bothOk ? fixed(memoryRatio, 2) : "-",
        agree,
      ],
    });
  }
  printTable(rows);
  const timeRatios = rows.map((row) => row.timeRatio).filter(Number.isFinite);
  const memoryRatios = rows.map((row) => row.memoryRatio).filter(Number.isFinite);
  process.stdout.write(
    `\nmedian ratio nettopo/ripser over ${timeRatios.length} inputs: ` +
      `time ${fixed(median(timeRatios), 2)}, memory ${fixed(median(memoryRatios), 2)}\n`,
  );
  if (notes.length > 0) process.stdout.write(`\n${notes.join("\n")}\n`);
  if (mismatches > 0) {
    process.stdout.write(`\nMISMATCH: barcodes differ on ${mismatches} input(s)\n`);
    return 1;
  }
  return missingInputs > 0 ? 1 : 0;
}

process.exitCode = await main();
