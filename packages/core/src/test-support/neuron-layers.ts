/**
 * Test support: the activations of small random ReLU networks, with dead
 * units, as {@link LayerActivations}. Not part of the published package.
 */
import type { LayerActivations } from "../neurons/layer-activations.js";
import { gaussian, seededRandom } from "../random.js";

/**
 * The ReLU layers of a random network 4 -> widths[0] -> widths[1] -> ... on
 * `samples` points uniform in [0, 1]^4 (He-initialised weights from
 * `seededRandom(seed)`); every fifth unit of the first layer has a bias of
 * -100, so it is dead (constant 0). Float32 values, as a model gives them.
 */
export function randomReluLayers(
  seed: number,
  samples: number,
  widths: readonly number[],
): LayerActivations[] {
  const random = seededRandom(seed);
  let x = Float64Array.from({ length: samples * 4 }, random);
  let d = 4;
  const layers: LayerActivations[] = [];
  widths.forEach((w, l) => {
    const weights = Float64Array.from({ length: d * w }, () => gaussian(random) * Math.sqrt(2 / d));
    const bias = Float64Array.from({ length: w }, (_, j) =>
      l === 0 && j % 5 === 3 ? -100 : 0.1 * gaussian(random),
    );
    const y = new Float32Array(samples * w);
    for (let s = 0; s < samples; s++) {
      for (let j = 0; j < w; j++) {
        let a = bias[j]!;
        for (let k = 0; k < d; k++) a += x[s * d + k]! * weights[k * w + j]!;
        y[s * w + j] = Math.max(0, a);
      }
    }
    layers.push({ name: `relu${l + 1}`, samples, neurons: w, values: y });
    x = Float64Array.from(y);
    d = w;
  });
  return layers;
}
