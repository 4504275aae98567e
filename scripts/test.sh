#!/usr/bin/env bash
# The one test command: installs what it needs (PostgreSQL from Debian's packages, npm
# dependencies), builds everything, lints, runs every jest project (unit, api on PostgreSQL,
# smoke on the embedded database) and ends with one line: `N passed, N failed[, N skipped]`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/postgres.sh
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://giftshop:giftshop@127.0.0.1:5432/giftshop}"

if [ "${CI:-}" = "true" ] || [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== installing npm dependencies"
  npm ci --no-audit --no-fund
fi

echo "== building"
npm run build

echo "== type-check, lint and format"
npm run typecheck
npm run lint

echo "== tests"
mkdir -p .tmp
status=0
NODE_OPTIONS=--experimental-vm-modules npx jest --ci --json --outputFile=.tmp/jest-results.json "$@" || status=$?
node scripts/summary.js .tmp/jest-results.json
exit $status
