#!/usr/bin/env bash
# Times GET /api/ocds/releases (pages of 100 releases) against a portal on this machine, one client, sequential:
# the first page, then every page by following links.next (cursor), then the same with a state body filter.
# Usage: benchmarks/ocds-releases.sh [BASE_URL] [ROUNDS]
# The portal should be seeded (dotnet run --project src/SocialOrder.Web -- --seed-calls 10000) and started with the
# OpenData limit raised for the run: RateLimits__OpenData__PerAddress=1000000. See docs/benchmarks/ocds.md.
set -euo pipefail
base="${1:-http://localhost:5080}"
rounds="${2:-3}"
case "$base" in
  http://localhost*|http://127.0.0.1*|https://localhost*|https://127.0.0.1*) ;;
  *) echo "loopback addresses only" >&2; exit 2 ;;
esac
times=$(mktemp); first=$(mktemp); body=$(mktemp)
trap 'rm -f "$times" "$first" "$body" /tmp/ocds-bench-page.json' EXIT

walk() { # $1 = first path, $2 = file for the timings
  local next="$1" pages=0 releases=0
  while [ -n "$next" ]; do
    t=$(curl -sk -o /tmp/ocds-bench-page.json -w '%{http_code} %{time_total}' "$base$next")
    code=${t% *}; [ "$code" = 200 ] || { echo "HTTP $code for $next" >&2; exit 1; }
    echo "${t#* }" >> "$2"
    read -r n link < <(python3 -c 'import json,sys,urllib.parse as u
d=json.load(open("/tmp/ocds-bench-page.json"));l=d.get("links",{}).get("next","")
print(len(d["releases"]), (u.urlsplit(l).path+"?"+u.urlsplit(l).query) if l else "")')
    releases=$((releases + n)); pages=$((pages + 1)); next="$link"
  done
  echo "$pages pages, $releases releases" >&2
}

for _ in $(seq 1 3); do curl -sk -o /dev/null "$base/api/ocds/releases"; done   # warm-up
for r in $(seq 1 "$rounds"); do
  curl -sk -o /dev/null -w '%{time_total}\n' "$base/api/ocds/releases" >> "$first"
  walk "/api/ocds/releases" "$times"
  walk "/api/ocds/releases?body=050540004455" "$body"
done

stats() {
  python3 - "$1" "$2" <<'PY'
import sys, statistics
xs = sorted(float(x) * 1000 for x in open(sys.argv[2]) if x.strip())
p = lambda q: xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]
print(f"{sys.argv[1]:<28} n={len(xs):<5} median {statistics.median(xs):6.1f} ms  p95 {p(0.95):6.1f} ms  max {xs[-1]:6.1f} ms")
PY
}
stats "first page (100)" "$first"
stats "every page by cursor" "$times"
stats "every page, body filter" "$body"
