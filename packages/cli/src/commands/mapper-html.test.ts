import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, describe, it } from "node:test";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { MapperGraphJSON } from "@nettopo/core";
import type { MapperPageData } from "@nettopo/web";
import type { Page } from "playwright-core";
import { type OpenedPage, openPage } from "../../../web/dist/test-support/open-page.js";
import { assertOneLineError } from "../test-support/assert-one-line-error.js";
import { npyBytes } from "../test-support/npy-bytes.js";
import { runCli } from "../test-support/run-cli.js";

// Seeded blobs with three labels, made by scripts/fixtures/mapper.py (see mapper.test.ts).
const FIXTURE = JSON.parse(
  readFileSync(
    fileURLToPath(new URL("../../../../fixtures/mapper/blobs-l2.json", import.meta.url)),
    "utf8",
  ),
);
const ONNX = fileURLToPath(new URL("../../../../fixtures/onnx/cnn.onnx", import.meta.url));
const NAMES = ["circle", "square", "cross"];

const dir = mkdtempSync(join(tmpdir(), "nettopo-mapper-html-"));
const NPY = join(dir, "blobs.npy");
const LABELS = join(dir, "labels.npy");
const IMAGES = join(dir, "images.npy");
writeFileSync(NPY, npyBytes([FIXTURE.count, FIXTURE.dimension], FIXTURE.points));
writeFileSync(LABELS, npyBytes([FIXTURE.count], FIXTURE.labels, { descr: "<i8" }));
// An 8x8 picture per input: a bright square whose place tells the label.
const pictures: number[] = [];
for (let i = 0; i < FIXTURE.count; i++) {
  for (let p = 0; p < 64; p++) {
    const [r, c] = [Math.floor(p / 8), p % 8];
    const at = 2 * (FIXTURE.labels[i] as number);
    pictures.push(r >= at && r < at + 3 && c >= at && c < at + 3 ? 1 : 0.1);
  }
}
writeFileSync(IMAGES, npyBytes([FIXTURE.count, 8, 8], pictures, { descr: "<f4" }));

const params = [
  "--intervals",
  "8",
  "--overlap",
  "0.3",
  "--eps",
  String(FIXTURE.cluster.eps),
  "--min-samples",
  String(FIXTURE.cluster.minSamples),
];
const memberSets = (nodes: { members: number[] }[]) => nodes.map((n) => n.members.join(",")).sort();

/** The page's embedded data, read back from the HTML file. */
function embedded(html: string): MapperPageData {
  const match = /<script type="application\/json" id="nettopo-data">([\s\S]*?)<\/script>/.exec(
    html,
  );
  assert.ok(match, "the page has its data element");
  return JSON.parse(match[1]!) as MapperPageData;
}

async function clickNode(page: Page, node: number, modifiers: "Shift"[] = []): Promise<void> {
  const at = await page.evaluate(
    (i) =>
      (
        globalThis as unknown as {
          nettopoMapper: { nodePagePosition(i: number): { x: number; y: number } };
        }
      ).nettopoMapper.nodePagePosition(i),
    node,
  );
  await page.mouse.move(at.x, at.y);
  if (modifiers.length > 0) await page.keyboard.down("Shift");
  await page.mouse.click(at.x, at.y);
  if (modifiers.length > 0) await page.keyboard.up("Shift");
}

/** The graph `nettopo mapper` prints for the blobs with these parameters (and the labels). */
function cliGraph(args: readonly string[]): MapperGraphJSON {
  const cli = runCli(["mapper", NPY, ...args, "--labels", LABELS]);
  assert.equal(cli.status, 0, cli.stderr);
  return JSON.parse(cli.stdout) as MapperGraphJSON;
}

