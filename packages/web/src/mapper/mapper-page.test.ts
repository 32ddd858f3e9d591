import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import type { MapperGraphJSON, MapperLinkJSON, MapperNodeJSON } from "@nettopo/core";
import { selfContainedPage } from "../self-contained-page.js";
import { type OpenedPage, openPage } from "../test-support/open-page.js";
import { buildMapperPageData } from "./build-mapper-page-data.js";

/**
 * A seeded graph of `count` nodes, a random tree plus shortcuts between
 * nearby ids (about 1.6 links per node), ten labels: the size issue 6 asks
 * the explorer to handle smoothly.
 */
function largeGraph(count: number): MapperGraphJSON {
  let state = 7;
  const random = () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  const nodes: MapperNodeJSON[] = [];
  for (let id = 0; id < count; id++) {
    const size = 1 + Math.floor(random() * 40);
    const majority = Math.floor(random() * 10);
    nodes.push({
      id,
      members: Array.from({ length: size }, (_, k) => id * 40 + k),
      size,
      cover: [id % 50],
      cluster: 0,
      lens: [id / count],
      labels: { [majority]: size },
      majority,
      purity: 1,
    });
  }
  const links: MapperLinkJSON[] = [];
  for (let id = 1; id < count; id++) {
    links.push({ source: Math.floor(random() * id), target: id, weight: 1, jaccard: random() / 2 });
    if (random() < 0.6) {
      const source = Math.max(0, id - 1 - Math.floor(random() * 20));
      links.push({ source, target: id, weight: 1, jaccard: random() / 2 });
    }
  }
  return {
    meta: {
      points: count * 40,
      dims: 4,
      lens: { kind: "l2", dims: 1, min: [0], max: [1] },
      cover: { kind: "uniform", intervals: [50], overlap: 0.3 },
      cluster: { kind: "dbscan", eps: 1, minSamples: 5 },
      labels: { names: null },
      noise: 0,
      seconds: 0,
    },
    nodes,
    links,
  };
}

describe("the Mapper explorer page", () => {
  const directory = mkdtempSync(join(tmpdir(), "nettopo-mapper-page-"));
  const opened: OpenedPage[] = [];
  after(async () => {
    for (const page of opened) await page.browser.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("lays out and draws a 5000-node graph, and zooms with the wheel", {
    timeout: 240_000,
  }, async () => {
    const graph = largeGraph(5000);
    const file = join(directory, "large.html");
    const data = buildMapperPageData({ title: "5000 nodes", source: "synthetic", graph });
    writeFileSync(file, await selfContainedPage("mapper", data));
    const page = await openPage(pathToFileURL(file).href);
    opened.push(page);
    await page.page.waitForSelector("body[data-ready=true]", { timeout: 200_000 });
    assert.equal(await page.page.getAttribute("#graph", "data-nodes"), "5000");
    const snapshot = () =>
      page.page.$eval("#graph-canvas", (canvas) =>
        (canvas as unknown as { toDataURL(): string }).toDataURL(),
      );
    const before = await snapshot();
    const box = (await page.page.locator("#graph-canvas").boundingBox())!;
    await page.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.page.mouse.wheel(0, -400);
    await page.page.waitForTimeout(200);
    assert.notEqual(await snapshot(), before, "the wheel zooms");
    assert.deepEqual(page.errors, []);
    assert.deepEqual(page.networkRequests, []);
  });

  it("says so when it holds no graph", { timeout: 60_000 }, async () => {
    const file = join(directory, "empty.html");
    writeFileSync(
      file,
      (await selfContainedPage("mapper", null)).replace(
        /<script type="application\/json" id="nettopo-data">null<\/script>/,
        '<script type="application/json" id="nettopo-data"></script>',
      ),
    );
    const page = await openPage(pathToFileURL(file).href);
    opened.push(page);
    await page.page.waitForSelector(".notice");
    assert.match((await page.page.textContent(".notice")) ?? "", /nettopo mapper INPUT --html/);
    assert.deepEqual(page.errors, []);
  });
});
