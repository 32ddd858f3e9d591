import { readFile } from "node:fs/promises";
import {
  type ClusterSpec,
  type CoverSpec,
  type LensSpec,
  mapperGraphToJSON,
  type Progress,
} from "@nettopo/core";
import { mapperInWorkers, readNpy } from "@nettopo/nn";
import { integerFlag, numberFlag, oneOf, parseCommandArgs } from "../flags.js";
import { IoError } from "../io-error.js";
import { UsageError } from "../usage-error.js";
import { writeOutput } from "../write-output.js";
import { abortOnSigint } from "./abort-on-sigint.js";
import {
  type ConvReduction,
  DEFAULT_MAPPER_LIMIT,
  type MapperSettings,
  readMapperInput,
} from "./mapper-job.js";
import { pageImages, writeMapperPage } from "./mapper-page.js";

/** The default of `--html-max-mb`. */
export const DEFAULT_HTML_MAX_MB = 64;

/** The help text of `nettopo mapper`. */
export const MAPPER_USAGE = `Usage: nettopo mapper [options] INPUT

The Mapper graph of a layer's activations (as TopoAct): a lens on every
input, a cover of the lens range by overlapping intervals, a clustering of
the inputs of each interval (each cluster a node; noise forms no node), and
links between nodes that share inputs. Written as node-link JSON, and with
--html as an interactive page.

INPUT:
  ACTIVATIONS.npy   [inputs, features], or a feature map [inputs, C, H, W]
  ACTIVATIONS.npz   the array named by --layer (or its only array besides
                    "labels", which gives the labels)
  MODEL             an ONNX model or a TF.js model (model.json or its
                    directory), run on --data; --layer names the layer

Input:
  --layer L         the npz array or the model's layer
  --data DATA       model: the inputs: fashion-mnist[:train|:test] (images
                    / 255), ball4, disk4, moons, or a data set file
  --limit N         model: the first N inputs of DATA (default ${DEFAULT_MAPPER_LIMIT})
  --conv C          a 4-d feature map per input: average (default: each
                    channel averaged over space), flatten, or position (the
                    channels at one position, as TopoAct)
  --position R,C    with --conv position: the position (default the centre)
  --layout L        nchw (default; ONNX, PyTorch) or nhwc (TF.js, the default
                    for TF.js models) for a 4-d array
  --labels FILE.npy one integer label per input (default: the npz's "labels"
                    or the data set's labels), for the label statistics
  --label-names A,B names of labels 0, 1, ... (default the data set's)
  --images FILE.npy images of the inputs for the page's thumbnails, [inputs,
                    H, W] or [inputs, H, W, C] (C = 1, 3, 4; values in [0, 1]
                    or 0-255); default the data set's images when a model
                    runs on image data (fashion-mnist, IDX files)

Lens:
  --lens L          l2 (default: the L2 norm, TopoAct's), coordinate, pca,
                    eccentricity, density, dtm, umap, or FILE.npy (given
                    values: [inputs] or [inputs, k])
  --coordinates I,J coordinate: the columns (default 0)
  --components K    pca (default 1), umap (default 2): lens dimensions
  --bandwidth H     density: Gaussian bandwidth (default Scott's rule)
  --neighbors K     dtm (default 10), umap (default 15): neighbours
  --exponent P      eccentricity: p >= 1 or inf (default 1)
  --seed S          pca, umap: seed (default 0)

Cover and clustering:
  --cover C         uniform (default; interval i of N over [m, M] with
                    overlap g: L = (M-m)/(1+(N-1)(1-g)), [m + i L (1-g),
                    m + i L (1-g) + L]) or balanced (intervals of equal counts)
  --intervals N     intervals per lens dimension, N or N1,N2 (default 10)
  --overlap G       overlap fraction in [0, 1) (default 0.3)
  --empty-elements E  skip (default: an empty interval makes no node) or
                    error (an empty interval is an error)
  --cluster C       dbscan (default) or single-linkage (cut at the first gap)
  --eps E           dbscan: radius, > 0 (default 0.5)
  --min-samples K   dbscan: points within eps, itself included, that make a
                    core point (default 5)
  --gap G           single-linkage: relative gap in (0, 1] (default 0.3)
  --workers W       worker threads clustering the cover elements (default:
                    the available cores; 0 clusters in the main thread)
  --nerve-dim K     also list the simplices of the nerve up to dimension K
                    (default 1: the graph only)

Output:
  --json FILE       write the graph to FILE (replaced atomically; default
                    stdout unless --html is given): {"meta", "nodes":
                    [{"id", "members", "size", "cover", "cluster", "lens",
                    "labels", "majority", "purity"}], "links": [{"source",
                    "target", "weight", "jaccard"}], "simplices"}
  --node-means      add each node's mean activation ("means") to the JSON
  --html FILE       write the Mapper explorer to FILE (replaced atomically):
                    one self-contained page (graph, labels, thumbnails and
                    activation rows inlined; opens from disk, no network)
                    to colour, search, select, export and recompute the
                    graph in the browser
  --html-max-mb M   the most megabytes of per-input data --html embeds
                    (default ${DEFAULT_HTML_MAX_MB}): over it, the activation rows are left
                    out (no recomputing in the page), then the images
  --progress        report progress on stderr
  -h, --help        show this help

Exit status: 0 done, 1 bad input data, 2 bad usage, 130 interrupted (Ctrl-C).
`;

