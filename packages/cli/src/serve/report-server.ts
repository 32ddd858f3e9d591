import { createReadStream } from "node:fs";
import { readFile, realpath, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, sep } from "node:path";
import { appPagePath } from "@nettopo/web";
import { readReportData, readRunConfig } from "../report/read-report-data.js";
import { LineTail } from "./line-tail.js";

/** Options of {@link startReportServer}. */
export interface ReportServerOptions {
  /** The run directories served (read-only). */
  readonly directories: readonly string[];
  /** The interface to bind; default "127.0.0.1" (this machine only). */
  readonly host?: string;
  /** The port; default 8321 (0: any free port). */
  readonly port?: number;
  /** The page's title; default "Training runs". */
  readonly title?: string;
  /** How often the run files are checked for new lines, in ms; default 300. */
  readonly pollMs?: number;
  /** Called with a line about a failed poll (e.g. a file that cannot be read); default none. */
  readonly onWarning?: (message: string) => void;
}

/** A running server; `close` stops it (and its event streams). */
export interface ReportServer {
  readonly url: string;
  readonly server: Server;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".json": "application/json; charset=utf-8",
  ".jsonl": "application/x-ndjson; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/**
 * Serves the report page in live mode for run directories (`nettopo serve`):
 *
 * - `GET /` the report page (packages/web's built report.html, with no data:
 *   the page fetches it);
 * - `GET /api/runs` the runs as the report reads them ({@link readReportData});
 * - `GET /api/events` server-sent events: `record` and `topology` with each
 *   new complete line of a run's metrics.jsonl or topology.jsonl (`{run,
 *   line, record|snapshot}`, `line` the index of the line in its file), and
 *   `reset` when a file shrank or was replaced (the page fetches the runs
 *   again); a line being written is sent once complete;
 * - `GET /runs/K/PATH` a file of the K-th run directory, read-only.
 *
 * Anything else is 404, and so is every path that could leave a run
 * directory: `..` or `.` segments (also percent-encoded), empty segments
 * (`//abs`), encoded slashes or NUL, and symbolic links that resolve outside
 * it. Only GET and HEAD are answered (405 otherwise).
 *
 * @throws RangeError (as a rejection) for a run directory that is missing or
 *   not a run; the listen error (e.g. EADDRINUSE) otherwise.
 */
export async function startReportServer(options: ReportServerOptions): Promise<ReportServer> {
  const directories = options.directories;
  for (const directory of directories) await readRunConfig(directory);
  const roots = await Promise.all(directories.map((d) => realpath(d)));
  const title = options.title ?? "Training runs";
  const pollMs = options.pollMs ?? 300;
  const clients = new Set<ServerResponse>();

  // One tail per run file, started now: lines written after this moment are streamed.
  const tails = directories.flatMap((directory, run) =>
    (["metrics", "topology"] as const).map((kind) => ({
      run,
      kind,
      tail: new LineTail(join(directory, `${kind}.jsonl`)),
    })),
  );
  await Promise.all(tails.map((t) => t.tail.skipExisting()));
  let polling = false;
  const poll = async () => {
    if (polling) return;
    polling = true;
    try {
      for (const { run, kind, tail } of tails) {
        let update: Awaited<ReturnType<LineTail["poll"]>>;
        try {
          update = await tail.poll();
        } catch (error) {
          options.onWarning?.(`cannot read ${tail.path}: ${(error as Error).message}`);
          continue;
        }
        if (update.reset) {
          broadcast("reset", { run });
          continue;
        }
        update.lines.forEach((line, k) => {
          let value: unknown;
          try {
            value = JSON.parse(line);
          } catch {
            options.onWarning?.(`${tail.path}: line ${update.firstIndex + k + 1} is not JSON`);
            return;
          }
          const field = kind === "metrics" ? "record" : "snapshot";
          broadcast(kind === "metrics" ? "record" : "topology", {
            run,
            line: update.firstIndex + k,
            [field]: value,
          });
        });
      }
    } finally {
      polling = false;
    }
  };
  const timer = setInterval(() => void poll(), pollMs);
  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(": keep-alive\n\n");
  }, 15_000);

  function broadcast(event: string, data: unknown): void {
    const message = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const client of clients) client.write(message);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      options.onWarning?.(`${request.method} ${request.url}: ${(error as Error).message}`);
      if (!response.headersSent) send(response, 500, "text/plain; charset=utf-8", "server error\n");
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.setHeader("Allow", "GET, HEAD");
      send(response, 405, "text/plain; charset=utf-8", "method not allowed\n");
      return;
    }
    const target = request.url ?? "";
    const query = target.indexOf("?");
    const path = query < 0 ? target : target.slice(0, query);
    if (path === "/" || path === "/index.html") {
      const page = await readFile(appPagePath("report"), "utf8");
      send(response, 200, TYPES[".html"]!, page, request.method === "HEAD");
      return;
    }
    if (path === "/api/runs") {
      const data = await readReportData(directories, title);
      send(response, 200, TYPES[".json"]!, JSON.stringify(data), request.method === "HEAD");
      return;
    }
    if (path === "/api/events") {
      response.writeHead(200, {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-store",
        Connection: "keep-alive",
      });
      response.write("retry: 1000\n\n");
      clients.add(response);
      request.on("close", () => clients.delete(response));
      return;
    }
    const file = await runFile(path);
    if (file === null) {
      send(response, 404, "text/plain; charset=utf-8", "not found\n");
      return;
    }
    response.writeHead(200, {
      "Content-Type": TYPES[extname(file.path).toLowerCase()] ?? "application/octet-stream",
      "Content-Length": file.size,
      "Cache-Control": "no-store",
    });
    if (request.method === "HEAD") {
      response.end();
      return;
    }
    createReadStream(file.path, { start: 0, end: Math.max(0, file.size - 1) })
      .on("error", () => response.destroy())
      .pipe(response);
  }

  /** The file `/runs/K/PATH` names inside run K, or null when there is none or it would leave the run. */
  async function runFile(path: string): Promise<{ path: string; size: number } | null> {
    const match = /^\/runs\/(\d{1,6})\/(.+)$/.exec(path);
    if (match === null) return null;
    const root = roots[Number(match[1])];
    if (root === undefined) return null;
    const segments: string[] = [];
    for (const raw of match[2]!.split("/")) {
      let segment: string;
      try {
        segment = decodeURIComponent(raw);
      } catch {
        return null;
      }
      if (segment === "" || segment === "." || segment === "..") return null;
      if (/[/\\\0]/.test(segment)) return null;
      segments.push(segment);
    }
    let resolved: string;
    try {
      resolved = await realpath(join(root, ...segments));
    } catch {
      return null;
    }
    if (!resolved.startsWith(root + sep)) return null;
    const info = await stat(resolved).catch(() => null);
    if (info === null || !info.isFile()) return null;
    return { path: resolved, size: info.size };
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 8321, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/`,
    server,
    close() {
      clearInterval(timer);
      clearInterval(heartbeat);
      for (const client of clients) client.end();
      clients.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

function send(
  response: ServerResponse,
  status: number,
  type: string,
  body: string,
  headOnly = false,
): void {
  response.writeHead(status, {
    "Content-Type": type,
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  });
  response.end(headOnly ? undefined : body);
}
