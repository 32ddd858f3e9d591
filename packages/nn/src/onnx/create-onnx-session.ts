import { InferenceSession } from "onnxruntime-node";

/** Options of the onnxruntime sessions nettopo creates. */
export interface OnnxSessionOptions {
  /**
   * Threads one operator may use (onnxruntime's `intraOpNumThreads`); default
   * 1, which was the fastest for batches of small networks on a 2-core machine
   * (the calling thread does all the work, no synchronisation). Operators run
   * one after the other (`executionMode: "sequential"`).
   */
  readonly threads?: number;
  /**
   * onnxruntime's graph optimization level: `"disabled"`, `"basic"`,
   * `"extended"` or `"all"`; default `"extended"` (fusions, but not the
   * blocked NCHWc layout of `"all"`, which must reorder every requested
   * convolution output back and cost ~15% more CPU on the small CNN of
   * bench/nn.mjs). Results agree to float rounding across levels.
   */
  readonly optimization?: "disabled" | "basic" | "extended" | "all";
}

const OPTIMIZATION_LEVELS = ["disabled", "basic", "extended", "all"] as const;

/**
 * Creates an onnxruntime session (CPU) on a serialized model; a model that
 * fails to load gives a one-line RangeError naming `source` and the reason.
 *
 * @param model - The serialized model.
 * @param source - Names the model in messages (its path).
 * @param options - {@link OnnxSessionOptions}; default one thread, `"extended"` optimizations.
 *
 * @example
 * const session = await createOnnxSession(readFileSync("cnn.onnx"), "cnn.onnx");
 */
export async function createOnnxSession(
  model: Uint8Array,
  source: string,
  options: OnnxSessionOptions = {},
): Promise<InferenceSession> {
  const threads = options.threads ?? 1;
  if (!Number.isSafeInteger(threads) || threads < 1) {
    throw new RangeError(`options.threads must be an integer >= 1; got ${String(threads)}`);
  }
  const optimization = options.optimization ?? "extended";
  if (!OPTIMIZATION_LEVELS.includes(optimization)) {
    throw new RangeError(
      `options.optimization must be one of ${OPTIMIZATION_LEVELS.join(", ")}; got ${JSON.stringify(optimization)}`,
    );
  }
  try {
    return await InferenceSession.create(model, {
      executionProviders: ["cpu"],
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: "sequential",
      graphOptimizationLevel: optimization,
      // Errors only: onnxruntime's warnings (unused initializers...) are not ours to print.
      logSeverityLevel: 3,
    });
  } catch (error) {
    throw new RangeError(
      `cannot load ONNX model ${JSON.stringify(source)}: onnxruntime failed: ${reasonOf(error)}`,
      { cause: error },
    );
  }
}

/** The message of an error on one line. */
export function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*[\r\n]+\s*/g, " ").trim();
}