const OPTIONS = {
  layer: { type: "string" },
  data: { type: "string" },
  limit: { type: "string" },
  conv: { type: "string" },
  position: { type: "string" },
  layout: { type: "string" },
  labels: { type: "string" },
  "label-names": { type: "string" },
  images: { type: "string" },
  lens: { type: "string" },
  coordinates: { type: "string" },
  components: { type: "string" },
  bandwidth: { type: "string" },
  neighbors: { type: "string" },
  exponent: { type: "string" },
  seed: { type: "string" },
  cover: { type: "string" },
  intervals: { type: "string" },
  overlap: { type: "string" },
  "empty-elements": { type: "string" },
  cluster: { type: "string" },
  eps: { type: "string" },
  "min-samples": { type: "string" },
  gap: { type: "string" },
  "nerve-dim": { type: "string" },
  workers: { type: "string" },
  json: { type: "string" },
  "node-means": { type: "boolean" },
  html: { type: "string" },
  "html-max-mb": { type: "string" },
  progress: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

/** The lens names of `--lens` (anything else is a file of values). */
const LENSES = ["l2", "coordinate", "pca", "eccentricity", "density", "dtm", "umap"] as const;

/** Parsed options of `nettopo mapper`. */
export interface MapperCommand extends MapperSettings {
  /** A lens read from a file, by its path. */
  readonly lensPath: string | undefined;
  readonly json: string | undefined;
  readonly progress: boolean;
  /** Worker threads (undefined: the available cores). */
  readonly workers: number | undefined;
  /** The explorer page to write, if any. */
  readonly html: string | undefined;
  /** Images for the page's thumbnails (.npy), if given. */
  readonly imagesPath: string | undefined;
  /** The most megabytes of per-input data the page embeds. */
  readonly htmlMaxMb: number;
}

/**
 * Parses the arguments of `nettopo mapper` (strictly: unknown flags are errors).
 * @returns The command, or `"help"`.
 * @throws UsageError for anything wrong in the arguments.
 */
export function parseMapperArguments(args: readonly string[]): MapperCommand | "help" {
  const { values, positionals } = parseCommandArgs("mapper", args, OPTIONS);
  if (values.help) return "help";
  if (positionals.length !== 1) {
    throw new UsageError(
      positionals.length === 0
        ? "mapper needs an INPUT (ACTIVATIONS.npy, ACTIVATIONS.npz or a model); run 'nettopo mapper --help' for usage"
        : `mapper takes one INPUT; got ${positionals.length}: ${positionals.map((p) => JSON.stringify(p)).join(" ")}`,
    );
  }
  if (values.html === "") throw new UsageError("--html needs a file name");
  if (values.html === undefined) {
    for (const flag of ["images", "html-max-mb"] as const) {
      if (values[flag] !== undefined) throw new UsageError(`--${flag} applies to --html`);
    }
  }
  const htmlMaxMb =
    values["html-max-mb"] === undefined
      ? DEFAULT_HTML_MAX_MB
      : positive("--html-max-mb", values["html-max-mb"]);
  const lensName = values.lens ?? "l2";
  const isNamed = (LENSES as readonly string[]).includes(lensName);
  if (!isNamed && !lensName.toLowerCase().endsWith(".npy")) {
    throw new UsageError(
      `--lens ${JSON.stringify(lensName)} is not known; expected one of ${LENSES.join(", ")} or a FILE.npy of lens values`,
    );
  }
  const only = (flag: string, value: unknown, lenses: readonly string[]) => {
    if (value !== undefined && !lenses.includes(lensName)) {
      throw new UsageError(
        `${flag} applies to --lens ${lenses.join(" or ")}; --lens is ${lensName}`,
      );
    }
  };
  only("--coordinates", values.coordinates, ["coordinate"]);
  only("--components", values.components, ["pca", "umap"]);
  only("--bandwidth", values.bandwidth, ["density"]);
  only("--neighbors", values.neighbors, ["dtm", "umap"]);
  only("--exponent", values.exponent, ["eccentricity"]);
  only("--seed", values.seed, ["pca", "umap"]);
  const seed = values.seed === undefined ? 0 : integerFlag("--seed", values.seed);
  let lens: LensSpec;
  switch (lensName) {
    case "coordinate":
      lens = {
        kind: "coordinate",
        coordinates: (values.coordinates ?? "0")
          .split(",")
          .map((c) => integerFlag("--coordinates", c.trim())),
      };
      break;
    case "pca":
      lens = {
        kind: "pca",
        components:
          values.components === undefined ? 1 : integerFlag("--components", values.components, 1),
        seed,
      };
      break;
    case "umap":
      lens = {
        kind: "umap",
        components:
          values.components === undefined ? 2 : integerFlag("--components", values.components, 1),
        ...(values.neighbors === undefined
          ? {}
          : { neighbors: integerFlag("--neighbors", values.neighbors, 2) }),
        seed,
      };
      break;
    case "eccentricity":
      lens = {
        kind: "eccentricity",
        exponent:
          values.exponent === undefined
            ? 1
            : numberFlag("--exponent", values.exponent, { min: 1, allowInfinity: true }),
      };
      break;
    case "density":
      lens = {
        kind: "density",
        ...(values.bandwidth === undefined
          ? {}
          : { bandwidth: positive("--bandwidth", values.bandwidth) }),
      };
      break;
    case "dtm":
      lens = {
        kind: "dtm",
        neighbors:
          values.neighbors === undefined ? 10 : integerFlag("--neighbors", values.neighbors, 1),
      };
      break;
    default:
      lens = { kind: "l2" };
  }
  const intervals = (values.intervals ?? "10")
    .split(",")
    .map((n) => integerFlag("--intervals", n.trim(), 1));
  const overlap = values.overlap === undefined ? 0.3 : numberFlag("--overlap", values.overlap);
  if (overlap >= 1) throw new UsageError(`--overlap must be in [0, 1); got ${values.overlap}`);
  const coverKind = oneOf("--cover", values.cover, ["uniform", "balanced"] as const) ?? "uniform";
  const emptyElements =
    oneOf("--empty-elements", values["empty-elements"], ["skip", "error"] as const) ?? "skip";
  const cover: CoverSpec = {
    kind: coverKind,
    intervals: intervals.length === 1 ? intervals[0]! : intervals,
    overlap,
    emptyElements,
  };
  const clusterKind =
    oneOf("--cluster", values.cluster, ["dbscan", "single-linkage"] as const) ?? "dbscan";
  if (
    clusterKind !== "dbscan" &&
    (values.eps !== undefined || values["min-samples"] !== undefined)
  ) {
    throw new UsageError("--eps and --min-samples apply to --cluster dbscan");
  }
  if (clusterKind !== "single-linkage" && values.gap !== undefined) {
    throw new UsageError("--gap applies to --cluster single-linkage");
  }
  const cluster: ClusterSpec =
    clusterKind === "dbscan"
      ? {
          kind: "dbscan",
          eps: values.eps === undefined ? 0.5 : positive("--eps", values.eps),
          minSamples:
            values["min-samples"] === undefined
              ? 5
              : integerFlag("--min-samples", values["min-samples"], 1),
        }
      : {
          kind: "single-linkage",
          relativeGap: values.gap === undefined ? 0.3 : positive("--gap", values.gap),
        };
  const conv = (oneOf("--conv", values.conv, ["average", "flatten", "position"] as const) ??
    "average") as ConvReduction;
  if (values.position !== undefined && conv !== "position") {
    throw new UsageError("--position applies to --conv position");
  }
  let position: [number, number] | undefined;
  if (values.position !== undefined) {
    const parts = values.position.split(",");
    if (parts.length !== 2)
      throw new UsageError(
        `--position ${JSON.stringify(values.position)} must be two integers R,C`,
      );
    position = [
      integerFlag("--position", parts[0]!.trim()),
      integerFlag("--position", parts[1]!.trim()),
    ];
  }
  if (values.json === "") throw new UsageError("--json needs a file name");
  return {
    inputPath: positionals[0]!,
    layer: values.layer,
    data: values.data,
    limit: values.limit === undefined ? undefined : integerFlag("--limit", values.limit, 1),
    conv,
    position,
    layout: oneOf("--layout", values.layout, ["nchw", "nhwc"] as const),
    lens,
    lensPath: isNamed ? undefined : lensName,
    cover,
    cluster,
    labelsPath: values.labels,
    labelNames: values["label-names"]?.split(",").map((n) => n.trim()),
    nerveDimension:
      values["nerve-dim"] === undefined ? 1 : integerFlag("--nerve-dim", values["nerve-dim"], 1),
    nodeMeans: values["node-means"] === true,
    json: values.json,
    progress: values.progress === true,
    workers: values.workers === undefined ? undefined : integerFlag("--workers", values.workers),
    html: values.html,
    imagesPath: values.images,
    htmlMaxMb,
  };
}

/** A number > 0 (a UsageError otherwise, e.g. for --eps 0). */
function positive(flag: string, value: string): number {
  const number = numberFlag(flag, value);
  if (!(number > 0)) {
    throw new UsageError(`${flag} must be > 0; got ${value}`);
  }
  return number;
}

/**
 * Runs `nettopo mapper`: reads the activations (or runs the model), computes
 * the graph with nn's mapperInWorkers (core's Mapper, cover elements in
 * worker threads) and writes its JSON and, with `--html`, the explorer page
 * (the images are read before computing, so a bad file fails at once).
 * Ctrl-C aborts between cover elements (exit 130, nothing written).
 *
 * @returns The exit code.
 */
export async function runMapper(args: readonly string[]): Promise<number> {
  const command = parseMapperArguments(args);
  if (command === "help") {
    process.stdout.write(MAPPER_USAGE);
    return 0;
  }
  const progress = command.progress ? reportProgress : undefined;
  return abortOnSigint(async (signal) => {
    const input = await readMapperInput(command, signal, progress);
    // Read before computing, so a wrong images file fails at once.
    const images =
      command.html === undefined ? undefined : await pageImages(command.imagesPath, input);
    let lens = command.lens;
    if (command.lensPath !== undefined) {
      let bytes: Uint8Array;
      try {
        bytes = await readFile(command.lensPath);
      } catch (error) {
        throw new IoError("read", command.lensPath, error);
      }
      const array = readNpy(bytes, { source: command.lensPath, convertTo: "float64" });
      if (
        array.shape.length < 1 ||
        array.shape.length > 2 ||
        array.shape[0] !== input.points.count
      ) {
        throw new RangeError(
          `${command.lensPath} has shape [${array.shape.join(", ")}]; expected lens values [${input.points.count}] or [${input.points.count}, k], one row per input`,
        );
      }
      lens = { kind: "given", values: array.data as Float64Array, dims: array.shape[1] ?? 1 };
    }
    const graph = await mapperInWorkers(input.points, {
      ...(command.workers === undefined ? {} : { workers: command.workers }),
      lens,
      cover: command.cover,
      cluster: command.cluster,
      ...(input.labels === undefined ? {} : { labels: input.labels }),
      ...(input.labelNames === undefined ? {} : { labelNames: input.labelNames }),
      nerveDimension: command.nerveDimension,
      // The page colours nodes by a neuron's mean activation.
      nodeMeans: command.nodeMeans || command.html !== undefined,
      signal,
      ...(progress ? { onProgress: progress } : {}),
    }).catch((error: unknown) => {
      // Name the labels file when the core's check of their length fails.
      if (
        error instanceof RangeError &&
        command.labelsPath !== undefined &&
        error.message.includes("options.labels")
      ) {
        throw new RangeError(`${command.labelsPath}: ${error.message}`);
      }
      throw error;
    });
    const json = mapperGraphToJSON(graph, { means: command.nodeMeans });
    if (command.json !== undefined || command.html === undefined) {
      await writeOutput(`${JSON.stringify(json)}\n`, command.json);
    }
    if (command.html !== undefined) {
      await writeMapperPage(command.html, {
        graph: mapperGraphToJSON(graph),
        input,
        images,
        maxBytes: command.htmlMaxMb * 1024 * 1024,
      });
    }
    if (command.progress) {
      process.stderr.write(
        `nettopo: ${graph.nodes.length} nodes, ${graph.links.source.length} links, ${graph.noise} noise points of ${graph.count} (${input.source}); ${graph.seconds.toFixed(1)} s\n`,
      );
    }
    return 0;
  });
}

let lastProgress = 0;

/** One stderr line per second at most (and the last one of a stage). */
function reportProgress(progress: Progress): void {
  const now = Date.now();
  if (now - lastProgress < 1000 && progress.done !== progress.total) return;
  lastProgress = now;
  process.stderr.write(`nettopo: ${progress.stage} ${progress.done}/${progress.total}\n`);
}
