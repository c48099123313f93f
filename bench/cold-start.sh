#!/usr/bin/env bash
# Cold start to /ready (install excluded): embedded first start (initdb), embedded warm start, and an
# external PostgreSQL (fresh database, so migrations + Mastra storage init are included). Prints ms.
set -euo pipefail
cd "$(dirname "$0")/.."
node=node_modules/.bin/node
free_port() { $node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
measure() { # label, env...
  local label=$1; shift
  local port; port=$(free_port)
  local start; start=$(date +%s%N)
  env "$@" PORT="$port" LOG_LEVEL=warn $node bin/mentorflow.js start >/tmp/cold-start.log 2>&1 &
  local pid=$!
  until curl -fsS "http://127.0.0.1:$port/ready" >/dev/null 2>&1; do
    kill -0 $pid 2>/dev/null || { cat /tmp/cold-start.log; return 1; }
    sleep 0.02
  done
  printf '%-40s %6d ms\n' "$label" $(( ($(date +%s%N) - start) / 1000000 ))
  kill -TERM $pid; wait $pid
}
data=$(mktemp -d)
echo "cold start to /ready"
measure "embedded, first start (initdb)" -u DATABASE_URL DATA_DIR="$data"
measure "embedded, warm start" -u DATABASE_URL DATA_DIR="$data"
rm -rf "$data"
if [ -n "${BENCH_DATABASE_URL:-}" ]; then
  admin=$BENCH_DATABASE_URL
  db="mentorflow_bench_$$"
  psql "$admin" -qc "create database $db"
  url="${admin%/*}/$db"
  measure "external, fresh database (migrations)" DATABASE_URL="$url"
  measure "external, migrated database" DATABASE_URL="$url"
  psql "$admin" -qc "drop database $db with (force)"
fi
