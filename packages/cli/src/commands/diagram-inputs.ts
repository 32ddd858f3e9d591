import { type Barcode, barcodeOf } from "@nettopo/core";
import { type DiagramFormat, readDiagramFile } from "../readers/diagram-file.js";
import { UsageError } from "../usage-error.js";

/**
 * Reads diagram files and takes the pairs of one homological dimension from
 * each: `dim` when given (an array file's pairs are taken as that dimension),
 * otherwise the only dimension a diagram holds; a diagram with several
 * dimensions and no `dim` is a usage error that lists them. A dimension a
 * diagram lacks (e.g. H2 of a diagram computed up to H1) has no pairs.
 *
 * @throws UsageError, IoError, or TypeError/RangeError for bad content.
 */
export function readDiagramsForDim(
  paths: readonly string[],
  options: { readonly dim?: number; readonly format?: DiagramFormat },
): Barcode[] {
  return paths.map((path) => {
    const diagram = readDiagramFile(path, { format: options.format, arrayDim: options.dim });
    if (options.dim !== undefined) return barcodeOf(diagram, options.dim);
    const held = diagram.dimensions.map((d) => d.dim);
    if (held.length > 1) {
      throw new UsageError(`${path} holds dims ${held.join(", ")}; say which to use with --dim K`);
    }
    return barcodeOf(diagram, held[0] ?? 0);
  });
}
