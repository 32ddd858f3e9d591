import { access, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, optionalChoice, requireOptions } from "../validate.js";
import type { Dataset } from "./dataset.js";
import { idxDataset } from "./idx-dataset.js";

/** Explicit IDX files: images and, optionally, labels. */
export interface IdxFiles {
  readonly images: string;
  readonly labels?: string;
}

/** Options of {@link loadIdxDataset}. */
export interface LoadIdxDatasetOptions {
  /** Which files of a directory: `"train"` (train-*) or `"test"` (t10k-*); default `"train"`. */
  readonly split?: "train" | "test";
  /** Keep only the first `limit` samples; default all. */
  readonly limit?: number;
  /** The data set's name; default `"idx/SPLIT"` for a directory, the images file's path otherwise. */
  readonly name?: string;
  /** Names of the class indices; default none. */
  readonly classNames?: readonly string[];
}

/** The file names MNIST-style distributions use, by split and kind, gzip first. */
function candidates(split: "train" | "test", kind: "images" | "labels"): string[] {
  const prefixes = split === "train" ? ["train"] : ["t10k", "test"];
  const rank = kind === "images" ? 3 : 1;
  return prefixes.flatMap((p) => [
    `${p}-${kind}-idx${rank}-ubyte.gz`,
    `${p}-${kind}-idx${rank}-ubyte`,
    `${p}-${kind}.idx${rank}-ubyte.gz`,
    `${p}-${kind}.idx${rank}-ubyte`,
  ]);
}

async function firstExisting(directory: string, names: string[]): Promise<string | undefined> {
  for (const name of names) {
    const path = join(directory, name);
    try {
      await access(path);
      return path;
    } catch {
      // try the next name
    }
  }
  return undefined;
}

/**
 * Loads an IDX data set (MNIST, Fashion-MNIST, KMNIST...) from a directory
 * holding the usual files — `train-images-idx3-ubyte.gz` and
 * `train-labels-idx1-ubyte.gz` for `split: "train"`, `t10k-*` for
 * `"test"`, compressed or not — or from explicit file paths. Pixels stay
 * 0..255 in float32 (see {@link idxDataset}); normalise explicitly.
 *
 * @param source - A directory, an images file, or `{ images, labels? }` paths.
 * @param options - See {@link LoadIdxDatasetOptions}.
 * @returns The data set (labels when a labels file exists).
 * @throws RangeError when a directory lacks the images file (the message
 *   lists the names tried); the file system's error for an unreadable path;
 *   the errors of {@link readIdx} for a bad file.
 * @example
 * ```ts
 * const test = await loadIdxDataset("/usr/share/datasets/fashion-mnist", { split: "test" });
 * ```
 */
export async function loadIdxDataset(
  source: string | IdxFiles,
  options?: LoadIdxDatasetOptions,
): Promise<Dataset> {
  const opts = requireOptions("loadIdxDataset: options", options);
  const split = optionalChoice(
    "loadIdxDataset: options.split",
    opts.split,
    ["train", "test"],
    "train",
  );
  let files: IdxFiles;
  let defaultName: string;
  if (typeof source === "string") {
    if ((await stat(source)).isDirectory()) {
      const images = await firstExisting(source, candidates(split, "images"));
      if (images === undefined) {
        throw new RangeError(
          `loadIdxDataset: no ${split} images in ${source}; looked for ${candidates(split, "images").join(", ")}`,
        );
      }
      const labels = await firstExisting(source, candidates(split, "labels"));
      files = labels === undefined ? { images } : { images, labels };
      defaultName = `idx/${split}`;
    } else {
      files = { images: source };
      defaultName = source;
    }
  } else if (typeof source === "object" && source !== null && typeof source.images === "string") {
    files = source;
    defaultName = source.images;
  } else {
    throw new TypeError(
      `loadIdxDataset: source must be a directory, a file path or {images, labels?}; got ${describe(source)}`,
    );
  }
  const [images, labels] = await Promise.all([
    readFile(files.images),
    files.labels === undefined ? undefined : readFile(files.labels),
  ]);
  const name = opts.name ?? defaultName;
  return idxDataset(images, labels, {
    name,
    ...(opts.classNames === undefined ? {} : { classNames: opts.classNames }),
    ...(opts.limit === undefined ? {} : { limit: opts.limit }),
  });
}
