import assert from "node:assert/strict";

/**
 * Asserts that `svg` is one well-formed XML element tree rooted at `<svg>`:
 * every tag closes in order, attributes are quoted, and text holds no raw
 * `<` (a small checker, enough for the SVG vega writes).
 */
export function assertWellFormedSvg(svg: string): void {
  assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  const open: string[] = [];
  const tag = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>/y;
  let at = 0;
  let roots = 0;
  while (at < svg.length) {
    const next = svg.indexOf("<", at);
    if (next === -1) break;
    tag.lastIndex = next;
    const match = tag.exec(svg);
    assert.ok(match, `malformed tag at ${next}: ${JSON.stringify(svg.slice(next, next + 60))}`);
    const [, closing, name, , selfClosing] = match;
    if (closing) {
      assert.equal(open.pop(), name, `</${name}> at ${next} closes the wrong element`);
    } else if (!selfClosing) {
      if (open.length === 0) roots += 1;
      open.push(name!);
    } else if (open.length === 0) {
      roots += 1;
    }
    at = tag.lastIndex;
  }
  assert.deepEqual(open, [], "every element is closed");
  assert.equal(roots, 1, "one root element");
}

/**
 * The number of items (one SVG element each) in the vega mark groups of
 * `markType` ("symbol", "rule", "rect", ...) drawn for the data, legends and
 * axes left out.
 */
export function countMarks(svg: string, markType: string): number {
  let count = 0;
  const group = new RegExp(`<g class="mark-${markType} role-mark[^"]*"[^>]*?(/?)>`, "g");
  for (const match of svg.matchAll(group)) {
    if (match[1] === "/") continue; // an empty group: <g .../>
    const start = match.index + match[0].length;
    const end = svg.indexOf("</g>", start);
    const body = svg.slice(start, end);
    assert.doesNotMatch(body, /<g[ >]/, "a mark group holds its items directly");
    count += (body.match(/<(path|line|rect)[ >]/g) ?? []).length;
  }
  return count;
}

/** The width and height attributes of the root `<svg>` element. */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /^<svg [^>]*>/.exec(svg)![0];
  return {
    width: Number(/ width="([\d.]+)"/.exec(root)![1]),
    height: Number(/ height="([\d.]+)"/.exec(root)![1]),
  };
}
