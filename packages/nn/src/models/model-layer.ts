import type { NamedLayer } from "./layer-index.js";

/**
 * One dimension of a tensor shape: a size, a symbolic name (`"batch"`, the
 * name the exporter gave a dynamic axis, or e.g. `"batch*392"` for a size that
 * grows with the batch), or `null` where it is not known before running.
 */
export type Dimension = number | string | null;

/**
 * A tensor of a model that activations can be taken from: an input, or an
 * output of a node (ONNX) or layer (TF.js). ONNX and TF.js models describe
 * their layers with these same fields, so that listings and extraction treat
 * both alike; `OnnxLayer` and `TfjsLayer` say how each fills them in.
 */
export interface ModelLayer extends NamedLayer {
  /** The node's op type or the layer's class (`Conv`, `Dense`, ...); `"Input"` for an input. */
  readonly opType: string;
  /** The node's or layer's name. */
  readonly nodeName: string;
  /** Which output of its node or layer this tensor is (0 for most; 0 for an input). */
  readonly outputIndex: number;
  /** The element type (`"float32"`, `"int64"`, ...). */
  readonly elementType: string;
  /**
   * The shape, batch axis first; `null` for a size unknown before running;
   * `undefined` when even the rank is unknown.
   */
  readonly shape: readonly Dimension[] | undefined;
}
