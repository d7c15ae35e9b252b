#!/usr/bin/env bash
# Start a throw-away Redis on 127.0.0.1 for the tests (installed from Debian's `redis-server` package) and
# print its URL on stdout: the tests read it from KENESH_TEST_BROKER_URL.
#   export KENESH_TEST_BROKER_URL="$(bash .ci/redis.sh)"
# Idempotent: a Redis already answering on the port is reused. Nothing is persisted (no RDB, no AOF).
# Stop it with `bash .ci/redis.sh stop`.
set -euo pipefail

PORT="${KENESH_REDIS_PORT:-6379}"
if ! command -v redis-server >/dev/null 2>&1; then
  echo "redis.sh: Redis is not installed (apt-get install -y redis-server)" >&2
  exit 1
fi

if [[ "${1:-}" == stop ]]; then
  redis-cli -h 127.0.0.1 -p "$PORT" shutdown nosave >&2 || true
  exit 0
fi

if [[ "$(redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null)" != PONG ]]; then
  redis-server --port "$PORT" --bind 127.0.0.1 --daemonize yes --save "" --appendonly no \
    --logfile /tmp/kenesh-redis.log >/dev/null
  for _ in $(seq 50); do  # it forks and returns before it listens
    [[ "$(redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null)" == PONG ]] && break
    sleep 0.1
  done
  if [[ "$(redis-cli -h 127.0.0.1 -p "$PORT" ping 2>/dev/null)" != PONG ]]; then
    echo "redis.sh: Redis did not start on 127.0.0.1:$PORT (see /tmp/kenesh-redis.log)" >&2
    exit 1
  fi
fi
echo "Redis $(redis-server --version | awk '{print $3}' | cut -d= -f2) on 127.0.0.1:$PORT" >&2
echo "redis://127.0.0.1:$PORT/0"
