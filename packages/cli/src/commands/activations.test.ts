import assert from "node:assert/strict";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import {
  ActivationCollector,
  extractActivations,
  loadOnnxModel,
  readNpz,
  writeIdx,
  writeNpy,
  writeNpz,
} from "@nettopo/nn";
import { openDataArgument } from "../data-argument.js";
import { assertOneLineError } from "../test-support/assert-one-line-error.js";
import { type CliResult, interruptCli, runCli, runCliAsync } from "../test-support/run-cli.js";
import { UsageError } from "../usage-error.js";
import { parseActivationsArguments } from "./activations.js";

// Models made by scripts/fixtures/onnx.py (PyTorch) and scripts/fixtures/tfjs.mjs (TF.js).
const FIXTURES = fileURLToPath(new URL("../../../../fixtures/", import.meta.url));
const CNN = `${FIXTURES}onnx/cnn.onnx`;
const MLP = `${FIXTURES}onnx/mlp.onnx`;
const dir = mkdtempSync(join(tmpdir(), "nettopo-activations-"));
const IDX = join(dir, "idx");
const COUNT = 40;
const pixels = new Uint8Array(COUNT * 784);
const labels = new Uint8Array(COUNT);

before(() => {
  // A small IDX data set of seeded 28x28 images (a linear congruential generator).
  let state = 12345;
  for (let i = 0; i < pixels.length; i += 1) {
    state = (state * 1103515245 + 12345) >>> 0;
    pixels[i] = state >>> 24;
  }
  for (let i = 0; i < COUNT; i += 1) labels[i] = i % 10;
  mkdirSync(IDX);
  writeFileSync(
    join(IDX, "t10k-images-idx3-ubyte"),
    writeIdx({ shape: [COUNT, 28, 28], data: pixels }),
  );
  writeFileSync(join(IDX, "t10k-labels-idx1-ubyte"), writeIdx({ shape: [COUNT], data: labels }));
  writeFileSync(
    join(IDX, "train-images-idx3-ubyte"),
    writeIdx({ shape: [3, 28, 28], data: pixels.subarray(0, 3 * 784) }),
  );
  writeFileSync(
    join(IDX, "train-labels-idx1-ubyte"),
    writeIdx({ shape: [3], data: labels.subarray(0, 3) }),
  );
});
after(() => rmSync(dir, { recursive: true, force: true }));

const npz = (path: string) => readNpz(readFileSync(path));
const arrayOf = (path: string, name: string) => npz(path).find((a) => a.name === name)!;

