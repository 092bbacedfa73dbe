#!/usr/bin/env bash
# One command on a fresh machine: install, validate the policies, and replay the bundled sample.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/ensure-node.sh
export ASTRO_TELEMETRY_DISABLED=1
npm ci --no-audit --no-fund
npm run validate
npm run simulate -- --data data/sample
