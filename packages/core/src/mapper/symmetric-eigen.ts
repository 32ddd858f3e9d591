/**
 * Eigenvalues and eigenvectors of a small symmetric matrix by the cyclic
 * Jacobi method (internal; Golub & Van Loan, "Matrix Computations", 4th ed.,
 * section 8.5). Returns the eigenvalues in decreasing order and the
 * eigenvectors as the columns of a row-major `size x size` matrix in the same
 * order. The input is not modified.
 */
export function symmetricEigen(
  matrix: Float64Array,
  size: number,
): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(size * size);
  for (let i = 0; i < size; i++) v[i * size + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let total = 0;
    for (let p = 0; p < size; p++) {
      for (let q = 0; q < size; q++) {
        const x = a[p * size + q]! ** 2;
        total += x;
        if (p !== q) off += x;
      }
    }
    if (off <= 1e-30 * total || off === 0) break;
    for (let p = 0; p < size - 1; p++) {
      for (let q = p + 1; q < size; q++) {
        const apq = a[p * size + q]!;
        if (apq === 0) continue;
        const app = a[p * size + p]!;
        const aqq = a[q * size + q]!;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < size; k++) {
          const akp = a[k * size + p]!;
          const akq = a[k * size + q]!;
          a[k * size + p] = c * akp - s * akq;
          a[k * size + q] = s * akp + c * akq;
        }
        for (let k = 0; k < size; k++) {
          const apk = a[p * size + k]!;
          const aqk = a[q * size + k]!;
          a[p * size + k] = c * apk - s * aqk;
          a[q * size + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < size; k++) {
          const vkp = v[k * size + p]!;
          const vkq = v[k * size + q]!;
          v[k * size + p] = c * vkp - s * vkq;
          v[k * size + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: size }, (_, i) => i).sort(
    (i, j) => a[j * size + j]! - a[i * size + i]! || i - j,
  );
  const values = new Float64Array(size);
  const vectors = new Float64Array(size * size);
  for (let c = 0; c < size; c++) {
    const from = order[c]!;
    values[c] = a[from * size + from]!;
    for (let k = 0; k < size; k++) vectors[k * size + c] = v[k * size + from]!;
  }
  return { values, vectors };
}
