import type { MapperGraphJSON } from "@nettopo/core";

/**
 * Images of the inputs, for the explorer's thumbnails: `count` images of
 * `height x width x channels` bytes (0-255, row-major, channels last),
 * base64-encoded. One channel is grey, three RGB, four RGBA.
 */
export interface EncodedImages {
  readonly count: number;
  readonly height: number;
  readonly width: number;
  readonly channels: 1 | 3 | 4;
  /** base64 of `count * height * width * channels` bytes. */
  readonly base64: string;
}

/** The activation rows Mapper ran on, so the page can recompute it. */
export interface EncodedRows {
  readonly count: number;
  readonly dimension: number;
  /** base64 of `count * dimension` little-endian float32 values, row-major. */
  readonly base64: string;
}

/** Per-input data the explorer shows beside the graph (every field optional). */
export interface MapperPointData {
  /** One class index per input. */
  readonly labels?: number[];
  /** The input images, for thumbnails. */
  readonly images?: EncodedImages;
  /** The activation rows; absent when they were too large to embed (see `notes`). */
  readonly rows?: EncodedRows;
}

/**
 * What `nettopo mapper --html` puts in the explorer page's `nettopo-data`
 * element: the graph (node-link JSON of `mapperGraphToJSON`, with node means
 * so the page can colour by a neuron), what it was computed from, and the
 * per-input data that fit in the page's size budget.
 */
export interface MapperPageData {
  readonly title: string;
  /** What the rows are (a file, or a model's layer on a data set). */
  readonly source: string;
  /** ISO time the page was written. */
  readonly generated: string;
  readonly graph: MapperGraphJSON;
  readonly points: MapperPointData;
  /** Sentences the page shows, e.g. why recomputing is disabled. */
  readonly notes: string[];
}
