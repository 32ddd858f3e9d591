import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { formatRipserBarcodes } from "@nettopo/core";
import { writeNpz } from "@nettopo/nn";
import { assertOneLineError } from "../test-support/assert-one-line-error.js";
import { runCli } from "../test-support/run-cli.js";
import { UsageError } from "../usage-error.js";
import { parseNeuronsArguments } from "./neurons.js";

// Made by scripts/fixtures/neurons.py: the activations of a small ReLU
// network with dead units (mlp-relu.npz) and, per case, the diagram of NumPy's
// corrcoef (constant neurons at correlation 0) -> dissimilarity in float32 ->
// Debian's ripser 1.2.1, values exact.
const FIXTURES = fileURLToPath(new URL("../../../../fixtures/neurons/", import.meta.url));
const NPZ = join(FIXTURES, "mlp-relu.npz");
const ONNX = fileURLToPath(new URL("../../../../fixtures/onnx/mlp.onnx", import.meta.url));
const TFJS = fileURLToPath(new URL("../../../../fixtures/tfjs/mlp", import.meta.url));

interface Fixture {
  readonly name: string;
  readonly layers: readonly string[];
  readonly metric: string;
  readonly maxDim: number;
  readonly threshold: number | null;
  readonly neurons: number;
  readonly constantNeurons: readonly number[];
  readonly references: readonly {
    readonly diagrams: { dim: number; pairs: [number, number | null][] }[];
  }[];
}

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((f) => JSON.parse(readFileSync(join(FIXTURES, f), "utf8")) as Fixture);

const dir = mkdtempSync(join(tmpdir(), "nettopo-neurons-"));
after(() => rmSync(dir, { recursive: true, force: true }));

function argsOf(fixture: Fixture): string[] {
  return [
    "neurons",
    NPZ,
    "--layers",
    fixture.layers.join(","),
    "--metric",
    fixture.metric,
    "--dim",
    String(fixture.maxDim),
    ...(fixture.threshold === null ? [] : ["--threshold", String(fixture.threshold)]),
  ];
}

/**
 * Pairs per dimension without zero-length ones, as float32 values (the JSON
 * writes float32 distances in their shortest form), sorted; null for an
 * essential class.
 */
function sortedPairs(diagrams: { dim: number; pairs: [number, number | null][] }[]) {
  return diagrams.map(({ dim, pairs }) => ({
    dim,
    pairs: pairs
      .map(([b, d]) => [Math.fround(b), d === null ? null : Math.fround(d)] as const)
      .filter(([b, d]) => d === null || d > b)
      .sort((p, q) => p[0] - q[0] || (p[1] ?? Infinity) - (q[1] ?? Infinity)),
  }));
}

function sortedLines(text: string): string[] {
  return text.trimEnd().split("\n").sort();
}

