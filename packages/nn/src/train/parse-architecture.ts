import { describe } from "../validate.js";

/** A hidden layer of an {@link Architecture}. */
export type HiddenLayerSpec =
  | {
      /** A fully connected layer of `units` neurons. */
      readonly kind: "dense";
      readonly units: number;
      /** Batch normalisation between the affine map and the activation (`bn`). */
      readonly batchNorm: boolean;
      /** Dropout rate after the activation (`dropP`); 0 for none. */
      readonly dropout: number;
    }
  | {
      /** A convolution of `filters` 3x3 filters, stride 1, 'same' padding. */
      readonly kind: "conv";
      readonly filters: number;
      readonly batchNorm: boolean;
      readonly dropout: number;
    }
  | {
      /** 2x2 max pooling with stride 2 (an odd last row or column is dropped). */
      readonly kind: "pool";
      readonly dropout: number;
    };

/** A network parsed from a compact spec by {@link parseArchitecture}. */
export interface Architecture {
  /** The spec as given (trimmed). */
  readonly spec: string;
  /**
   * The input the spec names: `[d]` for a vector (`784-...`), `[h, w]` or
   * `[h, w, c]` for an image (`28x28-...`, `32x32x3-...`); absent when the
   * spec starts with a layer and the data decides.
   */
  readonly inputShape?: readonly number[];
  /** Dropout rate on the inputs (`784-drop0.2-...`); 0 for none. */
  readonly inputDropout: number;
  /** The hidden layers, in order. */
  readonly layers: readonly HiddenLayerSpec[];
  /** The number of classes: the width of the last, linear layer (the logits). */
  readonly classes: number;
}

/** The grammar, quoted in error messages. */
const TOKENS =
  "N or fcN (dense layer of N units), convN (N 3x3 filters), pool (2x2 max pool), bn (batch norm), dropP (dropout rate P, e.g. drop0.5)";

/**
 * Parses a compact network spec: tokens joined by `-`.
 *
 * ```text
 * spec   = [input "-"] layer ("-" layer)* "-" classes   |   input "-" classes
 * input  = N | HxW | HxWxC        first token: the input width or image size
 * layer  = N | fcN                dense layer of N units, then the activation
 *        | convN                  N 3x3 filters, stride 1, 'same' padding, then the activation
 *        | pool | maxpool         2x2 max pooling, stride 2
 *        | bn                     batch normalisation of the layer before, before its activation
 *        | dropP                  dropout of rate P in [0, 1) after the layer before (or the input)
 * classes = N | fcN               the output layer: N logits, no activation
 * ```
 *
 * A spec that starts with a number starts with its input (`4-64-64-2`: 4
 * inputs, two hidden layers of 64, 2 classes); one that starts with a layer
 * takes its input shape from the data (`conv8-pool-conv16-pool-fc64-10`).
 * Convolutions and pools come before dense layers (a flatten goes between).
 *
 * @param spec - E.g. `"4-64-64-2"`, `"784-128-drop0.2-10"`,
 *   `"conv8-bn-pool-conv16-bn-pool-fc64-drop0.5-10"`.
 * @returns The {@link Architecture}.
 * @throws TypeError for a spec that is not a string; RangeError, naming the
 *   token and what was expected, for anything else.
 * @example
 * ```ts
 * parseArchitecture("4-64-64-2").layers.length; // 2
 * parseArchitecture("conv8-pool-conv16-pool-fc64-10").classes; // 10
 * ```
 */
