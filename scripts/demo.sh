#!/usr/bin/env bash
# The one run command: installs npm dependencies, builds the server and the H5 client, and starts
# the shop at http://localhost:3000 on the embedded database (PGlite in .data/pglite) with demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build
exec npm start
