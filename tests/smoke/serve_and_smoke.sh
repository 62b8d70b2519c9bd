#!/usr/bin/env bash
# Start the production stack (gunicorn + gsn_site.settings.production) against the local PostgreSQL
# (database gsn_smoke, created afresh) and Redis (database 3), seed the demo content, run
# tests/smoke/smoke_http.py over HTTP, and stop gunicorn whatever happens.
set -euo pipefail
cd "$(dirname "$0")/../.."

PY=.venv/bin/python
PORT="${SMOKE_PORT:-18011}"
SMOKE_DB="${SMOKE_DB:-gsn_smoke}"
WORK="$(mktemp -d)"

psql -h 127.0.0.1 -U postgres -q -c "DROP DATABASE IF EXISTS $SMOKE_DB" -c "CREATE DATABASE $SMOKE_DB"

export DJANGO_SETTINGS_MODULE=gsn_site.settings.production
export DATABASE_URL="postgres://postgres@127.0.0.1:5432/$SMOKE_DB"
export REDIS_URL="${SMOKE_REDIS_URL:-redis://127.0.0.1:6379/3}"
export SECRET_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(64))')"
export CASE_REF_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(48))')"
export HASH_KEY="$($PY -c 'import secrets; print(secrets.token_urlsafe(48))')"
export ALLOWED_HOSTS="127.0.0.1,localhost"
export SECURE_SSL_REDIRECT=false  # plain HTTP on loopback; a proxy terminates TLS in production
export STATIC_ROOT="$WORK/static" MEDIA_ROOT="$WORK/media"
export GUNICORN_BIND="127.0.0.1:$PORT" WEB_CONCURRENCY="${WEB_CONCURRENCY:-2}"

$PY -c "import os, redis; redis.Redis.from_url(os.environ['REDIS_URL']).flushdb()"
$PY manage.py migrate --noinput >"$WORK/migrate.log" || { cat "$WORK/migrate.log"; exit 1; }
# A production database, asked for explicitly: the demo's logins get throwaway secrets, not README's.
$PY manage.py seed_demo --allow-production >/dev/null
$PY manage.py collectstatic --noinput >/dev/null

if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then
  echo "127.0.0.1:$PORT is taken by another program: set SMOKE_PORT"; exit 1
fi
.venv/bin/gunicorn --config python:gsn_site.gunicorn_conf >"$WORK/gunicorn.log" 2>&1 &
GUNICORN_PID=$!
stop_gunicorn() {
  kill "$GUNICORN_PID" 2>/dev/null || true
  wait "$GUNICORN_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap stop_gunicorn EXIT

for _ in $(seq 1 60); do
  curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break
  kill -0 "$GUNICORN_PID" 2>/dev/null || { cat "$WORK/gunicorn.log"; echo "gunicorn did not start"; exit 1; }
  sleep 0.5
done

status=0
$PY tests/smoke/smoke_http.py "http://127.0.0.1:$PORT" || status=$?
# Every line gunicorn and Django wrote must be one JSON object.
$PY - "$WORK/gunicorn.log" <<'PYEOF' || status=1
import json, sys
lines = [line for line in open(sys.argv[1]) if line.strip()]
bad = [line for line in lines if not line.lstrip().startswith("{") or not isinstance(json.loads(line), dict)]
print(f"  {len(lines)} log lines, {len(bad)} not JSON")
sys.exit(1 if bad or not lines else 0)
PYEOF
[ "$status" -eq 0 ] || { echo "--- gunicorn log"; tail -n 50 "$WORK/gunicorn.log"; }
exit "$status"
