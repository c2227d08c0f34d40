#!/usr/bin/env bash
# Starts several instances of the production server on one machine, one per
# port, all on the same PostgreSQL (README, "Several instances"). A reverse
# proxy in front spreads requests over them (deploy/nginx/). Build first:
#   npm ci && npm run db:migrate && npm run build
# then, with DATABASE_URL, NEXTAUTH_SECRET and NEXTAUTH_URL in the environment:
#   deploy/start-instances.sh 3001 3002
# Each instance listens on 127.0.0.1 only (the proxy is the way in). Ctrl-C or
# SIGTERM stops them all; if one exits, the others are stopped too, so a
# supervisor (systemd, a container runtime) sees the failure and restarts.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${DATABASE_URL:?set DATABASE_URL: several instances need a shared PostgreSQL (the embedded PGlite is one process)}"
: "${NEXTAUTH_SECRET:?set NEXTAUTH_SECRET (the same on every instance)}"
: "${NEXTAUTH_URL:?set NEXTAUTH_URL to the public address the proxy answers on}"
export NODE_ENV=production
export TRUSTED_PROXY_HOPS="${TRUSTED_PROXY_HOPS:-1}" # one proxy in front: the client address is its X-Forwarded-For value
[ -f .next/BUILD_ID ] || { echo "No production build: run npm run build first." >&2; exit 1; }

ports=("$@")
[ ${#ports[@]} -gt 0 ] || ports=(3001 3002)
host="${INSTANCE_HOST:-127.0.0.1}"

pids=()
stop() {
  trap - INT TERM EXIT
  kill "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap 'stop; exit 0' INT TERM
trap stop EXIT

for port in "${ports[@]}"; do
  PORT="$port" node_modules/.bin/next start -p "$port" -H "$host" &
  pids+=($!)
  echo "instance on $host:$port (pid $!)"
done

# Stop everything as soon as one instance ends.
set +e
wait -n "${pids[@]}"
code=$?
echo "an instance exited (code $code); stopping the others" >&2
exit "$code"
