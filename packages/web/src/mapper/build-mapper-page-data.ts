import type { MapperGraphJSON } from "@nettopo/core";
import { bytesToBase64 } from "./base64.js";
import type { ImageStack } from "./image-stack.js";
import type { MapperPageData, MapperPointData } from "./mapper-page-data.js";

/** What {@link buildMapperPageData} embeds. */
export interface MapperPageInput {
  readonly title: string;
  readonly source: string;
  /** The graph, with node means when the page should colour by neuron. */
  readonly graph: MapperGraphJSON;
  readonly labels?: ArrayLike<number> | undefined;
  readonly images?: ImageStack | undefined;
  /** The activation rows (row-major, `graph.meta.points` rows), for recomputing in the page. */
  readonly rows?: { readonly dimension: number; readonly values: ArrayLike<number> } | undefined;
  /** The most bytes the per-input data (labels, images, rows) may take; default no limit. */
  readonly maxBytes?: number | undefined;
}

const MB = 1024 * 1024;

/**
 * The data of a Mapper explorer page. The per-input data is embedded
 * within `maxBytes`: labels first (small, and the page's search needs
 * them), then the images, then the activation rows; what does not fit is
 * left out with a note that the page shows (without rows the page cannot
 * recompute Mapper, without images it shows no thumbnails). Node means are
 * rounded to 6 significant digits; the graph is not modified.
 * @example
 * ```ts
 * const data = buildMapperPageData({ title: "relu2", source: "acts.npz", graph, labels, maxBytes: 64 * 2 ** 20 });
 * const html = await selfContainedPage("mapper", data);
 * ```
 */
export function buildMapperPageData(input: MapperPageInput): MapperPageData {
  const count = input.graph.meta.points;
  const maxBytes = input.maxBytes ?? Number.POSITIVE_INFINITY;
  const notes: string[] = [];
  let used = 0;
  const points: {
    labels?: number[];
    images?: MapperPointData["images"];
    rows?: MapperPointData["rows"];
  } = {};
  if (input.labels !== undefined) {
    points.labels = Array.from(input.labels);
    used += points.labels.join(",").length;
  }
  const budget = (bytes: number) => Math.ceil(bytes / 3) * 4;
  if (input.images !== undefined) {
    const size = budget(input.images.bytes.length);
    if (used + size <= maxBytes) {
      const { count: n, height, width, channels, bytes } = input.images;
      points.images = { count: n, height, width, channels, base64: bytesToBase64(bytes) };
      used += size;
    } else {
      notes.push(
        `Thumbnails are left out: the images take ${(size / MB).toFixed(1)} MB, over the page's budget (--html-max-mb).`,
      );
    }
  }
  if (input.rows !== undefined) {
    const { dimension, values } = input.rows;
    const size = budget(count * dimension * 4);
    if (used + size <= maxBytes) {
      const floats = Float32Array.from(values);
      const bytes = new Uint8Array(floats.buffer);
      // Float32Array is little-endian on every platform nettopo runs on; the
      // page reads the bytes back with a Float32Array of its own.
      points.rows = { count, dimension, base64: bytesToBase64(bytes) };
      used += size;
    } else {
      notes.push(
        `Recomputing is disabled: the activation rows (${count} x ${dimension}) take ${(size / MB).toFixed(1)} MB, over the page's budget (--html-max-mb); run nettopo mapper with other parameters, or raise --html-max-mb.`,
      );
    }
  } else {
    notes.push("Recomputing is disabled: the page was written without the activation rows.");
  }
  // Node means are shown with 3 digits; 6 keep them exact enough for
  // colours and cut a graph of many nodes and neurons to about a third.
  const nodes = input.graph.nodes.map((node) =>
    node.means === undefined
      ? node
      : { ...node, means: node.means.map((x) => Number(x.toPrecision(6))) },
  );
  return {
    title: input.title,
    source: input.source,
    generated: new Date().toISOString(),
    graph: { ...input.graph, nodes },
    points,
    notes,
  };
}
