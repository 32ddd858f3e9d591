import { existsSync } from "node:fs";
import { type Browser, chromium, type Page } from "playwright-core";

/** Debian's Chromium, or the binary named by NETTOPO_CHROMIUM. */
export const CHROMIUM = process.env.NETTOPO_CHROMIUM ?? "/usr/bin/chromium";

/** A page opened in headless Chromium, with what it did that a test must check. */
export interface OpenedPage {
  readonly browser: Browser;
  readonly page: Page;
  /** Console errors and uncaught exceptions, in order. */
  readonly errors: string[];
  /** Requests to anything but file:, data: and blob: URLs (a self-contained page makes none). */
  readonly networkRequests: string[];
}

/**
 * Launches headless Chromium and opens `url`, recording console errors,
 * page errors and network requests from the first moment (tests of the web
 * app; issue 6 asks for no console errors and no network requests).
 */
export async function openPage(
  url: string,
  viewport = { width: 1280, height: 900 },
): Promise<OpenedPage> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with \`apt-get install chromium\` (CI installs it; NETTOPO_CHROMIUM names another binary)`,
    );
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ["--no-sandbox"] });
  const page = await browser.newPage({ viewport });
  const errors: string[] = [];
  const networkRequests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("request", (request) => {
    if (!/^(file|data|blob):/.test(request.url())) networkRequests.push(request.url());
  });
  await page.goto(url);
  return { browser, page, errors, networkRequests };
}
