#!/usr/bin/env bash
# Runs a command with Node >= 22.12 on PATH, e.g. `bash scripts/with-node.sh npm test`.
set -euo pipefail
. "$(dirname "$0")/ensure-node.sh"
exec "$@"
