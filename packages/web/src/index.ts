/**
 * @nettopo/web: the browser app. Empty until the web-app issue; the browser
 * smoke test of @nettopo/core lives in packages/cli's tests for now.
 */
export {};
