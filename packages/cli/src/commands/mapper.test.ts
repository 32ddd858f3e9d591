import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { writeNpz } from "@nettopo/nn";
import { assertOneLineError } from "../test-support/assert-one-line-error.js";
import { npyBytes } from "../test-support/npy-bytes.js";
import { runCli } from "../test-support/run-cli.js";
import { UsageError } from "../usage-error.js";
import { parseMapperArguments } from "./mapper.js";

// Made by scripts/fixtures/mapper.py: Mapper from issue 6's definition with
// scikit-learn 1.2.1's DBSCAN on seeded blobs (L2 lens, 8 intervals, overlap 0.3).
const FIXTURE = JSON.parse(
  readFileSync(
    fileURLToPath(new URL("../../../../fixtures/mapper/blobs-l2.json", import.meta.url)),
    "utf8",
  ),
);
const ONNX = fileURLToPath(new URL("../../../../fixtures/onnx/cnn.onnx", import.meta.url));

const dir = mkdtempSync(join(tmpdir(), "nettopo-mapper-"));
after(() => rmSync(dir, { recursive: true, force: true }));
const NPY = join(dir, "blobs.npy");
writeFileSync(NPY, npyBytes([FIXTURE.count, FIXTURE.dimension], FIXTURE.points));
const LABELS = join(dir, "labels.npy");
writeFileSync(LABELS, npyBytes([FIXTURE.count], FIXTURE.labels, { descr: "<i8" }));

const fixtureArgs = [
  "--intervals",
  "8",
  "--overlap",
  "0.3",
  "--eps",
  String(FIXTURE.cluster.eps),
  "--min-samples",
  String(FIXTURE.cluster.minSamples),
];

const memberSets = (nodes: { members: number[] }[]) => nodes.map((n) => n.members.join(",")).sort();

describe("nettopo mapper", () => {
  it("nettopo mapper writes the reference's graph for an .npy of activations, with label statistics", () => {
    const out = join(dir, "graph.json");
    const { status, stderr } = runCli([
      "mapper",
      NPY,
      ...fixtureArgs,
      "--labels",
      LABELS,
      "--json",
      out,
    ]);
    assert.equal(stderr, "");
    assert.equal(status, 0);
    const graph = JSON.parse(readFileSync(out, "utf8"));
    assert.deepEqual(memberSets(graph.nodes), memberSets(FIXTURE.nodes));
    assert.equal(graph.links.length, FIXTURE.links.length);
    assert.equal(graph.meta.points, FIXTURE.count);
    assert.deepEqual(graph.meta.cover, { kind: "uniform", intervals: [8], overlap: 0.3 });
    assert.deepEqual(graph.meta.labels, { names: null });
    for (const node of graph.nodes) {
      const total = Object.values(node.labels as Record<string, number>).reduce((a, b) => a + b, 0);
      assert.equal(total, node.size);
    }
  });

  it("nettopo mapper reads an .npz array and its labels, and prints to stdout without --json", () => {
    const npz = join(dir, "acts.npz");
    writeFileSync(
      npz,
      writeNpz([
        {
          name: "relu",
          shape: [FIXTURE.count, FIXTURE.dimension],
          data: Float64Array.from(FIXTURE.points),
        },
        { name: "labels", shape: [FIXTURE.count], data: Int32Array.from(FIXTURE.labels) },
      ]),
    );
    const { status, stdout } = runCli(["mapper", npz, ...fixtureArgs, "--label-names", "a,b,c"]);
    assert.equal(status, 0);
    const graph = JSON.parse(stdout);
    assert.deepEqual(memberSets(graph.nodes), memberSets(FIXTURE.nodes));
    assert.deepEqual(graph.meta.labels, { names: ["a", "b", "c"] });
    assert.ok(graph.nodes.every((n: { majority: number }) => n.majority >= 0));
  });

  it("nettopo mapper runs a model on a data set, averaging a convolutional layer's channels", () => {
    const { status, stdout, stderr } = runCli([
      "mapper",
      ONNX,
      "--layer",
      "features.4",
      "--data",
      "fashion-mnist",
      "--limit",
      "300",
      "--intervals",
      "5",
      "--eps",
      "0.3",
      "--nerve-dim",
      "2",
    ]);
    assert.equal(stderr, "");
    assert.equal(status, 0);
    const graph = JSON.parse(stdout);
    assert.equal(graph.meta.points, 300);
    assert.equal(graph.meta.dims, 8); // 8 channels, averaged over 14 x 14
    assert.equal(graph.meta.labels.names[0], "T-shirt/top");
    assert.ok(graph.nodes.length > 0);
    assert.ok(Array.isArray(graph.simplices));
  });

  it("nettopo mapper rejects bad input with one-line errors", () => {
    const nan = join(dir, "nan-lens.npy");
    writeFileSync(
      nan,
      npyBytes([FIXTURE.count], [Number.NaN, ...Array(FIXTURE.count - 1).fill(1)]),
    );
    const shortLabels = join(dir, "short.npy");
    writeFileSync(shortLabels, npyBytes([3], [0, 1, 2], { descr: "<i8" }));
    const cases: [string[], number, RegExp][] = [
      [["mapper", NPY, "--eps", "0"], 2, /--eps must be > 0; got 0/],
      [["mapper", NPY, "--eps=-1"], 2, /--eps "-1" is not a number >= 0/],
      [["mapper", NPY, "--lens", nan], 1, /the given lens is NaN at point 0/],
      [
        ["mapper", NPY, "--labels", shortLabels],
        1,
        /short\.npy has 3 labels but .* has 240 inputs/,
      ],
      [
        ["mapper", NPY, "--intervals", "60", "--overlap", "0", "--empty-elements", "error"],
        1,
        /uniformCover: cover element \[\d+\] holds no point/,
      ],
      [["mapper", NPY, "--lens", "nope"], 2, /--lens "nope" is not known/],
      [["mapper", NPY, "--gap", "0.2"], 2, /--gap applies to --cluster single-linkage/],
      [["mapper", ONNX, "--layer", "relu"], 2, /a model needs --data/],
    ];
    for (const [args, code, pattern] of cases) {
      const { status, stderr } = runCli(args);
      assert.equal(status, code, `${args.join(" ")}: ${stderr}`);
      assertOneLineError(stderr, pattern);
    }
  });

  it("parseMapperArguments maps the flags to core's options", () => {
    const command = parseMapperArguments([
      "x.npy",
      "--lens",
      "pca",
      "--components",
      "2",
      "--cover",
      "balanced",
      "--intervals",
      "5,4",
      "--cluster",
      "single-linkage",
      "--gap",
      "0.5",
    ]);
    assert.notEqual(command, "help");
    if (command === "help") return;
    assert.deepEqual(command.lens, { kind: "pca", components: 2, seed: 0 });
    assert.deepEqual(command.cover, {
      kind: "balanced",
      intervals: [5, 4],
      overlap: 0.3,
      emptyElements: "skip",
    });
    assert.deepEqual(command.cluster, { kind: "single-linkage", relativeGap: 0.5 });
    assert.throws(() => parseMapperArguments(["x.npy", "--bandwidth", "1"]), UsageError);
  });
});
