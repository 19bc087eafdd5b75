#!/usr/bin/env bash
# A throwaway Redis for episode 23's lock cells: loopback only, no persistence, daemonized.
#   scripts/redis.sh start|stop|status [port]     (or ./workbook.sh redis start|stop|status [port])
# The port defaults to 6379 (or $WORKBOOK_REDIS_PORT). The pidfile and log live in artifacts/redis/.
# Starting is idempotent: a server already answering on that port is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."

action="${1:-status}"
port="${2:-${WORKBOOK_REDIS_PORT:-6379}}"
[[ "$port" =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] \
  || { echo "redis: port must be an integer in [1, 65535]; got '$port'" >&2; exit 2; }
dir="$PWD/artifacts/redis"
pidfile="$dir/redis-$port.pid"

answers() { command -v redis-cli >/dev/null && [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ]; }

case "$action" in
  start)
    command -v redis-server >/dev/null \
      || { echo "redis: redis-server is not installed; install it with 'sudo apt-get install redis-server'" >&2; exit 2; }
    if answers; then echo "redis: already running on 127.0.0.1:$port"; exit 0; fi
    mkdir -p "$dir"
    redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no \
      --daemonize yes --pidfile "$pidfile" --logfile "$dir/redis-$port.log" --dir "$dir"
    for _ in $(seq 1 50); do answers && { echo "redis: running on 127.0.0.1:$port (pid $(cat "$pidfile"))"; exit 0; }; sleep 0.1; done
    echo "redis: started but no answer on 127.0.0.1:$port after 5 s; see $dir/redis-$port.log" >&2; exit 1
    ;;
  stop)
    if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
      pid=$(cat "$pidfile"); kill "$pid"
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      rm -f "$pidfile"; echo "redis: stopped the server on 127.0.0.1:$port"
    else
      rm -f "$pidfile"; echo "redis: no server started by this script on port $port"
    fi
    ;;
  status)
    if answers; then echo "redis: running on 127.0.0.1:$port"; else echo "redis: no server on 127.0.0.1:$port (start one with ./workbook.sh redis start)"; exit 1; fi
    ;;
  *) echo "usage: scripts/redis.sh start|stop|status [port]" >&2; exit 2 ;;
esac
