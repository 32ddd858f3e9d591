import type { PersistenceDiagram } from "@nettopo/core";
import type { DiagramFileData, DiagramRepeatData, DiagramsData } from "./diagrams-data.js";

/** What the reader of the diagrams page chose to see. */
export interface DiagramChoice {
  /** A file's index, or "all" to overlay one diagram per file. */
  readonly file: number | "all";
  /** A repeat of the chosen file, or "all" to overlay its repeats (ignored when `file` is "all"). */
  readonly repeat: number | "all";
  /** The homological dimensions shown, increasing. */
  readonly dims: readonly number[];
}

/** One diagram of a choice, with the label a legend gives it and where it came from. */
export interface SelectedDiagram {
  readonly label: string;
  readonly diagram: PersistenceDiagram;
  readonly file: number;
  readonly repeat: number;
}

/** A repeat's pairs as a core {@link PersistenceDiagram} (a `null` death becomes Infinity). */
export function repeatDiagram(repeat: DiagramRepeatData): PersistenceDiagram {
  return {
    dimensions: repeat.diagrams.map(({ dim, pairs }) => ({
      dim,
      births: Float64Array.from(pairs, (p) => p[0]),
      deaths: Float64Array.from(pairs, (p) => (p[1] === null ? Number.POSITIVE_INFINITY : p[1])),
    })),
  };
}

/** The homological dimensions present in any file, increasing. */
export function dataDims(data: DiagramsData): number[] {
  const dims = new Set<number>();
  for (const file of data.files) {
    for (const repeat of file.repeats) for (const d of repeat.diagrams) dims.add(d.dim);
  }
  return [...dims].sort((a, b) => a - b);
}

/** How a page names repeat `r` (0-based) of a file: "repeat 3 of 20". */
export function repeatName(file: DiagramFileData, r: number): string {
  return `repeat ${r + 1} of ${file.repeats.length}`;
}

/**
 * The diagrams a choice shows: one file's diagram or one of its repeats; all
 * the repeats of a file (labelled "repeat 1", ...); or, for "all" files, the
 * first diagram of each file, labelled by the file (a bootstrap file gives
 * its first repeat, and its label says so).
 *
 * @throws RangeError for a file or repeat the data do not have.
 * @example
 * ```ts
 * // data: the page's DiagramsData, its second file a nettopo neurons bootstrap of 20 repeats
 * selectedDiagrams(data, { file: 1, repeat: "all", dims: [1] }).length; // 20
 * selectedDiagrams(data, { file: "all", repeat: 0, dims: [1] }).map((s) => s.label);
 * // ["a.json", "boot.json (repeat 1)"]
 * ```
 */
export function selectedDiagrams(data: DiagramsData, choice: DiagramChoice): SelectedDiagram[] {
  if (choice.file === "all") {
    return data.files.map((file, k) => ({
      label: file.repeats.length > 1 ? `${file.label} (repeat 1)` : file.label,
      diagram: repeatDiagram(file.repeats[0]!),
      file: k,
      repeat: 0,
    }));
  }
  const file = data.files[choice.file];
  if (file === undefined) {
    throw new RangeError(`no file ${choice.file}: the page has ${data.files.length}`);
  }
  if (choice.repeat === "all") {
    return file.repeats.map((repeat, r) => ({
      label: `repeat ${r + 1}`,
      diagram: repeatDiagram(repeat),
      file: choice.file as number,
      repeat: r,
    }));
  }
  const repeat = file.repeats[choice.repeat];
  if (repeat === undefined) {
    throw new RangeError(
      `${file.label} has no repeat ${choice.repeat + 1}: it has ${file.repeats.length}`,
    );
  }
  return [
    {
      label:
        file.repeats.length > 1 ? `${file.label}, ${repeatName(file, choice.repeat)}` : file.label,
      diagram: repeatDiagram(repeat),
      file: choice.file,
      repeat: choice.repeat,
    },
  ];
}

/** Whether a choice shows the repeats of one bootstrap file together. */
export function showsAllRepeats(data: DiagramsData, choice: DiagramChoice): boolean {
  return (
    choice.file !== "all" &&
    choice.repeat === "all" &&
    (data.files[choice.file]?.repeats.length ?? 0) > 1
  );
}

/** The union of several diagrams, dimension by dimension (the pairs of all repeats in one picture). */
export function unionDiagram(diagrams: readonly PersistenceDiagram[]): PersistenceDiagram {
  const byDim = new Map<number, { births: number[]; deaths: number[] }>();
  for (const diagram of diagrams) {
    for (const { dim, births, deaths } of diagram.dimensions) {
      const entry = byDim.get(dim) ?? { births: [], deaths: [] };
      // A loop, not push(...pairs): a spread of a large diagram overflows the stack.
      for (let k = 0; k < births.length; k += 1) {
        entry.births.push(births[k]!);
        entry.deaths.push(deaths[k]!);
      }
      byDim.set(dim, entry);
    }
  }
  return {
    dimensions: [...byDim.entries()]
      .sort(([a], [b]) => a - b)
      .map(([dim, { births, deaths }]) => ({
        dim,
        births: Float64Array.from(births),
        deaths: Float64Array.from(deaths),
      })),
  };
}
