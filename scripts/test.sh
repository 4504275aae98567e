#!/usr/bin/env bash
# The one test command: installs what it needs (PostgreSQL, PgBouncer, HAProxy and Chromium from
# Debian's packages, npm dependencies), builds everything (H5 and the WeChat mini-program), lints,
# runs every jest project (unit, client components, api on PostgreSQL, smoke on the embedded
# database), then the Playwright browser stories, and ends with one line:
# `N passed, N failed[, N skipped]`.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/postgres.sh
# The fleet fault tests (e2e/api/fleet-faults.spec.ts) run scripts/cluster.sh: HAProxy and PgBouncer.
bash scripts/cluster.sh install
bash scripts/cluster.sh replica # a streaming replica of it on :5433 (e2e/api/read-replica.spec.ts)
bash scripts/chromium.sh
export TEST_DATABASE_URL="${TEST_DATABASE_URL:-postgres://giftshop:giftshop@127.0.0.1:5432/giftshop}"

if [ "${CI:-}" = "true" ] || [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "== installing npm dependencies"
  npm ci --no-audit --no-fund
fi

echo "== building"
npm run build
npm run build:weapp -w client

echo "== type-check, lint and format"
npm run typecheck
npm run lint

echo "== tests"
mkdir -p .tmp
status=0
rm -f .tmp/jest-results.json .tmp/playwright-results.json
NODE_OPTIONS=--experimental-vm-modules npx jest --ci --json --outputFile=.tmp/jest-results.json "$@" || status=$?

echo "== browser stories (Playwright, Chromium)"
npx playwright test -c e2e/browser/playwright.config.ts || status=$?

node scripts/summary.js .tmp/jest-results.json .tmp/playwright-results.json
exit $status
