import assert from "node:assert/strict";
import { test } from "node:test";
import { imageRgba, imageStack } from "./image-stack.js";

test("imageStack scales [0, 1] images by 255 and keeps 0-255 ones, rounding and clamping", () => {
  const unit = imageStack([0, 0.5, 1, 0.25], [1, 2, 2], "x");
  assert.deepEqual([...unit.bytes], [0, 128, 255, 64]);
  assert.deepEqual([unit.count, unit.height, unit.width, unit.channels], [1, 2, 2, 1]);
  const bytes = imageStack([0, 12.4, 300, -5], [1, 2, 2], "x");
  assert.deepEqual([...bytes.bytes], [0, 12, 255, 0]);
});

test("imageStack reads channels-last colour images and transposes channels-first ones", () => {
  // One 1x2 RGB image, channels last.
  const last = imageStack([10, 20, 30, 40, 50, 60], [1, 1, 2, 3], "x");
  assert.equal(last.channels, 3);
  assert.deepEqual([...last.bytes], [10, 20, 30, 40, 50, 60]);
  // The same image as [N, C, H, W] with W = 5 (not a channel count).
  const planes = [
    [1, 2, 3, 4, 5],
    [6, 7, 8, 9, 10],
    [11, 12, 13, 14, 15],
  ].flat();
  const first = imageStack(planes, [1, 3, 1, 5], "x");
  assert.deepEqual([first.height, first.width, first.channels], [1, 5, 3]);
  assert.deepEqual([...first.bytes.subarray(0, 6)], [1, 6, 11, 2, 7, 12]);
});

test("imageStack rejects what is not images with a one-line RangeError naming the source", () => {
  assert.throws(
    () => imageStack([1, 2, 3], [3], "labels.npy"),
    /^RangeError: labels\.npy has shape \[3\]; expected images \[N, H, W\] or \[N, H, W, C\] with C = 1, 3 or 4$/,
  );
  assert.throws(() => imageStack(new Array(20).fill(0), [1, 2, 2, 5], "x"), RangeError);
});

test("imageRgba repeats grey into RGB with opaque alpha, and keeps a fourth channel", () => {
  const grey = imageStack([0, 1, 0.5, 0, 0, 0, 0, 0], [2, 2, 2], "x");
  assert.deepEqual(
    [...imageRgba(grey, 0)],
    [0, 0, 0, 255, 255, 255, 255, 255, 128, 128, 128, 255, 0, 0, 0, 255],
  );
  const rgba = imageStack([1, 2, 3, 4], [1, 1, 1, 4], "x");
  assert.deepEqual([...imageRgba(rgba, 0)], [1, 2, 3, 4]);
  assert.throws(() => imageRgba(grey, 2), /index 2 is outside 0\.\.1/);
});
