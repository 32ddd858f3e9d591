import type { View } from "vega";
import { REPORT_CHART_CONFIG } from "../../../src/report/chart-config.js";
import { element } from "../shared/element.js";
import { type DrawnChart, drawChart } from "../shared/vega-chart.js";

/**
 * A place for one chart of the page: a figure that (re)draws a Vega-Lite
 * spec and offers it as PNG and SVG files, made by vega itself
 * (`view.toImageURL`, `view.toSVG`), so an exported chart is the chart on
 * screen. The file is handed to the browser as a data: or blob: URL: nothing
 * leaves the page.
 */
export class ChartSlot {
  readonly figure: HTMLElement;
  private readonly host = element("div", { class: "vega" });
  private readonly actions: HTMLElement;
  private chart: DrawnChart | null = null;

  /**
   * @param id - The chart's id (`data-chart`, and the exported file's name after `fileStem`).
   * @param fileStem - The start of exported file names, e.g. the page's first file.
   */
  constructor(
    readonly id: string,
    private readonly fileStem: () => string,
  ) {
    const png = element("button", { type: "button", class: "export", "data-export": "png" }, "PNG");
    const svg = element("button", { type: "button", class: "export", "data-export": "svg" }, "SVG");
    png.addEventListener("click", () => void this.export("png"));
    svg.addEventListener("click", () => void this.export("svg"));
    this.actions = element("div", { class: "chart-actions", hidden: "" }, png, svg);
    this.figure = element("figure", { class: "chart", "data-chart": id }, this.actions, this.host);
  }

  /**
   * Draws `spec` (replacing what was there), or says `empty` when it is null;
   * `choice` is written to `data-choice` once drawn, so a test can wait for
   * the chart of a choice.
   */
  async draw(spec: Record<string, unknown> | null, empty: string, choice: string): Promise<void> {
    this.chart?.finalize();
    this.chart = null;
    delete this.figure.dataset.rendered;
    this.host.replaceChildren();
    this.actions.hidden = true;
    if (spec === null) {
      this.host.append(element("p", { class: "empty" }, empty));
    } else {
      try {
        this.chart = await drawChart(this.host, spec, REPORT_CHART_CONFIG);
        this.figure.dataset.rendered = "true";
        this.actions.hidden = false;
      } catch (error) {
        this.host.replaceChildren(
          element(
            "p",
            { class: "empty" },
            `This chart could not be drawn: ${(error as Error).message}`,
          ),
        );
      }
    }
    this.figure.dataset.choice = choice;
  }

  /** Frees the chart's view. */
  finalize(): void {
    this.chart?.finalize();
    this.chart = null;
  }

  private async export(format: "png" | "svg"): Promise<void> {
    const view: View | undefined = this.chart?.view;
    if (view === undefined) return;
    const name = `${this.fileStem()}-${this.id}.${format}`;
    if (format === "png") {
      download(await view.toImageURL("png", 2), name);
      return;
    }
    const url = URL.createObjectURL(new Blob([await view.toSVG()], { type: "image/svg+xml" }));
    download(url, name);
    // The browser has read the blob once the click is handled.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

function download(url: string, name: string): void {
  const link = element("a", { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
}
