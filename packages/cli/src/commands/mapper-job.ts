import { readFile } from "node:fs/promises";
import { basename, extname } from "node:path";
import {
  activationRows,
  type ClusterSpec,
  type CoverSpec,
  type LensSpec,
  type MapperPoints,
  type Progress,
} from "@nettopo/core";
import {
  ActivationCollector,
  closestNames,
  type Dataset,
  extractActivations,
  loadModel,
  type NdArray,
  normalize,
  readNpy,
  readNpz,
  TfjsModel,
} from "@nettopo/nn";
import { openDataArgument } from "../data-argument.js";
import { IoError } from "../io-error.js";
import { UsageError } from "../usage-error.js";

/** How a convolutional layer's activations become one row per input. */
export type ConvReduction = "average" | "flatten" | "position";

/** Everything `nettopo mapper` computes from (its flags). */
export interface MapperSettings {
  readonly inputPath: string;
  readonly layer: string | undefined;
  readonly data: string | undefined;
  readonly limit: number | undefined;
  readonly conv: ConvReduction;
  readonly position: readonly [number, number] | undefined;
  readonly layout: "nchw" | "nhwc" | undefined;
  readonly lens: LensSpec;
  readonly cover: CoverSpec;
  readonly cluster: ClusterSpec;
  readonly labelsPath: string | undefined;
  readonly labelNames: readonly string[] | undefined;
  readonly nerveDimension: number;
  readonly nodeMeans: boolean;
}

/** The rows Mapper runs on, with their labels and where they came from. */
export interface MapperInput {
  readonly points: MapperPoints;
  readonly labels: Int32Array | undefined;
  readonly labelNames: readonly string[] | undefined;
  /** What the rows are: the file (and array), or the model's layer on the data set. */
  readonly source: string;
  /** A short title: the file, or the model and its layer. */
  readonly title: string;
  /** The inputs' images, when a model ran on image data (IDX files: 0-255). */
  readonly images: { readonly values: Float32Array; readonly shape: readonly number[] } | undefined;
}

/** The default number of data set inputs run through a model. */
export const DEFAULT_MAPPER_LIMIT = 10000;

/**
 * Reads the rows: an .npy array ([inputs, features] or a 4-d feature map),
 * an .npz array (`--layer`, or its only array that is not `labels`), or a
 * model (ONNX, TF.js) run on `--data` with its `--layer` activations; 4-d
 * activations are reduced per input as `--conv` says. Labels come from
 * `--labels`, else an .npz's `labels` array or the data set's labels.
 *
 * @throws UsageError for misplaced flags; RangeError for arrays that do not
 *   fit; IoError for unreadable files.
 */
