import type { Loader } from "vega";

/**
 * A vega loader that refuses every URL and file, noting each in `refused`:
 * the specs of nettopo carry their data inline, and rendering must never
 * reach the network or the disk on behalf of a spec (a spec read from a file
 * could name any URL). Vega only logs a failed load and renders without the
 * data, so the caller checks `refused` afterwards.
 */
export function offlineLoader(refused: string[]): Loader {
  const refuse = (uri: string) => {
    refused.push(uri);
    return Promise.reject(new Error(`loading ${JSON.stringify(uri)} is not allowed`));
  };
  return { load: refuse, sanitize: refuse, http: refuse, file: refuse };
}
