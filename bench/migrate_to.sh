#!/usr/bin/env bash
# Moving up (issue 7): `newsdesk migrate-to` copies the 100,000-article database that
# bench/web.sh builds into a fresh PostgreSQL database, checks it (counts and checksums of
# every table), then runs again (what an interrupted copy does: everything is upserted and
# checked once more). Anchor, same run: `newsdesk backup` of the same SQLite file (SQLite
# copying its own pages on the same disk).
# Usage: bench/migrate_to.sh postgres://USER:PASSWORD@HOST:PORT/postgres
set -euo pipefail
cd "$(dirname "$0")/.."
server=${1:?give the PostgreSQL server, as postgres://USER:PASSWORD@HOST:PORT/postgres}
db=bench/out/web/web-100000.db
[ -f "$db" ] || { echo "run bench/web.sh first: it builds $db"; exit 1; }
out=bench/out/migrate_to
rm -rf "$out" && mkdir -p "$out"
cargo build --release --locked -q -p newsdesk-cli
bin=$PWD/target/release/newsdesk
target="${server%/*}/newsdesk_bench_migrate"
psql "$server" -qc "DROP DATABASE IF EXISTS newsdesk_bench_migrate" -c "CREATE DATABASE newsdesk_bench_migrate"
echo "source: $db ($(du -m "$db" | cut -f1) MiB)"
/usr/bin/time -f "%e s, %M KiB max RSS" "$bin" --database "$db" backup "$out/backup.db" 2>&1 | tail -2
/usr/bin/time -f "migrate-to: %e s wall, %U s user, %M KiB max RSS" "$bin" --database "$db" migrate-to "$target" 2>&1 | tail -4
/usr/bin/time -f "again (resumed, nothing new): %e s wall, %M KiB max RSS" "$bin" --database "$db" migrate-to "$target" 2>&1 | tail -2
psql "$target" -Atc "SELECT 'postgres database size: ' || pg_size_pretty(pg_database_size(current_database()))"
NEWSDESK_DATABASE_URL="$target" "$bin" export --format jsonl --out "$out/export" >/dev/null
echo "export from PostgreSQL: $(cat "$out"/export/*.jsonl | wc -l) articles"
