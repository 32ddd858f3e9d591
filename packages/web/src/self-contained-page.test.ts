import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { pathToFileURL } from "node:url";
import { selfContainedPage } from "./self-contained-page.js";
import { fixtureRun, reportData } from "./test-support/fixture-runs.js";
import { type OpenedPage, openPage } from "./test-support/open-page.js";

describe("selfContainedPage", () => {
  const directory = mkdtempSync(join(tmpdir(), "nettopo-page-"));
  let opened: OpenedPage | undefined;
  after(async () => {
    await opened?.browser.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it("fills the built page with its data, which opens from disk with no network and no errors", {
    timeout: 120_000,
  }, async () => {
    const name = "a </script><b>run</b> $& $1";
    const run = { ...fixtureRun(name), topology: null };
    const html = await selfContainedPage("report", reportData([run]));
    assert.doesNotMatch(html, /<script[^>]+src=/, "every script is inlined");
    const file = join(directory, "report.html");
    writeFileSync(file, html);
    opened = await openPage(pathToFileURL(file).href);
    await opened.page.waitForSelector("body[data-ready=true]", { timeout: 60_000 });
    assert.equal(await opened.page.textContent("table.runs .run-name"), name);
    assert.deepEqual(opened.errors, []);
    assert.deepEqual(opened.networkRequests, []);
  });
});
