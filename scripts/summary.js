// Prints jest's result file as the one plain line CI reads: `N passed, N failed[, N skipped]`.
const fs = require('node:fs');

const file = process.argv[2];
if (!fs.existsSync(file)) {
  console.log('0 passed, 1 failed');
  process.exit(0);
}
const r = JSON.parse(fs.readFileSync(file, 'utf8'));
// A suite that fails to load has no test results: count it as a failure too.
const broken = r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
const skipped = r.numPendingTests + r.numTodoTests;
const line = `${r.numPassedTests} passed, ${r.numFailedTests + broken} failed`;
console.log(skipped > 0 ? `${line}, ${skipped} skipped` : line);
