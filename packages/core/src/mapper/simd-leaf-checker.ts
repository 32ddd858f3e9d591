import type { LeafChecker, LeafCheckerInput } from "./leaf-checker.js";
import type { Workspace } from "./workspace.js";

/**
 * The leaf checks of radius-pairs in WebAssembly SIMD (internal): the same
 * bounds as {@link float64LeafChecker}, four points b at a time in float32
 * (`wasm/radius-kernel.wat`); with the SIMD projections, radiusPairs runs
 * about 4.8x faster than on the float64 path (an interval of 10,905 points
 * of the Mapper benchmark: 0.58 s against 2.7 s of CPU). Its arrays are
 * taken from `workspace`, which must live in the kernel's memory; null when
 * it does not (no WebAssembly SIMD, or too little memory), or when the
 * scale is outside [1e-20, 1e20] (there float32 would underflow or overflow
 * and the error bound below would not hold).
 *
 * The bound stays safe in float32: rounding the coordinates moves an
 * embedded point by at most 2^-24 of its norm (<= scale), so a distance by
 * at most 2^-23 scale, well inside the slack of 1e-6 (radius + scale); and a
 * lane's sum of squares goes through at most K + dPad / 2 + 8 roundings of
 * relative 2^-24 each (differences, squares, sums, the sums of the lanes), so
 * the float32 sum is at most (1 + gamma) times its exact value with gamma =
 * (K + dPad / 2 + 8) 2^-23 (twice the count, for margin). The bound is
 * scaled by 1 + gamma and rounded up to float32. Partial sums of squares
 * stay monotone in float32 (rounding to nearest never decreases a sum by
 * adding a non-negative number), so abandoning a partial sum is safe. The
 * same error bounds, the other way, give `sure`: a pair whose whole float32
 * sum is below it is within the radius for the double loop as well, and is
 * reported as such (no raw distance needed).
 */
export function simdLeafChecker(input: LeafCheckerInput, workspace: Workspace): LeafChecker | null {
  const { n, d, K, tree, embedded, residuals, radius, scale, leafSize } = input;
  const { order, start, end, low, high } = tree;
  const kernel = workspace.kernel;
  if (kernel === null || !(scale >= 1e-20 && scale <= 1e20)) return null;
  const m = K + 1;
  const { nPad, dPad, mPad } = simdPadding(n, d, K);
  const columns = workspace.f32(m * nPad);
  const rows = workspace.f32(n * dPad);
  const found = workspace.f32(2 * leafSize * leafSize);
  const scratch = workspace.f32(4);
  // Boxes of the nodes, lower then upper ends, rounded outwards (fround is monotone).
  const boxes = workspace.f32(2 * mPad * start.length);
  for (let node = 0; node < start.length; node++) {
    for (let c = 0; c < m; c++) {
      boxes[2 * mPad * node + c] = low[m * node + c]!;
      boxes[2 * mPad * node + mPad + c] = high[m * node + c]!;
    }
  }
  const points = workspace.f32(n * mPad);
  for (let s = 0; s < n; s++) {
    const k = order[s]!;
    for (let c = 0; c < m; c++) {
      columns[c * nPad + s] = embedded[k * m + c]!;
      points[s * mPad + c] = embedded[k * m + c]!;
    }
    rows.set(residuals.subarray(k * d, (k + 1) * d), s * dPad);
  }
  const window = radius + 1e-6 * (radius + scale);
  const gamma = (K + dPad / 2 + 8) * 2 ** -23;
  const bound = Math.fround(window * window * (1 + gamma) * (1 + 2 ** -20));
  // A whole float32 sum S <= sure puts the pair within the radius for the double loop too:
  // the embedded distance is <= sqrt(S / (1 - gamma)) <= inner, the true distance D
  // <= inner + slack, and the double loop's float64 sum of its dPad or fewer squares is
  // <= D^2 (1 + (dPad + 4) 2^-52) <= radius^2. Kept off where float32 could under- or overflow.
  const inner = radius / Math.sqrt(1 + (dPad + 4) * 2 ** -52) - (window - radius);
  const sureValue = Math.fround(inner * inner * (1 - gamma) * (1 - 2 ** -20));
  const sure = inner > 0 && sureValue >= 1e-30 && sureValue <= 1e30 ? sureValue : -1;
  kernel.setup(
    columns.byteOffset,
    4 * nPad,
    K,
    rows.byteOffset,
    4 * dPad,
    found.byteOffset,
    scratch.byteOffset,
    bound,
    points.byteOffset,
    4 * mPad,
    sure,
  );
  const pairs = new Int32Array(found.buffer, found.byteOffset, found.length);
  return {
    pairs(A, B, emit) {
      const box = boxes.byteOffset + 8 * mPad * B;
      const count = kernel.leafPairs(start[A]!, end[A]!, start[B]!, end[B]!, box);
      for (let k = 0; k < count; k++) {
        const b = pairs[2 * k + 1]!;
        if (b < 0) emit(pairs[2 * k]!, -1 - b, true);
        else emit(pairs[2 * k]!, b, false);
      }
    },
  };
}

/**
 * The padded sizes of the kernel's arrays: columns of nPad >= n + 4 floats
 * (a 4-lane load from any point stays inside), residual rows of dPad floats,
 * a multiple of 16 (the residual blocks), embedded points and boxes of mPad
 * floats, a multiple of 4.
 */
export function simdPadding(
  n: number,
  d: number,
  K: number,
): { nPad: number; dPad: number; mPad: number } {
  return {
    nPad: 4 * Math.ceil(n / 4) + 4,
    dPad: 16 * Math.ceil(d / 16),
    mPad: 4 * Math.ceil((K + 1) / 4),
  };
}

/** The float32 counts the checker takes from its workspace, for {@link workspaceBytes}. */
export function simdCheckerSizes(
  n: number,
  d: number,
  K: number,
  leafSize: number,
  nodes: number,
): number[] {
  const { nPad, dPad, mPad } = simdPadding(n, d, K);
  return [(K + 1) * nPad, n * dPad, 2 * leafSize * leafSize, 4, n * mPad, 2 * mPad * nodes];
}
