#!/usr/bin/env bash
# The images' runtime shape without Docker: the runtime packages compiled to
# dist/, installed with production dependencies only (no tsx, TypeScript or
# test tools), started with plain `node` (Node 24). Then: both ports ready, a
# vendor's health sample accepted and the wall tile turning red. chDB is kept
# here (the images leave it out and talk to a ClickHouse server instead).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
node="$repo/node_modules/.bin/node"
work="$(mktemp -d /tmp/kh02-dist-smoke-XXXXXX)"
trap 'if [ -n "${pid:-}" ]; then kill "$pid" 2>/dev/null || true; fi; rm -rf "$work"' EXIT

cd "$repo"
"$node" scripts/build-dist.mjs --runtime "$work/app"
(cd "$work/app" && npm install --omit=dev --no-audit --no-fund --loglevel=error >/dev/null)
for bin in tsx tsc vitest; do
  if [ -e "$work/app/node_modules/.bin/$bin" ]; then echo "dist smoke: $bin is installed in the runtime tree" >&2; exit 1; fi
done

cd "$work/app"
DATA_DIR="$work/data" SIMULATOR=false API_PORT=39170 INGEST_PORT=39180 LOG_LEVEL=warn \
  "$node" server/dist/src/main/embedded-main.js >"$work/run.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do
  if curl -sf http://127.0.0.1:39170/ready >/dev/null && curl -sf http://127.0.0.1:39180/ready >/dev/null; then break; fi
  sleep 1
done
curl -sf http://127.0.0.1:39170/ready >/dev/null || { cat "$work/run.log"; echo "dist smoke: not ready" >&2; exit 1; }
"$node" --input-type=module -e '
  const fs = await import("node:fs");
  const dir = process.argv[1];
  const tokens = JSON.parse(fs.readFileSync(`${dir}/api-keys.demo-credentials.json`, "utf8"));
  const now = new Date().toISOString();
  const res = await fetch("http://127.0.0.1:39180/v1/health-samples", {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${tokens["vendor-vnpt"]}`, "idempotency-key": "dist-smoke-1" },
    body: JSON.stringify({ event_id: "dist-smoke-1", vendor: "VNPT", system_id: "p01.tthc", unit_code: "01", observed_at: now,
      uptime_pct: 30, cpu_pct: 99, ram_pct: 99, net_in_bps: 1, net_out_bps: 1 }),
  });
  if (res.status !== 202) throw new Error(`POST answered ${res.status}: ${await res.text()}`);
  const passwords = JSON.parse(fs.readFileSync(`${dir}/demo-accounts.json`, "utf8"));
  const login = await (await fetch("http://127.0.0.1:39170/api/v1/auth/login", { method: "POST",
    headers: { "content-type": "application/json" }, body: JSON.stringify({ username: "cc.giamsat", password: passwords["cc.giamsat"] }) })).json();
  for (let i = 0; i < 40; i++) {
    const unit = await (await fetch("http://127.0.0.1:39170/api/v1/units/01", { headers: { authorization: `Bearer ${login.token}` } })).json();
    if (unit.tile.status === "red") { console.log("dist smoke: compiled system on production dependencies, Hà Nội red after a red sample"); process.exit(0); }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("the tile never turned red");
' "$work/data"