export async function readMapperInput(
  settings: MapperSettings,
  signal: AbortSignal,
  onProgress?: (progress: Progress) => void,
): Promise<MapperInput> {
  const extension = extname(settings.inputPath).toLowerCase();
  let array: { shape: readonly number[]; values: Float32Array | Float64Array };
  let labels: Int32Array | undefined;
  let labelNames: readonly string[] | undefined;
  let source: string;
  let images: MapperInput["images"];
  let layout: "nchw" | "nhwc" = settings.layout ?? "nchw";
  if (extension === ".npy" || extension === ".npz") {
    if (settings.data !== undefined || settings.limit !== undefined) {
      throw new UsageError(
        `--data and --limit apply to a model; ${settings.inputPath} holds activations already`,
      );
    }
    const bytes = await readBytes(settings.inputPath);
    if (extension === ".npy") {
      if (settings.layer !== undefined) {
        throw new UsageError(
          `--layer picks an array of an .npz or a model's layer; ${settings.inputPath} is one array`,
        );
      }
      array = floats(readNpy(bytes, { source: settings.inputPath }), settings.inputPath);
      source = settings.inputPath;
    } else {
      const arrays = readNpz(bytes, { source: settings.inputPath });
      const names = arrays.map((a) => a.name);
      const candidates = arrays.filter((a) => a.name !== "labels");
      let chosen: (typeof arrays)[number] | undefined = candidates[0];
      if (settings.layer !== undefined) {
        chosen = arrays.find((a) => a.name === settings.layer);
        if (chosen === undefined) {
          const close = closestNames(settings.layer, names, 3);
          throw new RangeError(
            `no array ${JSON.stringify(settings.layer)} in ${settings.inputPath}; it has ${names.map((n) => JSON.stringify(n)).join(", ")}${close.length > 0 ? ` (did you mean ${close.map((n) => JSON.stringify(n)).join(" or ")}?)` : ""}`,
          );
        }
      } else if (candidates.length !== 1) {
        throw new UsageError(
          `${settings.inputPath} holds ${candidates.length} arrays (${candidates.map((a) => JSON.stringify(a.name)).join(", ")}); pick one with --layer NAME`,
        );
      }
      array = floats(chosen!, `${settings.inputPath}:${chosen!.name}`);
      source = `${settings.inputPath}:${chosen!.name}`;
      const stored = arrays.find((a) => a.name === "labels");
      if (stored !== undefined) labels = integers(stored, `${settings.inputPath}:labels`);
    }
  } else {
    if (settings.data === undefined) {
      throw new UsageError(
        `a model needs --data (fashion-mnist, a synthetic set or a data set file) to run on; got none for ${settings.inputPath}`,
      );
    }
    if (settings.layer === undefined) {
      throw new UsageError(
        `a model needs --layer NAME (see 'nettopo layers ${settings.inputPath}')`,
      );
    }
    const model = await loadModel(settings.inputPath).catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException)?.code !== undefined && !(error instanceof RangeError)) {
        throw new IoError("read", settings.inputPath, error);
      }
      throw error;
    });
    const { dataset: raw, kind } = await openDataArgument(settings.data, {});
    const dataset: Dataset =
      kind === "idx-images" ? normalize(raw, { method: "scale-255" }).dataset : raw;
    const limit = Math.min(settings.limit ?? DEFAULT_MAPPER_LIMIT, dataset.count);
    const collector = new ActivationCollector();
    await extractActivations(model, dataset, [settings.layer], {
      sink: collector,
      limit,
      signal,
      ...(onProgress ? { onProgress } : {}),
    });
    const collected = collector.all()[0]!;
    array = { shape: [collected.rows, ...collected.sampleShape], values: collected.data };
    // ONNX models are NCHW; TF.js models NHWC.
    if (settings.layout === undefined && model instanceof TfjsModel) {
      layout = "nhwc";
    }
    labels = dataset.labels?.slice(0, limit);
    if (kind === "idx-images") {
      // The raw bytes (before scaling), for the explorer's thumbnails.
      images = {
        values: raw.inputs.subarray(0, (limit * raw.inputs.length) / raw.count),
        shape: [limit, ...raw.sampleShape],
      };
    }
    labelNames = dataset.classNames;
    source = `${settings.inputPath} layer ${JSON.stringify(settings.layer)} on ${dataset.name} (${limit} inputs)`;
  }
  if (settings.labelsPath !== undefined) {
    const bytes = await readBytes(settings.labelsPath);
    labels = integers(readNpy(bytes, { source: settings.labelsPath }), settings.labelsPath);
    if (labels.length !== array.shape[0]) {
      throw new RangeError(
        `${settings.labelsPath} has ${labels.length} labels but ${source} has ${array.shape[0]} inputs; expected one label per input`,
      );
    }
  }
  const points = rowsOf(array, settings, layout, source);
  return {
    points,
    labels,
    labelNames: settings.labelNames ?? labelNames,
    source,
    title:
      settings.layer === undefined
        ? basename(settings.inputPath)
        : `${basename(settings.inputPath)} · ${settings.layer}`,
    images,
  };
}

/** The rows of an array: 2-d as it is, 4-d reduced per `--conv`, 3-d or 5-d+ flattened. */
function rowsOf(
  array: { shape: readonly number[]; values: Float32Array | Float64Array },
  settings: MapperSettings,
  layout: "nchw" | "nhwc",
  source: string,
): MapperPoints {
  const { shape, values } = array;
  if (shape.length < 2) {
    throw new RangeError(
      `${source} has shape [${shape.join(", ")}]; expected [inputs, features] or [inputs, C, H, W]`,
    );
  }
  if (shape.length === 4) {
    return activationRows(values, shape, {
      layout,
      reduction: settings.conv,
      ...(settings.position === undefined ? {} : { position: settings.position }),
    });
  }
  if (settings.conv === "position") {
    throw new UsageError(
      `--conv position needs a 4-d feature map; ${source} has shape [${shape.join(", ")}]`,
    );
  }
  const dimension = shape.slice(1).reduce((a, b) => a * b, 1);
  return { count: shape[0]!, dimension, coordinates: values };
}

function floats(
  array: NdArray,
  where: string,
): { shape: readonly number[]; values: Float32Array | Float64Array } {
  const data = array.data;
  if (data instanceof Float32Array || data instanceof Float64Array)
    return { shape: array.shape, values: data };
  if (typeof (data as ArrayLike<unknown>)[0] === "bigint") {
    throw new RangeError(`${where} holds 64-bit integers; expected floating-point activations`);
  }
  return { shape: array.shape, values: Float64Array.from(data as ArrayLike<number>) };
}

function integers(array: NdArray, where: string): Int32Array {
  if (array.shape.length !== 1) {
    throw new RangeError(
      `${where} has shape [${array.shape.join(", ")}]; expected one label per input, [inputs]`,
    );
  }
  const out = new Int32Array(array.shape[0]!);
  const data = array.data as ArrayLike<number | bigint>;
  for (let i = 0; i < out.length; i++) {
    const value = Number(data[i]);
    if (!Number.isInteger(value) || value < 0 || value > 2 ** 31 - 1) {
      throw new RangeError(`${where}[${i}] is ${String(data[i])}; labels must be integers >= 0`);
    }
    out[i] = value;
  }
  return out;
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new IoError("read", path, error);
  }
}
