#!/usr/bin/env bash
# The gRPC API with `buf curl` over server reflection — no proto files, no generated code: list the
# services, ask a Korean question, stream it, read its trace, and replay its execute stage on
# executor-service over mutual TLS. Each step prints the command it runs. The README beside this file
# shows the same commands to paste.
#
#   examples/clients/buf-curl/walkthrough.sh            run the steps against ./ops up
#   examples/clients/buf-curl/walkthrough.sh --check    the same; exit 1 on any unexpected answer (CI runs this)
#
# BUF (default: buf on PATH), OPS_HTTP_PORT (8080), OPS_DATA_DIR (the checkout's data/: admin.key and tls/).
# Asking and reading one's own trace need no key; GetStageCall needs an operator's: OPS_API_KEY, else
# the data dir's admin.key (as ./ops curl does).
set -euo pipefail
CHECK=false
[[ "${1:-}" == "--check" ]] && CHECK=true
BUF="${BUF:-buf}"
GW="http://127.0.0.1:${OPS_HTTP_PORT:-8080}"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
DATA="${OPS_DATA_DIR:-$ROOT/data}"
KEY="${OPS_API_KEY:-$(cat "$DATA/admin.key" 2>/dev/null || true)}"
Q='서버A의 CPU 사용량은?'

# prints a command as one would type it (arguments with spaces or quotes in single quotes; the key as $KEY)
step() {
  local line="$" a
  for a in "$@"; do
    if [[ "$a" =~ [[:space:]\"\{] ]]; then line+=" '$a'"; else line+=" $a"; fi
  done
  echo; echo "$line" | sed "s/Bearer [A-Za-z0-9_.-]*/Bearer \$KEY/"
}
fail() { echo "unexpected: $1" >&2; exit 1; }
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print(eval(sys.argv[1], {'d': d, 'json': json}))" "$1"; }

step "$BUF" curl --protocol grpc --http2-prior-knowledge --list-services "$GW"
SERVICES=$("$BUF" curl --protocol grpc --http2-prior-knowledge --list-services "$GW")
echo "$SERVICES"
$CHECK && { grep -qx ops.v1.OpsService <<<"$SERVICES" || fail "no ops.v1.OpsService in the list"; }

step "$BUF" curl --protocol grpc --http2-prior-knowledge -d "{\"question\":\"$Q\"}" "$GW/ops.v1.OpsService/Ask"
ASK=$("$BUF" curl --protocol grpc --http2-prior-knowledge -d "{\"question\":\"$Q\"}" "$GW/ops.v1.OpsService/Ask")
ANSWER=$(json 'd["answer"]' <<<"$ASK")
TRACE=$(json 'd["meta"]["traceId"] if "traceId" in d["meta"] else d["meta"]["trace_id"]' <<<"$ASK")
echo "answer: $ANSWER"; echo "trace:  $TRACE"
$CHECK && { [[ "$ANSWER" == *"(SVR001)의 현재 CPU 사용량은"* ]] || fail "answer: $ANSWER"; }

step "$BUF" curl --protocol grpc --http2-prior-knowledge -d "{\"question\":\"$Q\"}" "$GW/ops.v1.OpsService/AskStream"
STREAM=$("$BUF" curl --protocol grpc --http2-prior-knowledge -d "{\"question\":\"$Q\"}" "$GW/ops.v1.OpsService/AskStream")
# one JSON object per event: a stage as it finishes, then the answer
python3 -c '
import json, sys
dec, text, i = json.JSONDecoder(), sys.stdin.read(), 0
while True:
    while i < len(text) and text[i].isspace(): i += 1
    if i >= len(text): break
    ev, i = dec.raw_decode(text, i)
    if "stage" in ev:
        s = ev["stage"]; print("stage  %-11s %-7s %s" % (s["stage"], s.get("status", ""), s.get("summary", "")))
    else:
        print("answer " + ev["answer"]["answer"])
' <<<"$STREAM"
$CHECK && { grep -q '"stage": "present"' <<<"$STREAM" && grep -q '"answer": ".*(SVR001)의 현재 CPU 사용량은' <<<"$STREAM" \
  || fail "AskStream: no present stage or no answer"; }

step "$BUF" curl --protocol grpc --http2-prior-knowledge -d "{\"trace_id\":\"$TRACE\"}" "$GW/ops.v1.OpsService/GetTrace"
GOT=$("$BUF" curl --protocol grpc --http2-prior-knowledge -d "{\"trace_id\":\"$TRACE\"}" "$GW/ops.v1.OpsService/GetTrace")
STAGES=$(json '" ".join(s["stage"] for s in d["trace"].get("stageOutputs", d["trace"].get("stage_outputs", [])))' <<<"$GOT")
echo "stages: $STAGES"
$CHECK && { [[ "$STAGES" == "route_plan validate execute compose present" ]] || fail "trace stages: $STAGES"; }

[[ -n "$KEY" ]] || { echo "no key (OPS_API_KEY or $DATA/admin.key): the stage replay needs an operator's" >&2; $CHECK && exit 1; exit 0; }
step "$BUF" curl --protocol grpc --http2-prior-knowledge -H "authorization: Bearer $KEY" \
  -d "{\"trace_id\":\"$TRACE\",\"stage\":\"execute\"}" "$GW/ops.v1.OpsService/GetStageCall"
CALL=$("$BUF" curl --protocol grpc --http2-prior-knowledge -H "authorization: Bearer $KEY" \
  -d "{\"trace_id\":\"$TRACE\",\"stage\":\"execute\"}" "$GW/ops.v1.OpsService/GetStageCall")
METHOD=$(json 'd["method"]' <<<"$CALL"); TARGET=$(json 'd["target"]' <<<"$CALL")
REQUEST=$(json 'json.dumps(d["request"], ensure_ascii=False)' <<<"$CALL")
echo "method: $METHOD"; echo "target: $TARGET"

TLS="$DATA/tls"
# the request on stdin (-d @-): with its assets' contents it is larger than one command-line argument may be
step "$BUF" curl --protocol grpc --cacert "$TLS/ca.pem" --cert "$TLS/operator.pem" --key "$TLS/operator.key" \
  -d @- "https://$TARGET/$METHOD" '<<< "$REQUEST"'
STAGE=$("$BUF" curl --protocol grpc --cacert "$TLS/ca.pem" --cert "$TLS/operator.pem" --key "$TLS/operator.key" \
  -d @- "https://$TARGET/$METHOD" <<<"$REQUEST")
python3 -c 'import json,sys; d=json.load(sys.stdin); print("replayed: %d tool results, %d references" % (len(d.get("toolResults", [])), len(d.get("references", []))))' <<<"$STAGE"
$CHECK && { grep -q '"SVR001"' <<<"$STAGE" || fail "the stage replay did not read SVR001"; }
# the stage services accept nothing but a certificate of the product's CA
if "$BUF" curl --protocol grpc --cacert "$TLS/ca.pem" -d @- "https://$TARGET/$METHOD" <<<"$REQUEST" >/dev/null 2>&1; then
  fail "a stage service answered a caller without a certificate"
fi
echo "without the operator certificate: refused (as it should be)"
$CHECK && echo "buf curl walkthrough: ok"
exit 0
