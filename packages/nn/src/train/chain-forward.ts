import * as tf from "@tensorflow/tfjs-core";
import type * as tfl from "@tensorflow/tfjs-layers";

/** A model's forward pass on a batch, in training or inference mode. */
export type Forward = (x: tf.Tensor, training: boolean) => tf.Tensor;

/** `{ bias }` when there is one (the fused ops take no undefined bias). */
function withBias(bias: tf.Tensor | undefined): { bias?: tf.Tensor } {
  return bias === undefined ? {} : { bias };
}

/** The fields of TF.js's Dense and Conv2D layers the fast path reads (public in TF.js 4.x). */
interface AffineLayer {
  kernel: { read(): tf.Tensor };
  bias?: { read(): tf.Tensor } | null;
  activation: { getClassName(): string; apply(x: tf.Tensor): tf.Tensor };
  rank?: number;
  strides?: [number, number];
  padding?: "valid" | "same" | "causal";
  dataFormat?: "channelsFirst" | "channelsLast";
  dilationRate?: [number, number];
}

/** A layer's inbound nodes (public fields of TF.js 4.x layers). */
interface Linked {
  inboundNodes: { inboundLayers: unknown[] }[];
}

/**
 * The training forward pass of a model that is a chain of layers, run
 * layer by layer on concrete tensors (internal). Every layer runs its own
 * `call`, except Dense and Conv2D: the first of them (whose input is the
 * data) computes as a plain product or convolution plus a bias add, the
 * others as TF.js's fused product or convolution with bias, then their
 * activation. Two costs of `model.apply` go away: the symbolic bookkeeping
 * of each layer call, and the gradient with respect to the data, which the
 * fused kernels' custom gradients always compute (about a fifth of an MLP
 * step on Fashion-MNIST) while the plain ops' gradients are computed only
 * where needed. The numbers are those of the layers' own calls up to float
 * rounding (the fused kernels add the bias inside the product).
 *
 * @returns The forward pass, or undefined for a model that is not a chain
 *   starting at its input (use `model.apply` then).
 */
export function chainForward(model: tfl.LayersModel): Forward | undefined {
  const layers = model.layers;
  if (layers.length === 0 || layers[0]!.getClassName() !== "InputLayer") return undefined;
  if (model.inputs.length !== 1 || model.outputs.length !== 1) return undefined;
  for (let i = 0; i < layers.length; i += 1) {
    const nodes = (layers[i] as unknown as Linked).inboundNodes;
    if (nodes?.length !== 1) return undefined;
    const inbound = nodes[0]!.inboundLayers;
    if (i === 0 ? inbound.length !== 0 : inbound.length !== 1 || inbound[0] !== layers[i - 1]) {
      return undefined;
    }
  }
  if (model.outputs[0] !== layers.at(-1)!.output) return undefined;
  const firstAffine = layers.findIndex((l) => ["Dense", "Conv2D"].includes(l.getClassName()));
  const steps = layers.slice(1).map((layer, k) => stepOf(layer, k + 1 === firstAffine));
  return (x, training) => {
    let y = x;
    for (const step of steps) y = step(y, training);
    return y;
  };
}

function stepOf(layer: tfl.layers.Layer, first: boolean): Forward {
  const className = layer.getClassName();
  const affine = layer as unknown as AffineLayer;
  const own: Forward = (x, training) => layer.call(x, { training }) as tf.Tensor;
  const bias = () => affine.bias?.read();
  const activate = (y: tf.Tensor) =>
    affine.activation.getClassName() === "linear" ? y : affine.activation.apply(y);
  const addBias = (y: tf.Tensor) => (affine.bias ? tf.add(y, affine.bias.read()) : y);
  if (className === "Dense") {
    return (x, training) => {
      if (x.rank !== 2) return own(x, training);
      const kernel = affine.kernel.read() as tf.Tensor2D;
      return activate(
        first
          ? addBias(tf.matMul(x, kernel))
          : tf.fused.matMul({ a: x as tf.Tensor2D, b: kernel, ...withBias(bias()) }),
      );
    };
  }
  if (className === "Conv2D" && affine.rank === 2 && affine.dataFormat === "channelsLast") {
    if (affine.padding === "causal") return own;
    const pad = affine.padding === "same" ? "same" : "valid";
    const strides = affine.strides!;
    const dilations = affine.dilationRate!;
    return (x) => {
      const filter = affine.kernel.read() as tf.Tensor4D;
      const input = x as tf.Tensor4D;
      return activate(
        first
          ? addBias(tf.conv2d(input, filter, strides, pad, "NHWC", dilations))
          : tf.fused.conv2d({ x: input, filter, strides, pad, dilations, ...withBias(bias()) }),
      );
    };
  }
  return own;
}