describe("nettopo neurons", () => {
  // Every fixture is checked against the library in @nettopo/nn's tests; here
  // two of them go through the command (in the main thread and in workers).
  for (const [k, fixture] of fixtures
    .filter((f) => f.name === "relu-abs-dim2" || f.name === "fc2-relu2-correlation-threshold")
    .entries()) {
    it(`equals numpy corrcoef + Ripser on ${fixture.name} (JSON, exact)`, () => {
      const workers = k % 2 === 0 ? ["--workers", "0"] : [];
      const { status, stdout, stderr } = runCli([...argsOf(fixture), ...workers]);
      assert.equal(stderr, "");
      assert.equal(status, 0);
      const json = JSON.parse(stdout);
      assert.equal(json.repeats.length, 1);
      const repeat = json.repeats[0];
      assert.equal(repeat.neurons.indices.length, fixture.neurons);
      assert.deepEqual(repeat.constantNeurons, fixture.constantNeurons);
      assert.deepEqual(sortedPairs(repeat.diagrams), sortedPairs(fixture.references[0]!.diagrams));
    });
  }

  it("prints Ripser's barcode lines with --format text, the same bars as Ripser's", () => {
    for (const fixture of fixtures.filter((f) => f.name === "relu-sqrt-dim1")) {
      const { status, stdout } = runCli([...argsOf(fixture), "--format", "text"]);
      assert.equal(status, 0);
      const reference = {
        dimensions: fixture.references[0]!.diagrams.map(({ dim, pairs }) => ({
          dim,
          births: Float64Array.from(pairs, (p) => p[0]),
          deaths: Float64Array.from(pairs, (p) => p[1] ?? Number.POSITIVE_INFINITY),
        })),
      };
      assert.deepEqual(sortedLines(stdout), sortedLines(formatRipserBarcodes(reference)));
    }
  });

  it("writes every repeat's diagram and features and the summary; seeds reproduce, other seeds differ", () => {
    const args = [
      "neurons",
      NPZ,
      "--layers",
      "relu1,relu2",
      "--neurons",
      "20",
      "--samples",
      "150",
      "--bootstrap",
      "3",
      "--sampling",
      "importance",
    ];
    const out = join(dir, "boot.json");
    const first = runCli([...args, "--seed", "4", "--out", out]);
    assert.equal(first.status, 0);
    assert.equal(first.stdout, "");
    const json = JSON.parse(readFileSync(out, "utf8"));
    assert.equal(json.repeats.length, 3);
    assert.deepEqual(json.parameters.layers, ["relu1", "relu2"]);
    const pooled = fixtures.find((f) => f.name === "relu-abs-dim2")!.constantNeurons;
    assert.deepEqual(
      json.layers[0].constantNeurons,
      pooled.filter((k) => k < 24),
    );
    assert.deepEqual(
      json.layers[1].constantNeurons,
      pooled.filter((k) => k >= 24).map((k) => k - 24),
    );
    for (const repeat of json.repeats) {
      assert.equal(repeat.inputs.length, 150);
      assert.equal(repeat.neurons.indices.length, 20);
      assert.equal(repeat.diagrams.length, 2);
      assert.equal(typeof repeat.features["h1.entropy"], "number");
    }
    assert.equal(json.summary.bettiCurves.length, 2);
    assert.equal(json.summary.bettiCurves[1].curves.length, 3);
    assert.equal(typeof json.summary.features["h0.lifetime.mean"].std, "number");
    const again = runCli([...args, "--seed", "4", "--workers", "1"]);
    assert.equal(again.stdout, readFileSync(out, "utf8"));
    const other = JSON.parse(runCli([...args, "--seed", "5"]).stdout);
    assert.notDeepEqual(other.repeats[0].inputs, json.repeats[0].inputs);
    assert.notDeepEqual(other.repeats[0].neurons, json.repeats[0].neurons);
  });

  it("runs an ONNX model on a built-in data set", () => {
    const { status, stdout, stderr } = runCli([
      "neurons",
      ONNX,
      "--data",
      "ball4",
      "--limit",
      "300",
      "--layers",
      "relu,relu_1",
      "--neurons",
      "24",
    ]);
    assert.equal(stderr, "");
    assert.equal(status, 0);
    const json = JSON.parse(stdout);
    assert.deepEqual(
      json.layers.map((l: { name: string; inputs: number; neurons: number }) => [
        l.name,
        l.inputs,
        l.neurons,
      ]),
      [
        ["relu", 300, 16],
        ["relu_1", 300, 16],
      ],
    );
    assert.equal(json.repeats[0].neurons.indices.length, 24);
  });

  it("runs a TF.js model on a synthetic data set, as on its .npz of activations", () => {
    const directory = mkdtempSync(join(tmpdir(), "nettopo-neurons-tfjs-"));
    try {
      const common = ["--layers", "fc1,relu2", "--format", "text"];
      const fromModel = runCli(["neurons", TFJS, "--data", "ball4", "--limit", "120", ...common]);
      assert.equal(fromModel.stderr, "");
      const npz = join(directory, "acts.npz");
      const written = runCli([
        "activations",
        TFJS,
        "--data",
        "ball4",
        "--count",
        "120",
        "--layers",
        "fc1,relu2",
        "--out",
        npz,
      ]);
      assert.equal(written.status, 0, written.stderr);
      const fromNpz = runCli(["neurons", npz, ...common]);
      assert.equal(fromNpz.stderr, "");
      assert.match(fromModel.stdout, /persistence intervals in dim 1:/);
      assert.equal(fromModel.stdout, fromNpz.stdout);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it("refuses bad flags with a usage error", () => {
    const cases: [string[], RegExp][] = [
      [["--bootstrap", "0"], /--bootstrap "0" is not an integer >= 1/],
      [["--threshold", "0"], /--threshold must be > 0; got 0/],
      [["--bootstrap", "2", "--format", "text"], /needs --bootstrap 1, got --bootstrap 2/],
      [["--neurons", "1"], /--neurons 1: the topology of neurons needs at least 2 neurons/],
      [["--samples", "1"], /--samples 1: the topology of neurons needs at least 2 inputs/],
      [["--sampling", "random"], /--sampling "random" is not known/],
      [["--metric", "euclidean"], /--metric "euclidean" is not known/],
      [["--layers", "a,,b"], /--layers "a,,b" has an empty layer name/],
    ];
    for (const [extra, pattern] of cases) {
      assert.throws(
        () => parseNeuronsArguments([NPZ, "--layers", "relu1", ...extra]),
        (error: unknown) => error instanceof UsageError && pattern.test(error.message),
        pattern.source,
      );
    }
    assert.throws(() => parseNeuronsArguments([NPZ]), /neurons needs --layers/);
    const parsed = parseNeuronsArguments([NPZ, "--layers", "relu1", "--neurons", "all"]);
    assert.ok(parsed !== "help");
    assert.equal(parsed.neurons, undefined);
    assert.equal(parsed.metric, "abs-correlation");
    assert.equal(parsed.bootstrap, 1);
  });

  it("fails in one line on bad input", () => {
    const dead = join(dir, "dead.npz");
    writeFileSync(dead, writeNpz([{ name: "relu", shape: [5, 3], data: new Float32Array(15) }]));
    const nan = join(dir, "nan.npz");
    writeFileSync(
      nan,
      writeNpz([{ name: "relu", shape: [3, 2], data: Float32Array.of(1, 2, 3, Number.NaN, 5, 6) }]),
    );
    const cases: [string[], number, RegExp][] = [
      [
        [NPZ, "--layers", "relu1,relu3"],
        1,
        /no layer "relu3" in .*mlp-relu\.npz; it has "fc1", "relu1", "fc2", "relu2" \(did you mean "relu1"/,
      ],
      [[NPZ, "--layers", "relu1", "--data", "ball4"], 2, /--data and --limit apply to a model/],
      [[dead, "--layers", "relu"], 1, /all 3 neurons of "relu" are constant over the 5 inputs/],
      [[nan, "--layers", "relu"], 1, /the activation of layer "relu", input 1, neuron 1 is NaN/],
      [[ONNX, "--layers", "relu"], 2, /a model needs --data/],
    ];
    for (const [args, code, pattern] of cases) {
      const { status, stderr } = runCli(["neurons", ...args]);
      assert.equal(status, code, stderr);
      assertOneLineError(stderr, pattern);
    }
  });
});