describe("nettopo activations", () => {
  it("writes each layer as named, [samples, ...shape] float32, then the labels, images scaled by 1/255", async () => {
    const out = join(dir, "cnn.npz");
    const { status, stdout, stderr } = runCli([
      "activations",
      CNN,
      "--data",
      IDX,
      "--layers",
      "features.1,/fc1/Gemm_output_0,input",
      "--out",
      out,
      "--batch",
      "16",
    ]);
    assert.equal(status, 0, stderr);
    assert.equal(stdout, "");
    assert.match(
      stderr,
      /^nettopo: wrote .*cnn\.npz: features\.1, \/fc1\/Gemm_output_0, input, labels; 40 samples of idx\/test \(normalize scale-255\), .* collected in memory; .* samples\/s\n$/,
    );
    const arrays = npz(out);
    assert.deepEqual(
      arrays.map((a) => [a.name, a.dtype, a.shape]),
      [
        ["features.1", "float32", [40, 4, 28, 28]],
        ["/fc1/Gemm_output_0", "float32", [40, 32]],
        ["input", "float32", [40, 1, 28, 28]],
        ["labels", "int32", [40]],
      ],
    );
    const scaled = Float32Array.from(pixels, (p) => p / 255);
    assert.deepEqual(arrays[2]!.data, scaled);
    assert.deepEqual(arrays[3]!.data, Int32Array.from(labels));
    // The library's extraction on the same scaled images.
    const collector = new ActivationCollector();
    await extractActivations(
      await loadOnnxModel(CNN),
      { count: COUNT, sampleShape: [28, 28], inputs: scaled },
      ["fc1"],
      { sink: collector },
    );
    assert.deepEqual(arrays[1]!.data, collector.get("fc1").data);
  });

  it("streams through temporary .npy files over --budget, to the same bytes, and leaves none behind", async () => {
    const sub = mkdtempSync(join(dir, "stream-"));
    const args = ["activations", CNN, "--data", IDX, "--layers", "features.4,fc2"];
    const [memory, streamed] = await Promise.all([
      runCliAsync([...args, "--out", join(sub, "memory.npz")]),
      runCliAsync([...args, "--out", join(sub, "stream.npz"), "--budget", "1K"]),
    ]);
    assert.equal(streamed.status, 0, streamed.stderr);
    assert.match(streamed.stderr, /streamed \(over the 1024 bytes budget\)/);
    assert.match(memory.stderr, /collected in memory/);
    assert.deepEqual(readFileSync(join(sub, "stream.npz")), readFileSync(join(sub, "memory.npz")));
    assert.deepEqual(readdirSync(sub).sort(), ["memory.npz", "stream.npz"]);
  });

  it("normalizes as --normalize says: none, standardize; the training split with DIR:train", async () => {
    const raw = join(dir, "raw.npz");
    const standard = join(dir, "standard.npz");
    const args = ["activations", CNN, "--layers", "input", "--normalize"];
    const results = await Promise.all([
      runCliAsync([...args, "none", "--data", `${IDX}:train`, "--out", raw]),
      runCliAsync([...args, "standardize", "--data", IDX, "--out", standard]),
    ]);
    for (const result of results) assert.equal(result.status, 0, result.stderr);
    assert.deepEqual(arrayOf(raw, "input").data, Float32Array.from(pixels.subarray(0, 3 * 784)));
    const data = arrayOf(standard, "input").data as Float32Array;
    for (const pixel of [0, 400, 783]) {
      let sum = 0;
      let squares = 0;
      for (let s = 0; s < COUNT; s += 1) sum += data[s * 784 + pixel]!;
      for (let s = 0; s < COUNT; s += 1) squares += (data[s * 784 + pixel]! - sum / COUNT) ** 2;
      assert.ok(Math.abs(sum / COUNT) < 1e-5, `pixel ${pixel}: mean ${sum / COUNT}`);
      assert.ok(
        Math.abs(squares / COUNT - 1) < 1e-4,
        `pixel ${pixel}: variance ${squares / COUNT}`,
      );
    }
  });

  it("takes TF.js Layers and Graph models (channels-last), and synthetic data sets", async () => {
    const [graphOut, layersOut, mlpOut] = ["graph", "layers", "mlp"].map((n) =>
      join(dir, `${n}.npz`),
    );
    const images = ["--data", IDX, "--limit", "7"];
    const results = await Promise.all([
      runCliAsync([
        "activations",
        `${FIXTURES}tfjs/graph-cnn`,
        ...images,
        "--layers",
        "conv1,fc2",
        "--out",
        graphOut,
      ]),
      runCliAsync([
        "activations",
        `${FIXTURES}tfjs/cnn/model.json`,
        ...images,
        "--layers",
        "fc2",
        "--out",
        layersOut,
      ]),
      runCliAsync([
        "activations",
        `${FIXTURES}tfjs/mlp`,
        ...[
          "--data",
          "ball4",
          "--count",
          "50",
          "--seed",
          "3",
          "--layers",
          "fc1,probs",
          "--out",
          mlpOut,
        ],
      ]),
    ]);
    for (const result of results) assert.equal(result.status, 0, result.stderr);
    const graph = npz(graphOut);
    assert.deepEqual(
      graph.map((a) => [a.name, a.shape]),
      [
        ["conv1", [7, 28, 28, 4]],
        ["fc2", [7, 10]],
        ["labels", [7]],
      ],
    );
    assert.deepEqual(arrayOf(layersOut, "fc2").data, graph[1]!.data);
    assert.match(results[2]!.stderr, /50 samples of ball-in-cube-d4 \(normalize none\)/);
    assert.deepEqual(
      npz(mlpOut).map((a) => [a.name, a.shape]),
      [
        ["fc1", [50, 16]],
        ["probs", [50, 2]],
        ["labels", [50]],
      ],
    );
  });

  it("exits 1 with one line for an unknown layer, samples that do not fit, NaN and truncated files", async () => {
    const out = join(dir, "never.npz");
    const run = (model: string, data: string, layers: string) =>
      runCliAsync(["activations", model, "--data", data, "--layers", layers, "--out", out]);
    const cases: [Promise<CliResult>, RegExp][] = [
      [
        run(CNN, IDX, "fc1,fc3"),
        /^nettopo: unknown layer "fc3" in .*cnn\.onnx; the closest names are "fc1", "fc2"/,
      ],
      [
        run(CNN, "moons", "fc1"),
        /^nettopo: samples of shape \[2\] do not fit the input "input" of .*cnn\.onnx, of shape \[batch, 1, 28, 28\]; expected samples of shape \[1, 28, 28\]/,
      ],
      [
        run(`${FIXTURES}tfjs/cnn`, "ball4", "fc1"),
        /samples of shape \[4\] do not fit the input "input" of .*model\.json, of shape \[batch, 28, 28, 1\]/,
      ],
    ];
    const nan = join(dir, "nan.npy");
    writeFileSync(
      nan,
      writeNpy({
        shape: [3, 4],
        data: Float32Array.of(0, 1, 2, 3, 4, Number.NaN, 6, 7, 8, 9, 10, 11),
      }),
    );
    cases.push([
      run(MLP, nan, "fc1"),
      /nan\.npy: .*sample 1, value 1 of it\) is NaN; expected finite numbers/,
    ]);
    const truncatedNpy = join(dir, "truncated.npy");
    writeFileSync(truncatedNpy, readFileSync(nan).subarray(0, 140));
    cases.push([run(MLP, truncatedNpy, "fc1"), /truncated/i]);
    const truncatedNpz = join(dir, "truncated.npz");
    const points = writeNpz([{ name: "x", shape: [50, 4], data: new Float32Array(200) }]);
    writeFileSync(truncatedNpz, points.subarray(0, 600));
    cases.push([run(MLP, truncatedNpz, "fc1"), /truncated or corrupt zip archive/]);
    const truncatedIdx = join(dir, "truncated-idx");
    cpSync(IDX, truncatedIdx, { recursive: true });
    truncateSync(join(truncatedIdx, "t10k-images-idx3-ubyte"), 5000);
    cases.push([run(CNN, truncatedIdx, "fc1"), /truncated/i]);
    const truncatedModel = join(dir, "truncated-model");
    cpSync(`${FIXTURES}tfjs/mlp`, truncatedModel, { recursive: true });
    truncateSync(join(truncatedModel, "weights.bin"), 100);
    cases.push([
      run(truncatedModel, "ball4", "fc1"),
      /cannot load TF.js model ".*model\.json": truncated weights: the weight files "weights\.bin" hold 100 bytes; the manifest's weights need \d+/,
    ]);
    const notModel = join(dir, "not-a-model.onnx");
    writeFileSync(notModel, "nothing");
    cases.push([
      run(notModel, "ball4", "fc1"),
      /cannot load ONNX model ".*not-a-model\.onnx": not an ONNX model/,
    ]);
    cases.push([
      runCliAsync([
        "activations",
        MLP,
        "--data",
        "ball4",
        "--layers",
        "fc1",
        "--out",
        join(dir, "none", "x.npz"),
      ]),
      /cannot write ".*none\/x\.npz": no such directory/,
    ]);
    for (const [run, pattern] of cases) {
      const result = await run;
      assert.equal(result.status, 1, result.stderr);
      assertOneLineError(result.stderr, pattern);
    }
    assert.ok(!readdirSync(dir).includes("never.npz"));
  });

  it("exits 2 with one line for bad usage", () => {
    let result = runCli(["activations", MLP, "--data", "ball4", "--out", join(dir, "x.npz")]);
    assert.equal(result.status, 2);
    assertOneLineError(
      result.stderr,
      /^nettopo: activations needs --layers; run 'nettopo activations --help' for usage\n$/,
    );
    result = runCli([
      "activations",
      MLP,
      "--data",
      "mnist-ish",
      "--layers",
      "fc1",
      "--out",
      "x.npz",
    ]);
    assert.equal(result.status, 2);
    assertOneLineError(
      result.stderr,
      /no data set or file "mnist-ish"; expected fashion-mnist\[:train\|:test\], ball4, disk4, moons, or a path/,
    );
    const help = runCli(["activations", "--help"]);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: nettopo activations/);
    assert.match(help.stdout, /scale-255 for IDX\s+image data/);
  });

  it("parses its flags, refusing bad values with a usage error", () => {
    const base = [MLP, "--data", "ball4", "--out", "x.npz"];
    assert.deepEqual(
      parseActivationsArguments([...base, "--layers", " fc1 ,fc2", "--budget", "1.5G"]),
      {
        modelPath: MLP,
        data: "ball4",
        layers: ["fc1", "fc2"],
        out: "x.npz",
        normalize: undefined,
        batchSize: 256,
        limit: undefined,
        budgetBytes: 1.5 * 2 ** 30,
        temporaryDirectory: undefined,
        count: undefined,
        seed: undefined,
        threads: 1,
        progress: "auto",
      },
    );
    const cases: [string[], RegExp][] = [
      [[MLP, "--layers", "fc1", "--out", "x.npz"], /activations needs --data/],
      [[...base, "--layers", "fc1,,fc2"], /--layers "fc1,,fc2" has an empty name/],
      [[...base, "--layers", "fc1,fc1"], /--layers names "fc1" twice/],
      [[...base, "--layers", "fc1", "--budget", "lots"], /--budget "lots" is not a size/],
      [[...base, "--layers", "fc1", "--normalize", "l2"], /--normalize "l2" is not known/],
      [[...base, "--layers", "fc1", "--batch", "0"], /--batch "0" is not an integer >= 1/],
      [[...base, "--layers", "fc1", "--progress", "--quiet"], /contradict/],
      [["--data", "ball4"], /activations needs a MODEL file/],
    ];
    for (const [args, pattern] of cases) {
      assert.throws(
        () => parseActivationsArguments(args),
        (error: Error) => {
          assert.ok(error instanceof UsageError, args.join(" "));
          assert.match(error.message, pattern);
          return true;
        },
      );
    }
  });

  it("refuses --count or --seed with a data set that is not synthetic", async () => {
    await assert.rejects(openDataArgument(IDX, { count: 5 }), {
      name: "UsageError",
      message: /--count and --seed apply to the synthetic data sets \(ball4, disk4, moons\)/,
    });
  });

  it("stops at Ctrl-C between batches: exit 130, no output and no temporary file", async () => {
    const sub = mkdtempSync(join(dir, "interrupt-"));
    for (const budget of ["0", "1G"]) {
      const result = await interruptCli(
        [
          "activations",
          MLP,
          "--data",
          "ball4",
          "--count",
          "300000",
          "--batch",
          "1",
          "--layers",
          "fc1,fc2",
          "--out",
          join(sub, "out.npz"),
          "--budget",
          budget,
          "--progress",
        ],
        /batches/,
        20_000,
      );
      assert.equal(result.status, 130, result.stderr);
      assert.match(result.stderr, /nettopo: interrupted \(SIGINT\); nothing was written\n$/);
      assert.deepEqual(readdirSync(sub), []);
    }
  });
});
