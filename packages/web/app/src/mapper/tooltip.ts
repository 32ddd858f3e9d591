import type { MapperNodeJSON } from "@nettopo/core";
import { formatShare, topLabels } from "../../../src/mapper/top-labels.js";
import { element } from "../shared/element.js";
import { formatValue } from "./legend.js";

/** The hover card of a node: id, size, main label, the coloured value. */
export class Tooltip {
  readonly root = element("div", { class: "tooltip", role: "tooltip", id: "node-tooltip" });

  show(
    node: MapperNodeJSON,
    names: readonly string[] | null,
    colorTitle: string,
    colorValue: number,
    pageX: number,
    pageY: number,
  ): void {
    const top = topLabels(node.labels, names, 1)[0];
    const rows: [string, string][] = [["Size", `${node.size} inputs`]];
    if (top !== undefined) rows.push(["Top label", `${top.name} (${formatShare(top.share)})`]);
    // A categorical colouring is the top label, already listed.
    if (colorTitle !== "Majority label") rows.push([colorTitle, formatValue(colorValue)]);
    this.root.replaceChildren(
      element("div", { class: "tooltip-title" }, `Node ${node.id}`),
      element(
        "table",
        {},
        ...rows.map(([key, value]) =>
          element("tr", {}, element("td", { class: "key" }, key), element("td", {}, value)),
        ),
      ),
    );
    this.root.style.display = "block";
    const { width, height } = this.root.getBoundingClientRect();
    const x =
      pageX + 14 + width > window.scrollX + window.innerWidth ? pageX - width - 14 : pageX + 14;
    const y =
      pageY + 14 + height > window.scrollY + window.innerHeight ? pageY - height - 14 : pageY + 14;
    this.root.style.left = `${x}px`;
    this.root.style.top = `${y}px`;
  }

  hide(): void {
    this.root.style.display = "none";
  }
}
