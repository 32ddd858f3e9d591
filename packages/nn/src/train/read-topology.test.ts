import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { readTopology, TOPOLOGY_FILE } from "./read-topology.js";

const snapshot = (epoch: number) => ({
  kind: "neurons",
  epoch,
  step: epoch * 10,
  parameters: { bootstrap: 1 },
  layers: [{ name: "dense1_act", inputs: 10, neurons: 4, constantNeurons: [] }],
  repeats: [
    {
      repeat: 0,
      seed: 1,
      constantNeurons: [],
      diagrams: [
        {
          dim: 0,
          pairs: [
            [0, 0.5],
            [0, null],
          ],
        },
      ],
      features: { "h0.count": 1 },
    },
  ],
  summary: { features: { "h0.count": { mean: 1, std: 0, min: 1, max: 1 } }, bettiCurves: [] },
  seconds: 0.1,
});

describe("readTopology", () => {
  const root = mkdtempSync(join(tmpdir(), "nettopo-topology-"));
  after(() => rmSync(root, { recursive: true, force: true }));
  const run = (name: string, text?: string) => {
    const directory = join(root, name);
    mkdirSync(directory);
    if (text !== undefined) writeFileSync(join(directory, TOPOLOGY_FILE), text);
    return directory;
  };

  it("reads one snapshot per line and ignores a torn last line", async () => {
    const whole = `${JSON.stringify(snapshot(0))}\n${JSON.stringify(snapshot(1))}\n`;
    const torn = JSON.stringify(snapshot(2)).slice(0, 40);
    const snapshots = await readTopology(run("torn", whole + torn));
    assert.deepEqual(
      snapshots.map((s) => s.epoch),
      [0, 1],
    );
    assert.deepEqual(snapshots[1], snapshot(1));
  });

  it("gives no snapshot for a run without topology.jsonl", async () => {
    assert.deepEqual(await readTopology(run("none")), []);
  });

  it("names the file and line of a damaged line that is not the last", async () => {
    const directory = run("damaged", `{"kind":\n${JSON.stringify(snapshot(1))}\n`);
    await assert.rejects(readTopology(directory), (error: Error) => {
      assert.ok(error instanceof RangeError);
      assert.match(error.message, /damaged\/topology\.jsonl: line 1 is not a JSON record/);
      return true;
    });
  });
});
