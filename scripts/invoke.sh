#!/usr/bin/env bash
# make invoke EVENT=events/<FunctionLogicalId>/<case>.json: runs that
# function's handler once, locally, on the event (shared/lambdarun), on
# the embedded store unless AGENTIQ_STORE says otherwise. Without
# WB_API_BASE_URL a WB sandbox is started for the run (token WB_API_TOKEN
# or dev-token) and stopped after it.
set -euo pipefail
event=${1:-}
if [ -z "$event" ] || [ ! -f "$event" ]; then
	echo "usage: make invoke EVENT=events/<FunctionLogicalId>/<case>.json" >&2
	exit 2
fi
fn=$(basename "$(dirname "$event")")
name=${fn%Function}
dir=functions/$(echo "$name" | tr '[:upper:]' '[:lower:]')
if [ ! -d "$dir" ]; then
	echo "no folder $dir for the function $fn" >&2
	exit 2
fi
if [ -z "${WB_API_BASE_URL:-}" ]; then
	log=$(mktemp)
	export WB_API_TOKEN=${WB_API_TOKEN:-dev-token} WB_API_RATE=${WB_API_RATE:-50/1s}
	bin/agentiq wb-sandbox --addr 127.0.0.1:0 --token "$WB_API_TOKEN" --rate "$WB_API_RATE" 2>"$log" &
	pid=$!
	trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -f "$log"' EXIT
	url=""
	for _ in $(seq 200); do
		url=$(grep -o '"url":"[^"]*"' "$log" | head -n 1 | cut -d'"' -f4 || true)
		[ -n "$url" ] && break
		if ! kill -0 "$pid" 2>/dev/null; then
			cat "$log" >&2
			exit 1
		fi
		sleep 0.05
	done
	if [ -z "$url" ]; then
		echo "the WB sandbox did not start" >&2
		exit 1
	fi
	export WB_API_BASE_URL=$url
	echo "make invoke: WB sandbox at $url for this run" >&2
fi
AGENTIQ_EVENT=$event go run "./$dir"
