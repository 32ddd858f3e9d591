import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { after, describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import * as core from "@nettopo/core";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";

/**
 * The same @nettopo/core runs in a browser: the package is bundled with
 * esbuild for the browser platform (a Node built-in anywhere in it fails the
 * bundle) and run in headless Debian Chromium through playwright-core.
 */

const CHROMIUM = process.env.NETTOPO_CHROMIUM ?? "/usr/bin/chromium";
const WEB_PACKAGE = join(dirname(fileURLToPath(import.meta.url)), "..");

/** What the test reads of the bundle's global (declared here so it builds on its own). */
interface CoreInPage {
  ripsPersistence?: (
    input: unknown,
    options?: { maxDim?: number },
  ) => { dimensions: { dim: number; births: Float64Array; deaths: Float64Array }[] };
}

async function bundleCore(): Promise<string> {
  const result = await build({
    stdin: {
      contents: 'export * from "@nettopo/core";',
      resolveDir: WEB_PACKAGE,
      loader: "js",
    },
    bundle: true,
    write: false,
    format: "iife",
    globalName: "nettopoCore",
    platform: "browser",
    target: "es2022",
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

describe("@nettopo/core in headless Chromium", () => {
  let browser: Browser | undefined;

  after(async () => {
    await browser?.close();
  });

  it("ripsPersistence returns one long H1 bar for a circle, without console errors", {
    timeout: 180_000,
  }, async () => {
    assert.ok(
      existsSync(CHROMIUM),
      `Chromium not found at ${CHROMIUM}: install it with \`apt-get install chromium\` ` +
        "(CI installs it; NETTOPO_CHROMIUM names another binary)",
    );
    const bundle = await bundleCore();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      timeout: 120_000,
    });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console.error: ${message.text()}`);
    });
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    await page.setContent(
      "<!doctype html><html><head><title>core</title></head><body></body></html>",
    );
    await page.addScriptTag({ content: bundle });
    const result = await page.evaluate(() => {
      const core = (globalThis as unknown as { nettopoCore?: CoreInPage }).nettopoCore;
      if (core === undefined) return { error: "the bundle did not define nettopoCore" };
      if (typeof core.ripsPersistence !== "function") {
        return { error: "@nettopo/core does not export ripsPersistence" };
      }
      // 60 points on the unit circle, evenly spaced with a small deterministic wobble.
      const count = 60;
      const coordinates = new Float64Array(2 * count);
      for (let i = 0; i < count; i += 1) {
        const angle = (2 * Math.PI * i) / count;
        const radius = 1 + 0.02 * Math.sin(7 * i);
        coordinates[2 * i] = radius * Math.cos(angle);
        coordinates[2 * i + 1] = radius * Math.sin(angle);
      }
      const diagram = core.ripsPersistence(
        { kind: "point-cloud", count, dimension: 2, coordinates },
        { maxDim: 1 },
      );
      const dims = diagram.dimensions.map((d) => ({
        dim: d.dim,
        bars: Array.from(d.births, (b, k) => [b, d.deaths[k]!] as const),
      }));
      return { dims, userAgent: navigator.userAgent };
    });
    await page.close();
    assert.ok(!("error" in result), "error" in result ? result.error : "");
    assert.match(result.userAgent, /HeadlessChrome|Chrome/);
    const h0 = result.dims.find((d) => d.dim === 0)!.bars;
    const h1 = result.dims.find((d) => d.dim === 1)!.bars;
    assert.equal(h0.filter(([, death]) => death === null || death === Infinity).length, 1);
    const lengths = h1.map(([birth, death]) => death - birth).sort((x, y) => y - x);
    assert.ok(lengths.length >= 1, "no H1 bar");
    // The circle's loop is born at the neighbour spacing (~0.1) and dies when
    // triangles fill the disk (~sqrt(3)): one bar far longer than the rest.
    assert.ok(lengths[0]! > 1, `longest H1 bar ${lengths[0]} should exceed 1`);
    assert.ok((lengths[1] ?? 0) < 0.1, `second H1 bar ${lengths[1]} should be short`);
    assert.deepEqual(errors, []);
  });

  it("dbscan in Chromium (its WebAssembly SIMD kernel) gives the labels it gives in Node", {
    timeout: 180_000,
  }, async () => {
    assert.ok(existsSync(CHROMIUM), `Chromium not found at ${CHROMIUM}`);
    const bundle = await bundleCore();
    browser ??= await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run"],
      timeout: 120_000,
    });
    // 600 points in 40 dimensions around 6 centres, deterministic.
    const count = 600;
    const dimension = 40;
    const values = Array.from({ length: count * dimension }, (_, k) => {
      const i = Math.floor(k / dimension);
      const j = k % dimension;
      return 3 * Math.sin((i % 6) * 7.1 + j * 1.3) + 0.4 * Math.sin(i * 12.9898 + j * 78.233);
    });
    const points = { count, dimension, coordinates: Float64Array.from(values) };
    const options = { eps: 2.5, minSamples: 5 };
    const expected = Array.from(core.dbscan(points, options));
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    await page.setContent("<!doctype html><html><head><title>core</title></head></html>");
    await page.addScriptTag({ content: bundle });
    const labels = await page.evaluate(
      ({ values, count, dimension, options }) => {
        const inPage = (globalThis as unknown as { nettopoCore: typeof core }).nettopoCore;
        const coordinates = Float64Array.from(values);
        return Array.from(inPage.dbscan({ count, dimension, coordinates }, options));
      },
      { values, count, dimension, options },
    );
    await page.close();
    assert.ok(new Set(expected).size > 2, "the data should make several clusters");
    assert.deepEqual(labels, expected);
    assert.deepEqual(errors, []);
  });
});

declare const navigator: { readonly userAgent: string };
