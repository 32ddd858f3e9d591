import * as tfl from "@tensorflow/tfjs-layers";
import {
  describe,
  formatShape,
  optionalChoice,
  optionalNumber,
  optionalSeed,
  requireOptions,
} from "../validate.js";
import { deriveSeed } from "./derive-seed.js";
import { type Architecture, parseArchitecture } from "./parse-architecture.js";
import { requireBackend } from "./setup-backend.js";

/** The activations a network's hidden layers can use. */
export type ActivationName = "relu" | "tanh" | "sigmoid" | "leaky-relu";

/** Every {@link ActivationName}. */
export const ACTIVATIONS: readonly ActivationName[] = ["relu", "tanh", "sigmoid", "leaky-relu"];

/** Options of {@link buildModel}. */
export interface BuildModelOptions {
  /**
   * The shape of one input sample, as the data has it (`[4]`, `[28, 28]`,
   * `[32, 32, 3]`); the model takes samples of this shape. Default: the
   * input the spec names; required when the spec names none
   * (`conv8-pool-10`).
   */
  readonly inputShape?: readonly number[];
  /** The activation of every hidden dense and conv layer; default `"relu"`. */
  readonly activation?: ActivationName;
  /** Slope of leaky ReLU for negative inputs; default 0.01 (PyTorch's `LeakyReLU`). */
  readonly leakyReluAlpha?: number;
  /** Batch-normalise every hidden dense and conv layer (as a `bn` token after each); default false. */
  readonly batchNorm?: boolean;
  /**
   * Dropout rate after the activation of every hidden dense layer that has
   * no `dropP` token of its own; default 0 (none).
   */
  readonly dropout?: number;
  /** Seed of the weight initialisation; default 0. */
  readonly seed?: number;
}

/** The kinds of layers {@link buildModel} makes. */
export type LayerKind =
  | "input"
  | "reshape"
  | "flatten"
  | "dense"
  | "conv"
  | "pool"
  | "batch-norm"
  | "activation"
  | "dropout"
  | "output";

/** One layer of a built model. */
export interface LayerInfo {
  /** Its stable name, e.g. `dense1`, `dense1_act`, `conv2_bn`, `pool1`. */
  readonly name: string;
  readonly kind: LayerKind;
  /** The shape of its output for one sample (no batch axis). */
  readonly outputShape: readonly number[];
  /** Its number of weights (trainable or not). */
  readonly parameters: number;
}

/** What {@link buildModel} returns. */
export interface BuiltModel {
  /** The TF.js Layers model; it outputs logits (no softmax). */
  readonly model: tfl.LayersModel;
  readonly architecture: Architecture;
  /** The shape of one input sample. */
  readonly inputShape: readonly number[];
  /** Every layer, in order, input included. */
  readonly layers: readonly LayerInfo[];
}

/**
 * Builds a TF.js Layers model from a compact spec (see
 * {@link parseArchitecture}), with stable layer names for monitors and
 * activation extraction:
 *
 * - `input`; `reshape` (adds the channel axis to [h, w] images before a
 *   conv), `flatten` (before the first dense layer of image data);
 *   `input_drop`;
 * - the k-th conv layer `convk` (its affine output, before the activation),
 *   then `convk_bn`, `convk_act`, `convk_drop` as the spec asks; the k-th
 *   pool `poolk`, `poolk_drop`;
 * - the k-th hidden dense layer `densek`, `densek_bn`, `densek_act`,
 *   `densek_drop`; the output layer `denseK` for K = hidden dense layers + 1
 *   (`dense3` in `4-64-64-2`), linear: the model outputs logits.
 *
 * So a hidden layer's neurons after their nonlinearity are `densek_act`.
 * Weights are Glorot-uniform (Keras's default), each layer seeded from
 * `seed`; biases 0. Batch norm uses PyTorch's defaults (momentum 0.1 of the
 * new batch, i.e. Keras momentum 0.9; epsilon 1e-5).
 *
 * @param spec - A spec string or a parsed {@link Architecture}.
 * @param options - See {@link BuildModelOptions}.
 * @returns `{ model, architecture, inputShape, layers }`.
 * @throws RangeError for a bad spec, or an input shape that does not fit it
 *   (naming the expected and the given shapes).
 * @example
 * ```ts
 * await setupBackend();
 * const { model, layers } = buildModel("4-64-64-2", { seed: 1 });
 * layers.map((l) => l.name); // ["input", "dense1", "dense1_act", "dense2", "dense2_act", "dense3"]
 * ```
 */
