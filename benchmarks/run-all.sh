#!/usr/bin/env bash
# One benchmark harness (issue 14, item 7): builds the portal and the tools in Release, seeds a throwaway embedded
# PostgreSQL, measures every figure of the issue's table on this machine and writes docs/benchmarks/summary.md.
#
#   benchmarks/run-all.sh                      # everything: catalogue, spike, evaluation, results, protocol, start-up
#   benchmarks/run-all.sh catalogue startup    # only some parts
#
# Settings (environment): BENCH_DIR (/tmp/socialorder-bench: the database and the build, kept between runs so the
# 10,000 calls are seeded once), BENCH_PG_PORT (54391), BENCH_PORT (5191), CLIENTS (32), REQUESTS (3000),
# SPIKE_USERS (2000), OUT (docs/benchmarks/summary.md). Loopback only; nothing is sent anywhere else.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BENCH_DIR="${BENCH_DIR:-/tmp/socialorder-bench}"
PG_PORT="${BENCH_PG_PORT:-54391}"
PORT="${BENCH_PORT:-5191}"
URL="http://127.0.0.1:${PORT}"
CLIENTS="${CLIENTS:-32}"
REQUESTS="${REQUESTS:-3000}"
SPIKE_USERS="${SPIKE_USERS:-2000}"
OUT="${OUT:-$ROOT/docs/benchmarks/summary.md}"
PARTS=("$@")
[ ${#PARTS[@]} -eq 0 ] && PARTS=(catalogue startup spike evaluation protocol)
want() { local p; for p in "${PARTS[@]}"; do [ "$p" = "$1" ] && return 0; done; return 1; }

APP="$BENCH_DIR/portal"
PG_DIR="$BENCH_DIR/pg"
LOGS="$BENCH_DIR/logs"
mkdir -p "$LOGS"
declare -A RESULT

export ASPNETCORE_ENVIRONMENT=Development
export Database__EmbeddedPort="$PG_PORT" Database__EmbeddedDirectory="$PG_DIR"
export TwoFactor__RequiredForStaff=false DevOutbox__Enabled=false Serilog__MinimumLevel__Default=Warning
# The spike's and the catalogue's thousands of requests come from one address: the rate limits are not measured here.
export Accounts__FreeFailuresPerAddress=1000000
for policy in SignIn Registration PasswordReset EmailConfirmation Subscriptions Questions Uploads Verification Api OpenData; do
    export "RateLimits__${policy}__PerAddress=1000000" "RateLimits__${policy}__PerAccount=1000000"
done

echo "== building in Release"
dotnet publish -c Release "$ROOT/src/SocialOrder.Web" -o "$APP" -v q -nologo > "$LOGS/publish.log"
for tool in LoadTest DeadlineSpike EvaluationBenchmark; do
    dotnet build -c Release "$ROOT/benchmarks/SocialOrder.$tool" -v q -nologo > "$LOGS/build-$tool.log"
done
tool() { local name="$1"; shift; dotnet "$ROOT/benchmarks/SocialOrder.$name/bin/Release/net10.0/SocialOrder.$name.dll" "$@"; }
portal_cmd() { (cd "$APP" && dotnet SocialOrder.Web.dll "$@"); }

# CPU seconds (user + system) of one process, from /proc.
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$1/stat" 2>/dev/null || echo 0; }
# CPU seconds of the PostgreSQL server: the postmaster and every backend (children's finished time included).
pg_cpu() {
    local pm; pm="$(head -1 "$PG_DIR/pgdata/postmaster.pid" 2>/dev/null || true)"
    [ -z "$pm" ] && { echo 0; return; }
    local total; total="$(awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15 + $16 + $17) / hz }' "/proc/$pm/stat")"
    for child in $(ps -o pid= --ppid "$pm"); do
        total="$(echo "$total + $(cpu_of "$child")" | bc -l)"
    done
    echo "$total"
}
psql_bench() { PGPASSWORD="$(cat "$PG_DIR/password")" psql -h 127.0.0.1 -p "$PG_PORT" -U socialorder -d socialorder -X -q "$@"; }

PORTAL_PID=""
start_portal() {
    local started; started="$(date +%s.%N)"
    (cd "$APP" && ASPNETCORE_URLS="$URL" Seed__Demo=false exec dotnet SocialOrder.Web.dll) > "$LOGS/portal.log" 2>&1 &
    PORTAL_PID=$!
    until curl -fs -o /dev/null "$URL/health"; do
        kill -0 "$PORTAL_PID" 2>/dev/null || { echo "the portal stopped: see $LOGS/portal.log"; exit 1; }
        sleep 0.2
    done
    local ready; ready="$(date +%s.%N)"
    curl -fs -o /dev/null "$URL/Calls?warm=1"
    local first; first="$(date +%s.%N)"
    RESULT[startup]="$(printf '%.1f s to /health, %.1f s to the first catalogue page' "$(echo "$ready - $started" | bc -l)" "$(echo "$first - $started" | bc -l)")"
}
stop_portal() { [ -n "$PORTAL_PID" ] && kill "$PORTAL_PID" 2>/dev/null && wait "$PORTAL_PID" 2>/dev/null || true; PORTAL_PID=""; }
trap stop_portal EXIT

# Median and 99th percentile (ms) of the curl times (s) in a file, one per line.
percentiles() { sort -n "$1" | awk '{ v[NR] = $1 * 1000 } END { printf "p50 %.0f ms, p99 %.0f ms (%d requests)", v[int((NR + 1) * 0.5)], v[int(NR * 0.99 + 0.5)], NR }'; }

LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg)"

if want catalogue || want startup || want spike || want evaluation; then
    if [ ! -f "$BENCH_DIR/seeded-calls" ]; then
        echo "== seeding 10,000 calls (once)"
        portal_cmd --seed-demo --seed-calls 10000 > "$LOGS/seed-calls.log" 2>&1
        touch "$BENCH_DIR/seeded-calls"
    fi
    start_portal
fi

if want catalogue; then
    echo "== catalogue: the default query's plan"
    psql_bench -c "ANALYZE calls" > /dev/null
    psql_bench -c "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT c.id, c.reference_number, c.title_kk, c.title_ru, c.title_en, s.name_kk, s.name_ru, s.name_en, c.region_id, c.priority_area_id, c.instrument, c.term, c.budget, c.opens_at, c.closes_at, c.status FROM calls AS c INNER JOIN state_bodies AS s ON c.state_body_id = s.id WHERE c.status <> 'Draft' ORDER BY c.published_at DESC, c.id LIMIT 20" > "$LOGS/catalogue-plan.txt"
    scan="$(grep -Eo '(Index Scan|Index Only Scan|Seq Scan|Bitmap Heap Scan)[^(]*on calls' "$LOGS/catalogue-plan.txt" | head -1 || true)"
    rows="$(grep -E 'on calls' "$LOGS/catalogue-plan.txt" | grep -Eo 'rows=[0-9]+' | head -1 || true)"
    exec_ms="$(grep -Eo 'Execution Time: [0-9.]+ ms' "$LOGS/catalogue-plan.txt" || true)"
    RESULT[plan]="$scan, $rows, $exec_ms"

    echo "== catalogue: $CLIENTS clients, $REQUESTS randomized requests"
    p0="$(cpu_of "$PORTAL_PID")"; g0="$(pg_cpu)"
    tool LoadTest --url "$URL" --clients "$CLIENTS" --requests "$REQUESTS" --warmup 200 | tee "$LOGS/catalogue-load.txt" || true
    p1="$(cpu_of "$PORTAL_PID")"; g1="$(pg_cpu)"
    rss="$(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$PORTAL_PID/status")"
    lat="$(grep -E '^latency' "$LOGS/catalogue-load.txt" | sed 's/latency ms *//' || true)"
    rps="$(grep -Eo '\([0-9.]+ req/s\)' "$LOGS/catalogue-load.txt" | tr -d '()' || true)"
    errors="$(grep -E '^errors' "$LOGS/catalogue-load.txt" | awk '{ print $2 }' || true)"
    RESULT[catalogue]="$rps, $lat (ms), $errors errors; CPU per request: portal $(echo "($p1 - $p0) * 1000 / $REQUESTS" | bc -l | xargs printf '%.1f') ms, PostgreSQL $(echo "($g1 - $g0) * 1000 / $REQUESTS" | bc -l | xargs printf '%.1f') ms; portal peak memory $rss"