export function parseArchitecture(spec: string): Architecture {
  if (typeof spec !== "string") {
    throw new TypeError(
      `parseArchitecture: spec must be a string such as "4-64-64-2"; got ${describe(spec)}`,
    );
  }
  const text = spec.trim();
  const where = `architecture ${JSON.stringify(text)}`;
  const tokens = text.split("-").map((t) => t.trim().toLowerCase());
  if (text === "" || tokens.length < 2) {
    throw new RangeError(
      `${where} needs at least an input and a class count, e.g. "4-64-64-2" or "conv8-pool-10"`,
    );
  }
  const empty = tokens.indexOf("");
  if (empty >= 0) throw new RangeError(`${where} has an empty token at position ${empty + 1}`);
  const token = (k: number) => `token ${k + 1} ${JSON.stringify(tokens[k])}`;
  const positive = (k: number, digits: string) => {
    const n = Number(digits);
    if (!Number.isSafeInteger(n) || n < 1) {
      throw new RangeError(`${where}: ${token(k)} needs a size >= 1`);
    }
    return n;
  };

  let inputShape: number[] | undefined;
  let first = 0;
  const image = /^(\d+)x(\d+)(?:x(\d+))?$/.exec(tokens[0]!);
  if (/^\d+$/.test(tokens[0]!)) {
    inputShape = [positive(0, tokens[0]!)];
    first = 1;
  } else if (image) {
    inputShape = image.slice(1, image[3] === undefined ? 3 : 4).map((d) => positive(0, d!));
    first = 1;
  }

  const lastToken = tokens.length - 1;
  const output = /^(?:fc)?(\d+)$/.exec(tokens[lastToken]!);
  if (!output || lastToken < first) {
    throw new RangeError(
      `${where}: the last token must be the number of classes (e.g. 10); got ${JSON.stringify(tokens[lastToken])}`,
    );
  }
  const classes = positive(lastToken, output[1]!);
  if (classes < 2) {
    throw new RangeError(`${where}: the class count must be at least 2; got ${classes}`);
  }

  /** A layer while its `bn` and `dropP` tokens are still to come. */
  interface Draft {
    kind: HiddenLayerSpec["kind"];
    size: number;
    batchNorm: boolean;
    dropout: number;
  }
  const layers: Draft[] = [];
  let inputDropout = 0;
  let dense = false;
  for (let k = first; k < lastToken; k += 1) {
    const t = tokens[k]!;
    const previous = layers.at(-1);
    const denseMatch = /^(?:fc)?(\d+)$/.exec(t);
    const convMatch = /^conv(\d+)$/.exec(t);
    const dropMatch = /^drop(\d*\.?\d+)$/.exec(t);
    if (denseMatch) {
      layers.push({
        kind: "dense",
        size: positive(k, denseMatch[1]!),
        batchNorm: false,
        dropout: 0,
      });
      dense = true;
    } else if (convMatch || /^(?:max)?pool$/.test(t)) {
      if (dense) {
        throw new RangeError(
          `${where}: ${token(k)} comes after a dense layer; convolutions and pools must come first`,
        );
      }
      if (inputShape?.length === 1) {
        throw new RangeError(
          `${where}: ${token(k)} needs an image input such as 28x28 or 32x32x3; the spec's input ${inputShape[0]} is a vector`,
        );
      }
      layers.push(
        convMatch
          ? { kind: "conv", size: positive(k, convMatch[1]!), batchNorm: false, dropout: 0 }
          : { kind: "pool", size: 2, batchNorm: false, dropout: 0 },
      );
    } else if (t === "bn") {
      if (
        previous === undefined ||
        previous.kind === "pool" ||
        previous.batchNorm ||
        previous.dropout > 0
      ) {
        throw new RangeError(
          `${where}: ${token(k)} must follow a dense or conv layer directly (it normalises that layer before its activation)`,
        );
      }
      previous.batchNorm = true;
    } else if (dropMatch) {
      const rate = Number(dropMatch[1]);
      if (!(rate >= 0 && rate < 1)) {
        throw new RangeError(`${where}: ${token(k)} needs a dropout rate in [0, 1), e.g. drop0.5`);
      }
      if (previous === undefined) {
        if (k !== first || first === 0 || inputDropout > 0) {
          throw new RangeError(`${where}: ${token(k)} must follow the input or a layer`);
        }
        inputDropout = rate;
      } else {
        if (previous.dropout > 0) throw new RangeError(`${where}: ${token(k)} repeats a dropout`);
        previous.dropout = rate;
      }
    } else {
      throw new RangeError(`${where}: ${token(k)} is not a layer; expected ${TOKENS}`);
    }
  }
  return {
    spec: text,
    ...(inputShape === undefined ? {} : { inputShape }),
    inputDropout,
    layers: layers.map((l): HiddenLayerSpec => {
      if (l.kind === "dense") {
        return { kind: "dense", units: l.size, batchNorm: l.batchNorm, dropout: l.dropout };
      }
      if (l.kind === "conv") {
        return { kind: "conv", filters: l.size, batchNorm: l.batchNorm, dropout: l.dropout };
      }
      return { kind: "pool", dropout: l.dropout };
    }),
    classes,
  };
}
