import { type DiagramFileData, type DiagramsData, selfContainedPage } from "@nettopo/web";
import { type DiagramFormat, readDiagramFile } from "../readers/diagram-file.js";
import { diagramPairs } from "../readers/diagram-pairs.js";
import { readNeuronsFile } from "../readers/neurons-file.js";

/** What `nettopo plot ... --out view.html` was given. */
export interface DiagramsPageSettings {
  /** The diagram files, each with its label. */
  readonly inputs: readonly { readonly path: string; readonly label: string }[];
  /** The dimensions shown first; undefined for all. */
  readonly dims: readonly number[] | undefined;
  readonly title: string | undefined;
  /** The diagram files' format; undefined to guess it from each file. */
  readonly format: DiagramFormat | undefined;
}

/**
 * The self-contained HTML page of the diagrams (the web app's `diagrams`
 * page with the files inlined): a `nettopo neurons` JSON becomes a file
 * with its bootstrap repeats; anything else is read as one diagram, as the
 * other outputs of `nettopo plot` read it.
 *
 * @throws IoError for an unreadable file; TypeError/RangeError naming the
 *   file for bad content; Error when the web app is not built.
 */
export async function diagramsPage(settings: DiagramsPageSettings): Promise<string> {
  const labels = distinctLabels(settings.inputs.map((i) => i.label));
  const arrayDim = settings.dims?.length === 1 ? settings.dims[0] : undefined;
  const files = settings.inputs.map(({ path }, k): DiagramFileData => {
    const label = labels[k]!;
    // Standard input can be read once only: there it is a diagram.
    const neurons =
      path !== "-" && (settings.format === undefined || settings.format === "json")
        ? readNeuronsFile(path, label)
        : null;
    if (neurons !== null) return neurons;
    const diagram = readDiagramFile(path, { format: settings.format, arrayDim });
    return {
      label,
      path,
      kind: "diagram",
      repeats: [{ diagrams: diagramPairs(diagram) }],
    };
  });
  const data: DiagramsData = {
    title:
      settings.title ??
      (files.length === 1 ? files[0]!.label : `${files.length} persistence diagrams`),
    generated: new Date().toISOString(),
    dims: settings.dims ?? [],
    files,
  };
  return selfContainedPage("diagrams", data);
}

/** The labels, a repeated one suffixed " (2)", " (3)", ... so that legends tell the files apart. */
export function distinctLabels(labels: readonly string[]): string[] {
  const seen = new Set<string>();
  return labels.map((label) => {
    let unique = label;
    for (let k = 2; seen.has(unique); k += 1) unique = `${label} (${k})`;
    seen.add(unique);
    return unique;
  });
}
