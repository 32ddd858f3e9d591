import assert from "node:assert/strict";
import { describe, it } from "node:test";
import "@tensorflow/tfjs-backend-cpu";
import * as tf from "@tensorflow/tfjs-core";
import { setupBackend } from "./setup-backend.js";

/** Seeded uniform values in [-1, 1) of a shape. */
function values(shape: number[], seed: number): tf.Tensor {
  return tf.randomUniform(shape, -1, 1, "float32", seed);
}

/** The largest absolute difference between two tensors' values. */
function maxDifference(a: tf.Tensor, b: tf.Tensor): number {
  return tf.tidy(() => tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!);
}

/** Computes `f` on wasm and on the CPU backend and asserts that the tensors agree to 1e-4. */
async function assertSameOnWasmAndCpu(f: () => tf.Tensor[], what: string): Promise<void> {
  const onWasm = f();
  const wasmValues = onWasm.map((t) => t.arraySync());
  await tf.setBackend("cpu");
  const onCpu = f();
  const cpuValues = onCpu.map((t) => t.arraySync());
  await tf.setBackend("wasm");
  onWasm.forEach((_, k) => {
    const got = tf.tensor(wasmValues[k] as number[]);
    const expected = tf.tensor(cpuValues[k] as number[]);
    assert.deepEqual(got.shape, onCpu[k]!.shape, what);
    assert.ok(maxDifference(got, expected) < 1e-4, `${what}: gradient ${k}`);
    tf.dispose([got, expected]);
  });
  tf.dispose([...onWasm, ...onCpu]);
}

describe("setupBackend", () => {
  it("runs TF.js on the wasm backend with SIMD", async () => {
    const info = await setupBackend();
    assert.equal(tf.getBackend(), "wasm");
    assert.equal(info.backend, "wasm");
    assert.equal(info.simd, true);
    assert.equal(info.matMulGradient, "explicit-transpose");
    assert.match(info.versions.core, /^4\./);
  });

  it("gives matrix-product gradients equal to TF.js's stock gradient for every transpose", async () => {
    await setupBackend();
    const cases: [boolean, boolean][] = [
      [false, false],
      [false, true],
      [true, false],
      [true, true],
    ];
    for (const [transposeA, transposeB] of cases) {
      const a = values(transposeA ? [2, 7, 5] : [2, 5, 7], 1);
      const b = values(transposeB ? [2, 3, 7] : [2, 7, 3], 2);
      const weights = values([2, 5, 3], 3);
      const f = (x: tf.Tensor, y: tf.Tensor) =>
        tf.sum(tf.mul(tf.matMul(x, y, transposeA, transposeB), weights));
      await setupBackend({ matMulGradient: "stock" });
      const stock = tf.grads(f)([a, b]);
      await setupBackend({ matMulGradient: "explicit-transpose" });
      const explicit = tf.grads(f)([a, b]);
      assert.ok(maxDifference(stock[0]!, explicit[0]!) < 1e-5, `dA, ${transposeA} ${transposeB}`);
      assert.ok(maxDifference(stock[1]!, explicit[1]!) < 1e-5, `dB, ${transposeA} ${transposeB}`);
      tf.dispose([a, b, weights, ...stock, ...explicit]);
    }
  });

  it("adds convolution and pooling gradient kernels to wasm equal to the CPU backend's", async () => {
    await setupBackend();
    const cases: {
      x: number[];
      filter: number[];
      strides: number | [number, number];
      pad: "same" | "valid";
    }[] = [
      { x: [2, 6, 5, 3], filter: [3, 3, 3, 4], strides: 1, pad: "same" },
      { x: [1, 7, 7, 2], filter: [3, 2, 2, 5], strides: 2, pad: "valid" },
      { x: [3, 5, 6, 1], filter: [2, 3, 1, 2], strides: [2, 1], pad: "same" },
    ];
    for (const c of cases) {
      const x = values(c.x, 4) as tf.Tensor4D;
      const filter = values(c.filter, 5) as tf.Tensor4D;
      const out = tf.conv2d(x, filter, c.strides, c.pad);
      const dy = values(out.shape, 6);
      // The gradients of sum(conv2d(x, w) * dy) are Conv2DBackpropFilter(x, dy)
      // and Conv2DBackpropInput(dy, w).
      const gradients = () =>
        tf.grads((a: tf.Tensor, w: tf.Tensor) =>
          tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, w as tf.Tensor4D, c.strides, c.pad), dy)),
        )([x, filter]);
      await assertSameOnWasmAndCpu(gradients, JSON.stringify(c));
      tf.dispose([x, filter, out, dy]);
    }
    const pools: {
      x: number[];
      size: number | [number, number];
      strides: number | [number, number];
      pad: "same" | "valid";
    }[] = [
      { x: [2, 8, 6, 3], size: 2, strides: 2, pad: "valid" },
      { x: [1, 5, 7, 2], size: 3, strides: 1, pad: "same" },
      { x: [2, 7, 5, 4], size: [3, 2], strides: [2, 1], pad: "same" },
    ];
    for (const c of pools) {
      // ReLU makes ties (zeros): the gradient goes to the first maximum of a window.
      const x = tf.relu(values(c.x, 7)) as tf.Tensor4D;
      const out = tf.maxPool(x, c.size, c.strides, c.pad);
      const dy = values(out.shape, 8);
      const gradients = () =>
        tf.grads((a: tf.Tensor) =>
          tf.sum(tf.mul(tf.maxPool(a as tf.Tensor4D, c.size, c.strides, c.pad), dy)),
        )([x]);
      await assertSameOnWasmAndCpu(gradients, JSON.stringify(c));
      tf.dispose([x, out, dy]);
    }
  });
});
