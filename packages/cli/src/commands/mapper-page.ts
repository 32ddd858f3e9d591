import { readFile } from "node:fs/promises";
import type { MapperGraphJSON } from "@nettopo/core";
import { readNpy } from "@nettopo/nn";
import { buildMapperPageData, type ImageStack, imageStack, selfContainedPage } from "@nettopo/web";
import { IoError } from "../io-error.js";
import { writeOutput } from "../write-output.js";
import type { MapperInput } from "./mapper-job.js";

/**
 * The images the explorer shows as thumbnails: `--images FILE.npy` when
 * given, else the data set's images when a model ran on image data, else
 * none. There must be one image per input.
 *
 * @throws IoError for an unreadable file; RangeError (one line) for a shape
 *   that is not images or a count that is not the inputs'.
 */
export async function pageImages(
  path: string | undefined,
  input: MapperInput,
): Promise<ImageStack | undefined> {
  let stack: ImageStack;
  if (path !== undefined) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(path);
    } catch (error) {
      throw new IoError("read", path, error);
    }
    const array = readNpy(bytes, { source: path, convertTo: "float64" });
    stack = imageStack(array.data as Float64Array, array.shape, path);
    if (stack.count !== input.points.count) {
      throw new RangeError(
        `${path} holds ${stack.count} images but ${input.source} has ${input.points.count} inputs; expected one image per input`,
      );
    }
    return stack;
  }
  if (input.images === undefined) return undefined;
  const { values, shape } = input.images;
  // A data set whose samples are not 2-d or 3-d pictures gets no thumbnails.
  if (shape.length !== 3 && shape.length !== 4) return undefined;
  try {
    return imageStack(values, shape, input.source);
  } catch {
    return undefined;
  }
}

/**
 * Writes the Mapper explorer page (atomically, as every output): the built
 * app with the graph, the labels, the images and the activation rows filled
 * in, within `maxBytes` of per-input data.
 */
export async function writeMapperPage(
  path: string,
  page: {
    readonly graph: MapperGraphJSON;
    readonly input: MapperInput;
    readonly images: ImageStack | undefined;
    readonly maxBytes: number;
  },
): Promise<void> {
  const { graph, input, images, maxBytes } = page;
  const data = buildMapperPageData({
    title: input.title,
    source: input.source,
    graph,
    labels: input.labels,
    images,
    rows: { dimension: input.points.dimension, values: input.points.coordinates },
    maxBytes,
  });
  await writeOutput(await selfContainedPage("mapper", data), path);
}