fi

if want evaluation; then
    echo "== evaluation: 500 bids × 60 experts, every bid scored by 3"
    stop_portal
    call="$(portal_cmd --seed-evaluation 500 60 3 2> "$LOGS/seed-evaluation.log" | grep -Eo '^[0-9a-f-]{36}$' | tail -1)"
    start_portal
    tool EvaluationBenchmark --url "$URL" --propose "$call" --runs 6 --ranking "$call" --requests 50 --warmup 5 \
        --server-pids "$PORTAL_PID,$(head -1 "$PG_DIR/pgdata/postmaster.pid")" | tee "$LOGS/evaluation.txt" || true
    RESULT[assignment]="$(grep -E '^propose' "$LOGS/evaluation.txt" | head -1 || true)"

    echo "== results and feedback: the decision locked, the public results page read uncached"
    tool EvaluationBenchmark --url "$URL" --award "$call" --out "$BENCH_DIR/protocols" | tee "$LOGS/award.txt" || true
    : > "$LOGS/results-times.txt"
    for i in $(seq 1 60); do
        # A query string of its own for each request: the output cache never answers, the results are read every time.
        curl -s -o /dev/null -w '%{time_total}\n' "$URL/Calls/$call?bench=$i" >> "$LOGS/results-times.txt"
    done
    RESULT[results]="$(percentiles "$LOGS/results-times.txt"), anonymous call page with the results of 500 bids, never from the cache"
