#!/usr/bin/env node
// npm run bench:monitor -- [--arch 4-64-64-2,4-512-512-2] [--epochs 10] [--workers 1]
//
// What the neuron monitor costs training (nettopo train --monitor). For each
// network, on ball4 (10000 points), the same seeded run three ways in this
// process, one after the other:
//   plain     trainRun without a monitor: seconds per epoch;
//   monitor   trainRun with the disk4 experiment's monitor (every epoch, 100
//             neurons, 1000 inputs, B = 4, H0-H2) computing in worker
//             threads while training goes on: seconds per epoch of the
//             whole run (the final wait for the last snapshot included);
//   topology  the same snapshots alone, one after the other with nothing
//             training: the activations of each checkpoint (and of the
//             initial model) on the monitor's inputs, then the bootstrap.
// The monitor's aim is monitor <= plain + topology (the topology overlaps
// training on the other core; when it is slower than training, training
// waits for it, see NeuronMonitor's queue). Timings on a shared machine are
// noisy: compare within one run.

import { mkdtempSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  bootstrapNeuronPersistence,
  buildModel,
  DISK4_PRESETS,
  loadTrainedModel,
  prepareData,
  trainRun,
} from "../packages/nn/dist/index.js";
import {
  monitorActivations,
  monitorBootstrapOptions,
  monitorInputs,
} from "../packages/nn/dist/train/neuron-monitor.js";

const { values } = parseArgs({
  options: {
    arch: { type: "string", default: "4-64-64-2,4-512-512-2" },
    epochs: { type: "string", default: "10" },
    workers: { type: "string", default: "1" },
  },
});
const epochs = Number(values.epochs);
const workers = Number(values.workers);
const monitor = DISK4_PRESETS.full.monitor;
const root = mkdtempSync(join(tmpdir(), "nettopo-bench-monitor-"));
const rows = [];
try {
  for (const arch of values.arch.split(",")) {
    const config = { arch, data: { dataset: "ball4", count: 10000 }, epochs, seed: 0 };
    let t = performance.now();
    let c = cpu();
    await trainRun(join(root, `${arch}-plain`), config);
    const plain = (performance.now() - t) / 1000;
    const plainCpu = cpu() - c;
    const monitored = join(root, `${arch}-monitor`);
    t = performance.now();
    c = cpu();
    const run = await trainRun(monitored, { ...config, monitor }, { monitorWorkers: workers });
    const withMonitor = (performance.now() - t) / 1000;
    const withMonitorCpu = cpu() - c;
    const resolved = run.config.monitor;
    const { train } = await prepareData(
      run.config.data,
      run.config.data.normalization ?? undefined,
    );
    const inputs = monitorInputs(train, resolved);
    t = performance.now();
    c = cpu();
    for (let epoch = 0; epoch <= epochs; epoch++) {
      const model =
        epoch === 0
          ? buildModel(arch, { ...run.config.model }).model
          : await loadTrainedModel(
              join(monitored, "checkpoints", `epoch-${String(epoch).padStart(3, "0")}`),
            );
      const layers = monitorActivations(model, inputs, resolved.layers);
      model.dispose();
      await bootstrapNeuronPersistence(layers, monitorBootstrapOptions(resolved, workers));
    }
    const topology = (performance.now() - t) / 1000;
    const topologyCpu = cpu() - c;
    rows.push({ arch, plain, withMonitor, topology, plainCpu, withMonitorCpu, topologyCpu });
    console.error(
      `${arch}: plain ${plain.toFixed(1)} s (${plainCpu.toFixed(1)} s CPU), monitor ${withMonitor.toFixed(1)} s (${withMonitorCpu.toFixed(1)} s CPU), topology alone ${topology.toFixed(1)} s (${topologyCpu.toFixed(1)} s CPU)`,
    );
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
console.log(
  `\n${epochs} epochs, ball4 10000 points, monitor every epoch: ${monitor.neurons} neurons, ${monitor.samples} inputs, B = ${monitor.bootstrap}, H0-H${monitor.dim}, ${workers} worker(s)\n`,
);
console.log(
  "| network | plain s/epoch | with monitor s/epoch | topology alone s/snapshot | wall: monitor / (plain + topology) | CPU: monitor / (plain + topology) |",
);
console.log("| --- | --- | --- | --- | --- | --- |");
for (const r of rows) {
  console.log(
    `| ${r.arch} | ${(r.plain / epochs).toFixed(2)} | ${(r.withMonitor / epochs).toFixed(2)} | ${(r.topology / (epochs + 1)).toFixed(2)} | ${(r.withMonitor / (r.plain + r.topology)).toFixed(2)} | ${(r.withMonitorCpu / (r.plainCpu + r.topologyCpu)).toFixed(2)} |`,
  );
}
console.log(
  `\nload average at the end: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(" ")} (${availableParallelism()} cores)`,
);

/** CPU seconds of this process, all threads (workers included). */
function cpu() {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}
