#!/bin/sh
# Entry point of the Get Involved image: `getinvolved` commands by name, `healthcheck` for
# Docker's health check, anything else is run as given.
set -e
case "${1:-serve}" in
  healthcheck)
    if [ -n "${HEALTHCHECK_URL:-}" ]; then url="$HEALTHCHECK_URL";
    else url="http://127.0.0.1:${PORT:-8080}/healthz"; fi
    exec python -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=4)" "$url"
    ;;
  serve|telegram|actions|chat|replay|purge|staff|feedback|content|nlu|bench|export-rasa|db)
    exec getinvolved "$@"
    ;;
  *)
    exec "$@"
    ;;
esac