fi

if want spike; then
    echo "== deadline spike: $SPIKE_USERS submissions in 10 s"
    stop_portal
    portal_cmd --seed-spike "$SPIKE_USERS" > "$LOGS/seed-spike.log" 2>&1
    start_portal
    tool DeadlineSpike --url "$URL" --users "$SPIKE_USERS" --seconds 10 \
        --db "Host=127.0.0.1;Port=$PG_PORT;Username=socialorder;Password=$(cat "$PG_DIR/password");Database=socialorder" | tee "$LOGS/spike.txt" || true
    RESULT[spike]="$(grep -E '^submit latency' "$LOGS/spike.txt" | sed 's/submit latency: //' || true); $(grep -E '^database' "$LOGS/spike.txt" | sed 's/database: //' || true)"
fi

stop_portal

if want protocol; then
    echo "== award protocol PDF (BenchmarkDotNet, short job)"
    dotnet run -c Release --project "$ROOT/benchmarks/SocialOrder.ProtocolBenchmark" -- --filter '*' --job short > "$LOGS/protocol.txt" 2>&1 || true
    RESULT[protocol]="$(grep -E '^\| *Render' "$LOGS/protocol.txt" | awk -F'|' '{ gsub(/ +/, " "); printf "%s%s:%s", sep, $2, $5; sep = "; " }' || true)"
fi

LOAD_AFTER="$(cut -d' ' -f1-3 /proc/loadavg)"
cell() { echo "${RESULT[$1]:-not run}"; }
{
    echo "# Benchmark summary"
    echo
    echo "Written by \`benchmarks/run-all.sh ${PARTS[*]}\` on $(date -u '+%Y-%m-%d %H:%M UTC')."
    echo
    echo "| machine | |"
    echo "| --- | --- |"
    echo "| CPU | $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs) |"
    echo "| memory | $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo) |"
    echo "| OS | $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r) |"
    echo "| .NET SDK | $(dotnet --version) (Release build) |"
    echo "| PostgreSQL | $(psql --version | awk '{ print $3 }') (embedded, default settings) |"
    echo "| load average | $LOAD_BEFORE before, $LOAD_AFTER after (other work on the machine shares its cores) |"
    echo
    echo "| measure | goal (issue 14) | measured |"
    echo "| --- | --- | --- |"
    echo "| catalogue \`/Calls\`, $CLIENTS clients, randomized mix | p99 at most 50 ms, 0 errors | $(cell catalogue) |"
    echo "| the catalogue's default query | an index scan of 20 rows | $(cell plan) |"
    echo "| deadline spike, $SPIKE_USERS submissions in 10 s | 0 lost, 0 duplicated, p99 at most 1 s | $(cell spike) |"
    echo "| automatic assignment, 500 bids × 60 experts | at most 0.5 s | $(cell assignment) |"
    echo "| public results and feedback, 500 bids | served from the locked decision, at most 50 ms | $(cell results) |"
    echo "| award protocol PDF, 500 bids | (no goal; docs/benchmarks/award-protocol.md) | $(cell protocol) |"
    echo "| start-up (embedded PostgreSQL already initialised) | (no goal) | $(cell startup) |"
    echo
    echo "Raw outputs: \`$LOGS\`."
} > "$OUT"
echo "== written $OUT"
