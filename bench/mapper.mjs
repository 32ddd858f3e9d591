#!/usr/bin/env node
// npm run bench:mapper -- [--count N] [--intervals N] [--overlap G] [--eps E]
//                         [--min-samples K] [--rounds R]
//
// Mapper of 100k x 256 activations (a random ReLU network on Fashion-MNIST,
// made by bench/mapper_reference.py --make-data into bench/out/) with the L2
// lens, a uniform cover of 20 intervals with overlap 0.3 and DBSCAN:
// nettopo's mapper() against the same Mapper built in Python with
// scikit-learn's DBSCAN (bench/mapper_reference.py), on the same .npy file,
// in the same run. Each side runs in its own process under /usr/bin/time
// (wall time and peak memory); compute time is timed inside each process from
// the activations in memory to the graph. See bench/README.md.

import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
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
const REFERENCE = join(REPO, "bench", "mapper_reference.py");

const { values } = parseArgs({
  options: {
    count: { type: "string", default: "100000" },
    intervals: { type: "string", default: "20" },
    overlap: { type: "string", default: "0.3" },
    eps: { type: "string", default: "1.8" },
    "min-samples": { type: "string", default: "10" },
    rounds: { type: "string", default: "1" },
    workers: { type: "string", default: String(availableParallelism()) },
    child: { type: "string" },
  },
});
const count = Number(values.count);
const settings = {
  intervals: Number(values.intervals),
  overlap: Number(values.overlap),
  eps: Number(values.eps),
  minSamples: Number(values["min-samples"]),
};
const DATA = join(OUT, `mapper-fmnist-relu-${count}.npy`);
const LABELS = join(OUT, `mapper-fmnist-labels-${count}.npy`);

if (values.child === "nettopo") await nettopoChild(1);
else if (values.child === "nettopo-workers") await nettopoChild(Number(values.workers));
else await main();

/**
 * The nettopo side: read the .npy, run core's mapper() (one thread) or nn's
 * mapperInWorkers (the cover elements in worker threads), write the graph;
 * print timings as JSON.
 */