export function buildModel(spec: string | Architecture, options?: BuildModelOptions): BuiltModel {
  requireBackend("buildModel");
  const opts = requireOptions("buildModel: options", options);
  const architecture = typeof spec === "string" ? parseArchitecture(spec) : spec;
  if (
    typeof architecture !== "object" ||
    architecture === null ||
    !Array.isArray(architecture.layers)
  ) {
    throw new TypeError(
      `buildModel: spec must be a string or an Architecture; got ${describe(spec)}`,
    );
  }
  const activation = optionalChoice(
    "buildModel: options.activation",
    opts.activation,
    ACTIVATIONS,
    "relu",
  );
  const alpha = optionalNumber("buildModel: options.leakyReluAlpha", opts.leakyReluAlpha, 0.01, 0);
  const batchNorm = opts.batchNorm ?? false;
  if (typeof batchNorm !== "boolean") {
    throw new TypeError(
      `buildModel: options.batchNorm must be true or false; got ${describe(batchNorm)}`,
    );
  }
  const dropout = optionalNumber("buildModel: options.dropout", opts.dropout, 0, 0, 0.999999);
  const seed = optionalSeed("buildModel: options.seed", opts.seed);
  const inputShape = resolveInputShape(architecture, opts.inputShape);
  const convolutional = architecture.layers.some((l) => l.kind !== "dense");

  let index = 0;
  const glorot = () => tfl.initializers.glorotUniform({ seed: deriveSeed(seed, index++) });
  const input = tfl.input({ shape: [...inputShape], name: "input" });
  let x = input as tfl.SymbolicTensor;
  const add = (layer: tfl.layers.Layer) => {
    x = layer.apply(x) as tfl.SymbolicTensor;
  };
  const activate = (name: string) => {
    add(
      activation === "leaky-relu"
        ? tfl.layers.leakyReLU({ alpha, name })
        : tfl.layers.activation({ activation, name }),
    );
  };
  const drop = (rate: number, name: string) => {
    if (rate > 0) add(tfl.layers.dropout({ rate, name }));
  };
  const normalise = (name: string) =>
    add(tfl.layers.batchNormalization({ momentum: 0.9, epsilon: 1e-5, name }));

  if (convolutional && inputShape.length === 2) {
    add(tfl.layers.reshape({ targetShape: [...inputShape, 1], name: "reshape" }));
  }
  drop(architecture.inputDropout, "input_drop");
  let conv = 0;
  let pool = 0;
  let dense = 0;
  let flat = inputShape.length === 1;
  for (const layer of architecture.layers) {
    if (layer.kind === "conv") {
      const name = `conv${++conv}`;
      add(
        tfl.layers.conv2d({
          filters: layer.filters,
          kernelSize: 3,
          padding: "same",
          kernelInitializer: glorot(),
          name,
        }),
      );
      if (layer.batchNorm || batchNorm) normalise(`${name}_bn`);
      activate(`${name}_act`);
      drop(layer.dropout, `${name}_drop`);
    } else if (layer.kind === "pool") {
      const name = `pool${++pool}`;
      add(tfl.layers.maxPooling2d({ poolSize: 2, strides: 2, padding: "valid", name }));
      drop(layer.dropout, `${name}_drop`);
    } else {
      if (!flat) {
        add(tfl.layers.flatten({ name: "flatten" }));
        flat = true;
      }
      const name = `dense${++dense}`;
      add(tfl.layers.dense({ units: layer.units, kernelInitializer: glorot(), name }));
      if (layer.batchNorm || batchNorm) normalise(`${name}_bn`);
      activate(`${name}_act`);
      drop(layer.dropout > 0 ? layer.dropout : dropout, `${name}_drop`);
    }
  }
  if (!flat) add(tfl.layers.flatten({ name: "flatten" }));
  add(
    tfl.layers.dense({
      units: architecture.classes,
      kernelInitializer: glorot(),
      name: `dense${dense + 1}`,
    }),
  );
  const model = tfl.model({ inputs: input, outputs: x, name: "nettopo" });
  const outputName = `dense${dense + 1}`;
  const layers = model.layers.map((layer): LayerInfo => {
    const shape = (layer.outputShape as (number | null)[]).slice(1) as number[];
    return {
      name: layer.name,
      kind: layer.name === outputName ? "output" : kindOf(layer.getClassName()),
      outputShape: shape,
      parameters: layer.countParams(),
    };
  });
  return { model, architecture, inputShape, layers };
}

function kindOf(className: string): LayerKind {
  switch (className) {
    case "InputLayer":
      return "input";
    case "Reshape":
      return "reshape";
    case "Flatten":
      return "flatten";
    case "Dense":
      return "dense";
    case "Conv2D":
      return "conv";
    case "MaxPooling2D":
      return "pool";
    case "BatchNormalization":
      return "batch-norm";
    case "Dropout":
      return "dropout";
    default:
      return "activation";
  }
}

/** The sample shape the model takes: the data's if given (checked against the spec), else the spec's. */
function resolveInputShape(
  architecture: Architecture,
  given: readonly number[] | undefined,
): number[] {
  const named = architecture.inputShape;
  const where = `architecture ${JSON.stringify(architecture.spec)}`;
  const convolutional = architecture.layers.some((l) => l.kind !== "dense");
  if (given === undefined) {
    if (named === undefined) {
      throw new RangeError(
        `${where} names no input size; pass the data's sample shape (options.inputShape) or start the spec with it (e.g. 28x28-...)`,
      );
    }
    return [...named];
  }
  if (
    !Array.isArray(given) ||
    given.length === 0 ||
    !given.every((n) => Number.isSafeInteger(n) && n >= 1)
  ) {
    throw new TypeError(
      `buildModel: options.inputShape must be an array of sizes >= 1; got ${describe(given)}`,
    );
  }
  const size = given.reduce((a, b) => a * b, 1);
  if (convolutional) {
    if (given.length !== 2 && given.length !== 3) {
      throw new RangeError(
        `${where} has convolutions and needs image samples of shape (height, width) or (height, width, channels); got samples of shape ${formatShape(given)}`,
      );
    }
    if (named !== undefined) {
      const expected = named.length === 2 ? [...named, 1] : named;
      const got = given.length === 2 ? [...given, 1] : given;
      if (expected.join() !== got.join()) {
        throw new RangeError(
          `${where} expects samples of shape ${formatShape(named)}; got samples of shape ${formatShape(given)}`,
        );
      }
    }
  } else if (named !== undefined) {
    const expected = named.reduce((a, b) => a * b, 1);
    if (expected !== size) {
      throw new RangeError(
        `${where} expects samples of ${expected} values${named.length > 1 ? ` (${formatShape(named)})` : ""}; got samples of shape ${formatShape(given)} (${size} values)`,
      );
    }
  }
  return [...given];
}
