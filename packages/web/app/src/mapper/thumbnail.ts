import { type ImageStack, imageRgba } from "../../../src/mapper/image-stack.js";
import { element } from "../shared/element.js";

/** Input `index` drawn as a small canvas (scaled up by CSS, pixels kept crisp). */
export function thumbnail(stack: ImageStack, index: number, label: string): HTMLElement {
  const canvas = element("canvas", { class: "thumb-image" });
  canvas.width = stack.width;
  canvas.height = stack.height;
  const pixels = imageRgba(stack, index);
  canvas.getContext("2d")!.putImageData(new ImageData(pixels, stack.width, stack.height), 0, 0);
  return element(
    "figure",
    {
      class: "thumb",
      title: `input ${index}${label ? ` · ${label}` : ""}`,
      "data-index": String(index),
    },
    canvas,
    element("figcaption", {}, `#${index}`),
  );
}
