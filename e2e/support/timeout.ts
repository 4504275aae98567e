/** Every api and smoke test, and its hooks, may take two minutes (see jest.config.js). */
jest.setTimeout(120_000);