/** Clicks Recompute and checks the page shows the graph the CLI gives for the same parameters. */
async function assertRecomputeMatchesCli(page: Page, args: readonly string[]): Promise<void> {
  const reference = cliGraph(args);
  await page.click("#recompute");
  await page.waitForSelector("#recompute-status[data-state=done]", { timeout: 60_000 });
  const shown = [
    await page.getAttribute("#graph", "data-nodes"),
    await page.getAttribute("#graph", "data-links"),
  ];
  const expected = [String(reference.nodes.length), String(reference.links.length)];
  assert.deepEqual(shown, expected, `nodes and links for ${args.join(" ")}`);
  assert.match(
    (await page.textContent("#recompute-status")) ?? "",
    new RegExp(`^Recomputed: ${reference.nodes.length} nodes, ${reference.links.length} links`),
  );
}

describe("nettopo mapper --html", () => {
  const opened: OpenedPage[] = [];
  after(async () => {
    for (const page of opened) await page.browser.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const html = join(dir, "mapper.html");
  let graph: MapperGraphJSON;

  before(() => {
    const { status, stdout, stderr } = runCli([
      "mapper",
      NPY,
      ...params,
      "--labels",
      LABELS,
      "--label-names",
      NAMES.join(","),
      "--images",
      IMAGES,
      "--html",
      html,
    ]);
    assert.equal(stderr, "");
    assert.equal(status, 0);
    assert.equal(stdout, "", "with --html and no --json, nothing goes to stdout");
    graph = embedded(readFileSync(html, "utf8")).graph;
  });

  it("writes one page holding the reference graph, the labels, the images and the activation rows", () => {
    const data = embedded(readFileSync(html, "utf8"));
    assert.deepEqual(memberSets(data.graph.nodes), memberSets(FIXTURE.nodes));
    assert.equal(data.points.labels?.length, FIXTURE.count);
    assert.deepEqual(
      { ...data.points.images, base64: undefined },
      { count: FIXTURE.count, height: 8, width: 8, channels: 1, base64: undefined },
    );
    assert.equal(data.points.rows?.dimension, FIXTURE.dimension);
    assert.equal(
      data.graph.nodes[0]!.means?.length,
      FIXTURE.dimension,
      "node means for colouring by neuron",
    );
    assert.deepEqual(data.notes, []);
    assert.doesNotMatch(readFileSync(html, "utf8"), /<script[^>]+src=|<link[^>]+stylesheet/);
  });

  it("the page draws the graph from file:// and answers clicks, search, lasso, recompute and export", {
    timeout: 180_000,
  }, async () => {
    const opened1 = await openPage(pathToFileURL(html).href, { width: 1280, height: 860 });
    opened.push(opened1);
    const { page, errors, networkRequests } = opened1;
    await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
    assert.equal(await page.getAttribute("#graph", "data-nodes"), String(graph.nodes.length));
    assert.equal(await page.getAttribute("#graph", "data-links"), String(graph.links.length));
    const inked = await page.$eval("#graph-canvas", (canvas) => {
      // The DOM types are not in the CLI's build; the canvas as far as read here.
      const c = canvas as unknown as {
        width: number;
        height: number;
        getContext(kind: "2d"): {
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        };
      };
      const pixels = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let count = 0;
      for (let k = 0; k < pixels.length; k += 4) {
        if (pixels[k]! < 240 || pixels[k + 1]! < 240 || pixels[k + 2]! < 240) count++;
      }
      return count;
    });
    assert.ok(inked > 500, `the canvas has drawn pixels (${inked})`);
    // The legend names the labels.
    assert.match((await page.textContent("#legend")) ?? "", /Majority label.*circle/);

    // Click the largest node: its panel lists its labels with percentages.
    const largest = graph.nodes.reduce((best, n) => (n.size > best.size ? n : best));
    await clickNode(page, largest.id);
    await page.waitForSelector(`#panel h2[data-node="${largest.id}"]`);
    assert.match(
      (await page.textContent("#node-size")) ?? "",
      new RegExp(`^${largest.size} inputs`),
    );
    const rows = await page.$$eval("#panel .label-bars li", (items) =>
      items.map((li) => [
        li.querySelector(".bar-name")!.textContent,
        li.querySelector(".bar-value")!.textContent,
      ]),
    );
    const expected = Object.entries(largest.labels!)
      .sort((a, b) => b[1] - a[1] || Number(a[0]) - Number(b[0]))
      .map(([k, count]) => [NAMES[Number(k)], `${((100 * count) / largest.size).toFixed(1)}%`]);
    assert.deepEqual(rows, expected);
    assert.equal(await page.$$eval("#panel .thumb", (t) => t.length), Math.min(12, largest.size));
    assert.equal(await page.inputValue("#member-indices"), largest.members.join(", "));
    // Hovering shows the node's tooltip.
    assert.match(
      (await page.textContent("#node-tooltip:visible")) ?? "",
      new RegExp(`Node ${largest.id}`),
    );

    // Copy puts the member indices on the clipboard.
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.click("#copy-members");
    await page.waitForSelector(".copied:text('copied')");
    assert.equal(
      await page.evaluate(() =>
        (
          globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
        ).navigator.clipboard.readText(),
      ),
      largest.members.join(", "),
    );

    // Shift-click a second node: the panel lists the union of their members.
    const other = graph.nodes.find((n) => n.id !== largest.id)!;
    await clickNode(page, other.id, ["Shift"]);
    await page.waitForSelector('#panel h2[data-selection="2"]');
    const union = [...new Set([...largest.members, ...other.members])].sort((a, b) => a - b);
    assert.equal(await page.inputValue("#member-indices"), union.join(", "));

    // A lasso around the whole canvas selects every node.
    await page.mouse.click(5, 400); // background: clears the selection
    const box = (await page.locator("#graph-canvas").boundingBox())!;
    await page.keyboard.down("Shift");
    await page.mouse.move(box.x + 3, box.y + 3);
    await page.mouse.down();
    for (const [x, y] of [
      [box.width - 3, 3],
      [box.width - 3, box.height - 3],
      [3, box.height - 3],
      [3, 4],
    ] as const) {
      await page.mouse.move(box.x + x, box.y + y, { steps: 4 });
    }
    await page.mouse.up();
    await page.keyboard.up("Shift");
    await page.waitForSelector(`#panel h2[data-selection="${graph.nodes.length}"]`);

    // Search by label name dims the nodes of other majorities.
    await page.fill("#label-search", "squ");
    const squares = graph.nodes.filter((n) => n.majority === 1).length;
    assert.equal(await page.getAttribute("#graph", "data-bright"), String(squares));
    assert.match(
      (await page.textContent("#search-status")) ?? "",
      new RegExp(`^${squares} of ${graph.nodes.length} nodes have a majority of square`),
    );
    await page.fill("#label-search", "");
    assert.equal(await page.getAttribute("#graph", "data-bright"), null);

    // Colour by a neuron's mean activation: the legend follows.
    await page.selectOption("#color-mode", "neuron");
    await page.selectOption("#neuron", "2");
    assert.match((await page.textContent("#legend")) ?? "", /Neuron 2 mean activation/);

    // Recompute with 4 intervals in the page's worker: the CLI's graph for the same parameters.
    const cli = runCli(["mapper", NPY, ...params.slice(2), "--intervals", "4", "--labels", LABELS]);
    assert.equal(cli.status, 0);
    const reference = JSON.parse(cli.stdout) as MapperGraphJSON;
    await page.fill("#param-intervals", "4");
    await page.click("#recompute");
    await page.waitForSelector("#recompute-status[data-state=done]", { timeout: 60_000 });
    assert.equal(await page.getAttribute("#graph", "data-nodes"), String(reference.nodes.length));
    assert.match(
      (await page.textContent("#recompute-status")) ?? "",
      new RegExp(`^Recomputed: ${reference.nodes.length} nodes, ${reference.links.length} links`),
    );

    // Export JSON gives the graph shown (the recomputed one), with positions.
    const [json] = await Promise.all([page.waitForEvent("download"), page.click("#export-json")]);
    assert.equal(json.suggestedFilename(), "mapper.json");
    const exported = JSON.parse(readFileSync((await json.path())!, "utf8"));
    assert.deepEqual(memberSets(exported.nodes), memberSets(reference.nodes));
    assert.equal(exported.links.length, reference.links.length);
    assert.ok(exported.nodes.every((n: { x: number; y: number }) => Number.isFinite(n.x + n.y)));
    const [svg] = await Promise.all([page.waitForEvent("download"), page.click("#export-svg")]);
    const svgText = readFileSync((await svg.path())!, "utf8");
    assert.equal((svgText.match(/<circle /g) ?? []).length, reference.nodes.length);
    const [png] = await Promise.all([page.waitForEvent("download"), page.click("#export-png")]);
    assert.deepEqual(
      [...readFileSync((await png.path())!).subarray(0, 4)],
      [0x89, 0x50, 0x4e, 0x47],
    );

    // Single linkage cut at the first gap: only its field is shown, and the
    // page's graph is the CLI's for the same parameters.
    assert.equal(await page.isVisible("#single-linkage-fields"), false);
    await page.selectOption("#param-cluster", "single-linkage");
    assert.equal(await page.isVisible("#dbscan-fields"), false);
    assert.equal(await page.inputValue("#param-gap"), "0.3", "core's default gap");
    await page.fill("#param-gap", "0.2");
    await assertRecomputeMatchesCli(page, [
      ...["--intervals", "4", "--overlap", "0.3"],
      ...["--cluster", "single-linkage", "--gap", "0.2"],
    ]);
    await page.fill("#param-gap", "1.5");
    await page.click("#recompute");
    assert.equal(await page.getAttribute("#recompute-status", "data-state"), "error");
    assert.equal(
      await page.textContent("#recompute-status"),
      "The relative gap must be in (0, 1].",
    );

    // The quantile-balanced cover with DBSCAN (its fields kept their values).
    await page.selectOption("#param-cover", "balanced");
    await page.selectOption("#param-cluster", "dbscan");
    assert.equal(await page.isVisible("#single-linkage-fields"), false);
    assert.equal(await page.isVisible("#dbscan-fields"), true);
    await assertRecomputeMatchesCli(page, [
      ...params.slice(2),
      "--intervals",
      "4",
      "--cover",
      "balanced",
    ]);

    // A bad parameter is said in the status, and the graph stays.
    await page.fill("#param-eps", "0");
    await page.click("#recompute");
    assert.equal(await page.getAttribute("#recompute-status", "data-state"), "error");
    assert.match((await page.textContent("#recompute-status")) ?? "", /eps must be > 0/);

    // Parameters that leave every input as noise: no node, and the page says why.
    await page.fill("#param-eps", "0.0001");
    await page.click("#recompute");
    await page.waitForSelector("#recompute-status[data-state=done]", { timeout: 60_000 });
    assert.equal(await page.getAttribute("#graph", "data-nodes"), "0");
    assert.match(
      (await page.textContent("#empty-graph:visible")) ?? "",
      /No nodes: every input is noise/,
    );

    assert.deepEqual(errors, []);
    assert.deepEqual(networkRequests, []);
  });

  it("a page the CLI wrote with a balanced cover and single linkage starts with those parameters", {
    timeout: 180_000,
  }, async () => {
    const args = [
      ...["--cover", "balanced", "--intervals", "6", "--overlap", "0.3"],
      ...["--cluster", "single-linkage", "--gap", "0.4"],
    ];
    const linkageHtml = join(dir, "linkage.html");
    const { status, stderr } = runCli([
      "mapper",
      NPY,
      ...args,
      "--labels",
      LABELS,
      "--html",
      linkageHtml,
    ]);
    assert.equal(stderr, "");
    assert.equal(status, 0);
    const written = embedded(readFileSync(linkageHtml, "utf8")).graph;
    assert.deepEqual(written.meta.cluster, { kind: "single-linkage", relativeGap: 0.4 });

    const opened1 = await openPage(pathToFileURL(linkageHtml).href);
    opened.push(opened1);
    const { page, errors, networkRequests } = opened1;
    await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
    const values = {
      cover: await page.inputValue("#param-cover"),
      intervals: await page.inputValue("#param-intervals"),
      cluster: await page.inputValue("#param-cluster"),
      gap: await page.inputValue("#param-gap"),
    };
    assert.deepEqual(values, {
      cover: "balanced",
      intervals: "6",
      cluster: "single-linkage",
      gap: "0.4",
    });
    assert.equal(await page.isVisible("#dbscan-fields"), false);
    assert.equal(await page.isVisible("#single-linkage-fields"), true);
    // Recompute without a change: the graph the CLI wrote into the page.
    await assertRecomputeMatchesCli(page, args);
    assert.equal(await page.getAttribute("#graph", "data-nodes"), String(written.nodes.length));
    assert.deepEqual(errors, []);
    assert.deepEqual(networkRequests, []);
  });

  it("uses a model's image data set for thumbnails, and leaves the rows out over --html-max-mb", {
    timeout: 180_000,
  }, async () => {
    const page1 = join(dir, "model.html");
    const { status, stderr } = runCli([
      "mapper",
      ONNX,
      "--layer",
      "relu",
      "--data",
      "fashion-mnist",
      "--limit",
      "300",
      "--intervals",
      "5",
      "--eps",
      "0.3",
      "--html",
      page1,
      "--html-max-mb",
      "0.3",
    ]);
    assert.equal(stderr, "");
    assert.equal(status, 0);
    const data = embedded(readFileSync(page1, "utf8"));
    assert.deepEqual(
      [data.points.images?.count, data.points.images?.height, data.points.images?.width],
      [300, 28, 28],
    );
    assert.equal(
      data.points.rows,
      undefined,
      "300 x 32 float32 rows and the images are over 0.3 MB",
    );
    assert.match(data.notes.join(" "), /Recomputing is disabled/);
    assert.equal(data.graph.meta.labels?.names?.[0], "T-shirt/top");

    const { page, errors, networkRequests } = await openPage(pathToFileURL(page1).href);
    opened.push({ page, errors, networkRequests, browser: page.context().browser()! });
    await page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
    assert.equal(await page.isDisabled("#recompute"), true);
    assert.match((await page.textContent("#panel .notice")) ?? "", /Recomputing is disabled/);
    await clickNode(page, 0);
    await page.waitForSelector("#panel .thumb canvas");
    assert.deepEqual(errors, []);
    assert.deepEqual(networkRequests, []);
  });

  it("rejects bad --html input with one-line errors", () => {
    const short = join(dir, "short-images.npy");
    writeFileSync(short, npyBytes([3, 4, 4], Array(48).fill(0.5)));
    const flat = join(dir, "flat-images.npy");
    writeFileSync(flat, npyBytes([FIXTURE.count], Array(FIXTURE.count).fill(0)));
    const out = join(dir, "bad.html");
    const cases: [string[], number, RegExp][] = [
      [["mapper", NPY, "--html", out, "--html-max-mb", "0"], 2, /--html-max-mb must be > 0; got 0/],
      [
        ["mapper", NPY, "--html", out, "--html-max-mb=-2"],
        2,
        /--html-max-mb "-2" is not a number >= 0/,
      ],
      [
        ["mapper", NPY, ...params, "--html", out, "--images", short],
        1,
        /short-images\.npy holds 3 images but .*blobs\.npy has 240 inputs; expected one image per input/,
      ],
      [
        ["mapper", NPY, ...params, "--html", out, "--images", flat],
        1,
        /flat-images\.npy has shape \[240\]; expected images \[N, H, W\] or \[N, H, W, C\]/,
      ],
      [["mapper", NPY, "--images", IMAGES], 2, /--images applies to --html/],
      [["mapper", NPY, "--html-max-mb", "3"], 2, /--html-max-mb applies to --html/],
      [["mapper", NPY, "--html="], 2, /--html needs a file name/],
    ];
    for (const [args, code, pattern] of cases) {
      const { status, stderr } = runCli(args);
      assert.equal(status, code, `${args.join(" ")}: ${stderr}`);
      assertOneLineError(stderr, pattern);
    }
  });
});
