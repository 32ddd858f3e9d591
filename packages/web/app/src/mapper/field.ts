import { element } from "../shared/element.js";

/** A labelled control of the left column, with a tooltip saying what it does. */
export function field(label: string, control: HTMLElement, help: string): HTMLElement {
  return element("label", { class: "field", title: help }, element("span", {}, label), control);
}
