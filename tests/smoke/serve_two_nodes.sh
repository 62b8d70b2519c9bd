#!/usr/bin/env bash
# Two production nodes behind no proxy: two gunicorn servers on different ports, sharing one
# PostgreSQL database (gsn_two_nodes, created afresh), one Redis database (4) and one S3-compatible
# object store (moto's server, on loopback). tests/smoke/two_nodes.py then shows over HTTP that the
# nodes serve one site: sessions, rate limits, the page cache, publication, withdrawal, media and the
# ASO import preview all cross from one node to the other. Everything started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."

PY=.venv/bin/python
PORT_A="${NODE_A_PORT:-18021}"
PORT_B="${NODE_B_PORT:-18022}"
S3_PORT="${S3_PORT:-18023}"
DB_NAME="${TWO_NODES_DB:-gsn_two_nodes}"
WORK="$(mktemp -d)"
PIDS=()

stop_all() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$WORK"
}
trap stop_all EXIT

for port in "$PORT_A" "$PORT_B" "$S3_PORT"; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then
    echo "127.0.0.1:$port is taken by another program: set NODE_A_PORT, NODE_B_PORT or S3_PORT"; exit 1
  fi
done

wait_for() {  # url pid log
  for _ in $(seq 1 120); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    kill -0 "$2" 2>/dev/null || { cat "$3"; echo "$1 did not start"; exit 1; }
    sleep 0.5
  done
  cat "$3"; echo "$1 did not answer in 60 s"; exit 1
}

# The object store: moto's S3 server, in memory, on loopback only.
.venv/bin/moto_server -H 127.0.0.1 -p "$S3_PORT" >"$WORK/s3.log" 2>&1 &
PIDS+=($!)
wait_for "http://127.0.0.1:$S3_PORT/moto-api/" "${PIDS[-1]}" "$WORK/s3.log"

psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $DB_NAME" -c "CREATE DATABASE $DB_NAME"

export DJANGO_SETTINGS_MODULE=gsn_site.settings.production
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$DB_NAME"
export REDIS_URL="${TWO_NODES_REDIS_URL:-redis://127.0.0.1:6379/4}"
export SECRET_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(64))')"
export CASE_REF_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(48))')"
export HASH_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(48))')"
export ALLOWED_HOSTS="127.0.0.1,localhost"
export SECURE_SSL_REDIRECT=false  # plain HTTP on loopback; a proxy terminates TLS in production
export STATIC_ROOT="$WORK/static"
export AWS_STORAGE_BUCKET_NAME=gsn-media AWS_S3_ENDPOINT_URL="http://127.0.0.1:$S3_PORT"
export AWS_ACCESS_KEY_ID=local-test AWS_SECRET_ACCESS_KEY=local-test AWS_S3_REGION_NAME=us-east-1
export WEB_CONCURRENCY=2

$PY -c "import boto3, os; boto3.client('s3', endpoint_url=os.environ['AWS_S3_ENDPOINT_URL']).create_bucket(Bucket=os.environ['AWS_STORAGE_BUCKET_NAME'])"
$PY -c "import os, redis; redis.Redis.from_url(os.environ['REDIS_URL']).flushdb()"
$PY manage.py migrate --noinput >"$WORK/migrate.log" || { cat "$WORK/migrate.log"; exit 1; }
# A production database, asked for explicitly: the demo's logins get throwaway secrets, not README's.
export DEMO_SECRETS_FILE="$WORK/demo-secrets.json"
$PY manage.py seed_demo --allow-production --secrets-file "$DEMO_SECRETS_FILE" >"$WORK/seed.log" || { cat "$WORK/seed.log"; exit 1; }
$PY manage.py collectstatic --noinput >/dev/null

for node in a b; do
  port="$PORT_A"; [ "$node" = b ] && port="$PORT_B"
  GUNICORN_BIND="127.0.0.1:$port" .venv/bin/gunicorn --config python:gsn_site.gunicorn_conf >"$WORK/node-$node.log" 2>&1 &
  PIDS+=($!)
  wait_for "http://127.0.0.1:$port/healthz" "${PIDS[-1]}" "$WORK/node-$node.log"
done
# The task worker: ASO imports and other background jobs queued by either node run here.
$PY manage.py db_worker >"$WORK/worker.log" 2>&1 &
PIDS+=($!)

status=0
$PY tests/smoke/two_nodes.py "http://127.0.0.1:$PORT_A" "http://127.0.0.1:$PORT_B" || status=$?
if [ "$status" -ne 0 ]; then
  for log in node-a node-b worker s3; do echo "--- $log log"; tail -n 40 "$WORK/$log.log"; done
fi
exit "$status"
