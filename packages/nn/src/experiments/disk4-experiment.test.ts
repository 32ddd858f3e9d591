import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { assertOneLineRejection } from "../test-support/errors.js";
import { readTopology } from "../train/read-topology.js";
import { DISK4_PRESETS, runDisk4Experiment } from "./disk4-experiment.js";
import { topologyEvolution } from "./topology-evolution.js";

const dir = mkdtempSync(join(tmpdir(), "nettopo-disk4-"));
after(() => rmSync(dir, { recursive: true, force: true }));

const SMALL = {
  architectures: ["4-10-10-2", "4-12-2"],
  epochs: 2,
  count: 400,
  monitor: { neurons: 8, samples: 120, bootstrap: 2 },
  monitorWorkers: 1,
} as const;

describe("runDisk4Experiment", () => {
  it("trains each network into DIR/SPEC with the monitor at dim 2, and reads finished runs back", async () => {
    const states: string[] = [];
    const result = await runDisk4Experiment(dir, {
      ...SMALL,
      onRun: (arch, _, state) => states.push(`${arch} ${state}`),
    });
    assert.deepEqual(states, ["4-10-10-2 new", "4-12-2 new"]);
    assert.equal(result.interrupted, false);
    assert.deepEqual(result.settings.monitor, {
      ...DISK4_PRESETS.full.monitor,
      neurons: 8,
      samples: 120,
      bootstrap: 2,
    });
    assert.deepEqual(
      result.runs.map((r) => [r.architecture, r.directory, r.epochs]),
      [
        ["4-10-10-2", join(dir, "4-10-10-2"), 2],
        ["4-12-2", join(dir, "4-12-2"), 2],
      ],
    );
    for (const run of result.runs) {
      assert.ok(existsSync(join(run.directory, "model", "model.json")));
      const topology = await readTopology(run.directory);
      assert.deepEqual(
        topology.map((r) => r.epoch),
        [0, 1, 2],
      );
      assert.equal(topology[0]!.parameters.dim, 2);
      assert.deepEqual(run.evolution, topologyEvolution(topology));
      assert.deepEqual(
        run.evolution.map((p) => p.dimensions.map((d) => d.dim)),
        [
          [0, 1, 2],
          [0, 1, 2],
          [0, 1, 2],
        ],
      );
      assert.ok(run.test.accuracy > 0 && run.test.accuracy <= 1);
    }
    const again = await runDisk4Experiment(dir, SMALL);
    assert.deepEqual(
      again.runs.map((r) => [r.seconds, r.evolution]),
      result.runs.map((r) => [0, r.evolution]),
    );
    await assertOneLineRejection(
      () => runDisk4Experiment(dir, { ...SMALL, epochs: 3, architectures: ["4-12-2"] }),
      /holds a finished run of 2 epochs; this experiment trains 3/,
      RangeError,
    );
  });
});

describe("topologyEvolution", () => {
  it("gives bars and total persistence, mean and std over the repeats, at the first, middle and last snapshot", () => {
    const repeat = (count: number, mean: number | null) => ({
      repeat: 0,
      seed: 0,
      constantNeurons: [],
      diagrams: [],
      features: { "h0.count": count, "h0.lifetime.mean": mean },
    });
    const record = (epoch: number, repeats: ReturnType<typeof repeat>[]) => ({
      kind: "neurons" as const,
      epoch,
      step: epoch * 10,
      parameters: { dim: 0 } as never,
      layers: [],
      repeats,
      summary: { features: {}, bettiCurves: [] },
      seconds: 0,
    });
    const records = [
      record(0, [repeat(2, 0.5), repeat(4, 0.25)]),
      record(1, [repeat(0, null), repeat(0, null)]),
      record(2, [repeat(3, 1), repeat(1, 1)]),
      record(3, [repeat(3, 1), repeat(3, 1)]),
    ];
    const points = topologyEvolution(records);
    assert.deepEqual(
      points.map((p) => [p.epoch, p.step]),
      [
        [0, 0],
        [1, 10],
        [3, 30],
      ],
    );
    assert.deepEqual(points[0]!.dimensions, [
      { dim: 0, bars: { mean: 3, std: Math.SQRT2 }, totalPersistence: { mean: 1, std: 0 } },
    ]);
    assert.deepEqual(points[1]!.dimensions[0]!.totalPersistence, { mean: 0, std: 0 });
    assert.deepEqual(
      topologyEvolution(records, { epochs: [2.4, 2] }).map((p) => p.epoch),
      [2],
    );
    assert.throws(() => topologyEvolution([]), /there are no snapshots/);
  });
});
