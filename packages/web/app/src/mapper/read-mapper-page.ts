import { base64ToBytes } from "../../../src/mapper/base64.js";
import type { ImageStack } from "../../../src/mapper/image-stack.js";
import type { MapperPageData } from "../../../src/mapper/mapper-page-data.js";

/** The page's data with its encoded arrays decoded. */
export interface MapperPage {
  readonly data: MapperPageData;
  readonly labels: Int32Array | null;
  readonly images: ImageStack | null;
  readonly rows: { readonly values: Float32Array; readonly dimension: number } | null;
}

/** Decodes the base64 arrays of the page's data (images as bytes, rows as float32). */
export function readMapperPage(data: MapperPageData): MapperPage {
  const { labels, images, rows } = data.points;
  let decodedRows: MapperPage["rows"] = null;
  if (rows !== undefined) {
    const bytes = base64ToBytes(rows.base64);
    decodedRows = {
      values: new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4),
      dimension: rows.dimension,
    };
  }
  return {
    data,
    labels: labels === undefined ? null : Int32Array.from(labels),
    images:
      images === undefined
        ? null
        : {
            count: images.count,
            height: images.height,
            width: images.width,
            channels: images.channels,
            bytes: base64ToBytes(images.base64),
          },
    rows: decodedRows,
  };
}
