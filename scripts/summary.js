// Prints the one plain line CI reads: `N passed, N failed[, N skipped]`, from jest's result file
// and, when given, Playwright's JSON report. A missing or unreadable file counts as a failure.
const fs = require('node:fs');

const [jestFile, playwrightFile] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;

function read(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    failed += 1;
    return null;
  }
}

const jest = read(jestFile);
if (jest) {
  // A suite that fails to load has no test results: count it as a failure too.
  const broken = jest.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  passed += jest.numPassedTests;
  failed += jest.numFailedTests + broken;
  skipped += jest.numPendingTests + jest.numTodoTests;
}
if (playwrightFile) {
  const pw = read(playwrightFile);
  if (pw) {
    passed += pw.stats.expected + pw.stats.flaky;
    failed += pw.stats.unexpected + (pw.errors?.length ?? 0);
    skipped += pw.stats.skipped;
  }
}
const line = `${passed} passed, ${failed} failed`;
console.log(skipped > 0 ? `${line}, ${skipped} skipped` : line);