async function nettopoChild(workers) {
  const array = nn.readNpy(readFileSync(DATA));
  const points = { count: array.shape[0], dimension: array.shape[1], coordinates: array.data };
  const stages = {};
  let last = performance.now();
  const started = last;
  const run = workers > 1 ? (p, o) => nn.mapperInWorkers(p, { ...o, workers }) : core.mapper;
  const graph = await run(points, {
    lens: { kind: "l2" },
    cover: { kind: "uniform", intervals: settings.intervals, overlap: settings.overlap },
    cluster: { kind: "dbscan", eps: settings.eps, minSamples: settings.minSamples },
    onProgress: ({ stage }) => {
      const now = performance.now();
      stages[stage] = (stages[stage] ?? 0) + (now - last) / 1000;
      last = now;
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const json = core.mapperGraphToJSON(graph);
  writeFileSync(
    join(OUT, `mapper-nettopo-${workers}.json`),
    JSON.stringify({
      nodes: json.nodes.map((node) => node.members),
      links: json.links.map((l) => [l.source, l.target, l.weight]),
    }),
  );
  process.stdout.write(
    `${JSON.stringify({ seconds, ...stages, nodes: json.nodes.length, links: json.links.length, noise: graph.noise })}\n`,
  );
}

async function main() {
  mkdirSync(OUT, { recursive: true });
  if (!existsSync(DATA)) {
    process.stderr.write(`making ${DATA} (random ReLU network on Fashion-MNIST)\n`);
    await timed(PYTHON, [REFERENCE, "--make-data", DATA, LABELS, "--count", String(count)], false);
  }
  const rounds = Number(values.rounds);
  const workers = Number(values.workers);
  const ours = [];
  const oursParallel = [];
  const theirs = [];
  const self = fileURLToPath(import.meta.url);
  for (let r = 0; r < rounds; r++) {
    oursParallel.push(
      await timed(process.execPath, [
        self,
        "--child",
        "nettopo-workers",
        "--workers",
        String(workers),
        ...passThrough(),
      ]),
    );
    ours.push(await timed(process.execPath, [self, "--child", "nettopo", ...passThrough()]));
    theirs.push(
      await timed(PYTHON, [
        REFERENCE,
        DATA,
        String(settings.intervals),
        String(settings.overlap),
        String(settings.eps),
        String(settings.minSamples),
        join(OUT, "mapper-sklearn.json"),
      ]),
    );
  }
  const best = (runs) => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  const n = best(ours);
  const w = best(oursParallel);
  const s = best(theirs);
  const reference = JSON.parse(readFileSync(join(OUT, "mapper-sklearn.json"), "utf8"));
  const agreement = compare(
    JSON.parse(readFileSync(join(OUT, "mapper-nettopo-1.json"), "utf8")),
    reference,
  );
  const agreementParallel = compare(
    JSON.parse(readFileSync(join(OUT, `mapper-nettopo-${workers}.json`), "utf8")),
    reference,
  );
  const row = (name, r) =>
    `| ${name.padEnd(35)} | ${r.seconds.toFixed(1).padStart(9)} | ${r.wall.toFixed(1).padStart(6)} | ${r.cpu.toFixed(1).padStart(5)} | ${r.mb.toFixed(0).padStart(7)} | ${String(r.nodes).padStart(5)} | ${String(r.links).padStart(5)} |`;
  console.log(
    `Mapper of ${count} x 256 activations: L2 lens, ${settings.intervals} intervals, overlap ${settings.overlap}, DBSCAN eps ${settings.eps} minSamples ${settings.minSamples} (load ${loadavg()[0].toFixed(1)}, best of ${rounds})\n`,
  );
  console.log(
    "| tool                                | compute s | wall s | CPU s | peak MB | nodes | links |",
  );
  console.log(
    "| ----------------------------------- | --------: | -----: | ----: | ------: | ----: | ----: |",
  );
  console.log(row(`nettopo mapperInWorkers (${workers} workers)`, w));
  console.log(row("nettopo mapper() (1 thread)", n));
  console.log(row("numpy + sklearn DBSCAN", s));
  const ratio = (a) =>
    `compute ${(a.seconds / s.seconds).toFixed(2)}, wall ${(a.wall / s.wall).toFixed(2)}, CPU ${(a.cpu / s.cpu).toFixed(2)}, peak memory ${(a.mb / s.mb).toFixed(2)}`;
  console.log(`\nratio nettopo/sklearn: ${workers} workers: ${ratio(w)}; 1 thread: ${ratio(n)}`);
  console.log(
    `nettopo stages (s): ${["lens", "cover", "cluster", "nerve", "statistics"].map((k) => `${k} ${(n[k] ?? 0).toFixed(2)}`).join(", ")}; sklearn: lens ${s.lens.toFixed(2)}, cluster ${s.cluster.toFixed(2)}, nerve ${s.nerve.toFixed(2)}`,
  );
  console.log(
    `agreement (${workers} workers): ${agreementParallel.sameNodes} of ${agreementParallel.ourNodes} nettopo nodes are sklearn nodes; ${agreementParallel.sameLinks} of ${agreementParallel.ourLinks} links are shared`,
  );
  console.log(
    `agreement (1 thread): ${agreement.sameNodes} of ${agreement.ourNodes} nettopo nodes are sklearn nodes (${agreement.theirNodes} sklearn nodes); ${agreement.sameLinks} of ${agreement.ourLinks} links are shared (${agreement.theirLinks} sklearn links)`,
  );
}

/** The options the child needs. */
function passThrough() {
  return [
    "--count",
    String(count),
    "--intervals",
    String(settings.intervals),
    "--overlap",
    String(settings.overlap),
    "--eps",
    String(settings.eps),
    "--min-samples",
    String(settings.minSamples),
  ];
}

/** Nodes compared as member sets; links as pairs of member sets with their weights. */
function compare(ours, theirs) {
  const key = (members) => members.join(",");
  const theirKeys = new Set(theirs.nodes.map(key));
  const ourNames = ours.nodes.map(key);
  const theirNames = theirs.nodes.map(key);
  const link =
    (names) =>
    ([a, b, w]) =>
      `${[names[a], names[b]].sort().join("|")}#${w}`;
  const theirLinks = new Set(theirs.links.map(link(theirNames)));
  return {
    ourNodes: ours.nodes.length,
    theirNodes: theirs.nodes.length,
    sameNodes: ourNames.filter((k) => theirKeys.has(k)).length,
    ourLinks: ours.links.length,
    theirLinks: theirs.links.length,
    sameLinks: ours.links.map(link(ourNames)).filter((k) => theirLinks.has(k)).length,
  };
}

/** Runs a command under /usr/bin/time; resolves with its last stdout line (JSON), wall s and peak MB. */
function timed(command, args, json = true) {
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
      if (code !== 0) {
        reject(new Error(`${command} ${args.join(" ")} failed (${code}):\n${stderr}`));
        return;
      }
      const [wall, kb, user, system] = stderr.trim().split("\n").at(-1).split(" ").map(Number);
      resolve({
        ...(json ? JSON.parse(stdout.trim().split("\n").at(-1)) : {}),
        wall,
        cpu: user + system,
        mb: kb / 1024,
      });
    });
  });
}
