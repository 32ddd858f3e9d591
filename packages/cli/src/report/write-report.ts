import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { reportFigures, selfContainedPage } from "@nettopo/web";
import { writeFileAtomic } from "../atomic-write.js";
import { IoError } from "../io-error.js";
import { renderPng } from "../render/render-png.js";
import { renderSvg } from "../render/render-svg.js";
import { writeOutput } from "../write-output.js";
import { readReportData } from "./read-report-data.js";

/** Options of {@link writeReport}. */
export interface WriteReportOptions {
  /** The report's title; default "Training report". */
  readonly title?: string;
  /** Also write every figure as DIR/NAME.svg and DIR/NAME.png; default none. */
  readonly figures?: string | undefined;
}

/** What {@link writeReport} wrote. */
export interface WrittenReport {
  readonly runs: number;
  /** Runs with a topology.jsonl holding at least one snapshot. */
  readonly withTopology: number;
  /** Figures written to `options.figures` (0 without it). */
  readonly figures: number;
}

/**
 * Writes the self-contained HTML report of run directories (atomically) and,
 * on request, its figures as SVG and PNG: the work of `nettopo report`, also
 * done at the end of `nettopo experiment` and `nettopo demo`.
 *
 * @throws RangeError for a bad run directory or a damaged line; IoError when
 *   a file cannot be read or written.
 */
export async function writeReport(
  directories: readonly string[],
  out: string,
  options: WriteReportOptions = {},
): Promise<WrittenReport> {
  const data = await readReportData(directories, options.title ?? "Training report");
  await writeOutput(await selfContainedPage("report", data), out);
  const withTopology = data.runs.filter((run) => (run.topology?.length ?? 0) > 0).length;
  if (options.figures === undefined) return { runs: data.runs.length, withTopology, figures: 0 };
  const directory = options.figures;
  try {
    await mkdir(directory, { recursive: true });
  } catch (error) {
    throw new IoError("write", directory, error);
  }
  const figures = reportFigures(data);
  for (const figure of figures) {
    const files = [
      [join(directory, `${figure.id}.svg`), await renderSvg(figure.spec)],
      [join(directory, `${figure.id}.png`), await renderPng(figure.spec)],
    ] as const;
    for (const [path, content] of files) {
      try {
        await writeFileAtomic(path, content);
      } catch (error) {
        throw new IoError("write", path, error);
      }
    }
  }
  return { runs: data.runs.length, withTopology, figures: figures.length };
}
