#!/usr/bin/env bash
# Submits the sample articles (test/fixtures/articles/*.txt, written for this project) to ingest as
# plain text with header lines. Running it again is harmless: ingest answers duplicates with 200.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source deploy/services.env.sh

accepted=0 duplicates=0
for file in test/fixtures/articles/*.txt; do
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$INGEST_PORT/v1/articles" \
    -H "x-api-key: $API_KEY" -H 'content-type: text/plain' --data-binary "@$file")
  case $status in
    202) accepted=$((accepted + 1)) ;;
    200) duplicates=$((duplicates + 1)) ;;
    *) echo "sample $file: HTTP $status" >&2 ;;
  esac
done
echo "sample articles: $accepted accepted, $duplicates already there"
