import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs-core";
import * as tfl from "@tensorflow/tfjs-layers";
import { writeDirectoryAtomic, writeFileSynced } from "./durable-files.js";
import { fileSystemHandler } from "./file-system-handler.js";

/** Where a run stood when a checkpoint was written (its `state.json`). */
export interface CheckpointState {
  /** Epochs done. */
  readonly epoch: number;
  /** Optimizer steps done. */
  readonly step: number;
  /** Seconds of training so far. */
  readonly seconds: number;
}

/** The optimizer-state files of a checkpoint. */
const OPTIMIZER_JSON = "optimizer.json";
const OPTIMIZER_BIN = "optimizer.bin";

interface OptimizerFile {
  readonly format: "nettopo-optimizer-state";
  readonly className: string;
  readonly weightsManifest: tf.io.WeightsManifestConfig;
  /** Adam's running powers β1^t and β2^t, restored exactly (TF.js recomputes them as pow, which rounds differently). */
  readonly accBeta?: readonly [number, number];
}

/** Adam's private running powers (TF.js 4.x field names). */
interface AdamPowers {
  accBeta1?: tf.Variable;
  accBeta2?: tf.Variable;
}

/**
 * Writes a checkpoint directory atomically (internal): the model in TF.js
 * format (`model.json`, `weights.bin`), the optimizer's state
 * (`optimizer.json`, `optimizer.bin`: its iteration count and moment or
 * momentum buffers) and `state.json`, into a temporary directory renamed to
 * `directory` when complete.
 */
export async function saveCheckpoint(
  directory: string,
  model: tfl.LayersModel,
  optimizer: tf.Optimizer,
  state: CheckpointState,
): Promise<void> {
  await writeDirectoryAtomic(directory, async (temporary) => {
    await model.save(fileSystemHandler(temporary));
    const weights = await optimizer.getWeights();
    const { data, specs } = await tf.io.encodeWeights(weights);
    // The first is a fresh scalar of the iteration count; the others are the optimizer's variables.
    weights[0]?.tensor.dispose();
    const powers = optimizer as unknown as AdamPowers;
    const file: OptimizerFile = {
      format: "nettopo-optimizer-state",
      className: optimizer.getClassName(),
      weightsManifest: [{ paths: [OPTIMIZER_BIN], weights: specs }],
      ...(powers.accBeta1 && powers.accBeta2
        ? {
            accBeta: [powers.accBeta1.dataSync()[0]!, powers.accBeta2.dataSync()[0]!] as const,
          }
        : {}),
    };
    await writeFileSynced(join(temporary, OPTIMIZER_BIN), new Uint8Array(data as ArrayBuffer));
    await writeFileSynced(join(temporary, OPTIMIZER_JSON), JSON.stringify(file));
    await writeFileSynced(join(temporary, "state.json"), `${JSON.stringify(state)}\n`);
  });
}

/**
 * Reads a checkpoint (internal): the model, and the optimizer state into
 * `optimizer` (made from the run's config, of the same class).
 */
export async function loadCheckpoint(
  directory: string,
  optimizer: tf.Optimizer,
): Promise<{ model: tfl.LayersModel; state: CheckpointState }> {
  const state = JSON.parse(
    await readFile(join(directory, "state.json"), "utf8"),
  ) as CheckpointState;
  const model = await tfl.loadLayersModel(fileSystemHandler(directory));
  const file = JSON.parse(await readFile(join(directory, OPTIMIZER_JSON), "utf8")) as OptimizerFile;
  if (file.className !== optimizer.getClassName()) {
    throw new RangeError(
      `${directory} holds the state of a ${file.className} optimizer; the run's config makes a ${optimizer.getClassName()}`,
    );
  }
  const bytes = await readFile(join(directory, OPTIMIZER_BIN));
  const specs = tf.io.getWeightSpecs(file.weightsManifest);
  const named = tf.io.decodeWeights(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    specs,
  );
  await optimizer.setWeights(specs.map((spec) => ({ name: spec.name, tensor: named[spec.name]! })));
  tf.dispose(Object.values(named));
  const powers = optimizer as unknown as AdamPowers;
  const accBeta = file.accBeta;
  if (accBeta && powers.accBeta1 && powers.accBeta2) {
    tf.tidy(() => {
      powers.accBeta1!.assign(tf.scalar(accBeta[0]));
      powers.accBeta2!.assign(tf.scalar(accBeta[1]));
    });
  }
  return { model, state };
}
