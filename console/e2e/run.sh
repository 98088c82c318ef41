#!/usr/bin/env bash
# Browser tests of the console in real Chromium (Debian's /usr/bin/chromium, driven by playwright-core;
# no browser is downloaded). Against a running product when OPS_CONSOLE_URL is set (with its admin key in
# OPS_CONSOLE_KEY_FILE), as .ci/run does with its `./ops up`; otherwise this script starts the product
# itself from the build in this checkout (launcher/target, see console/README.md) on a free port with a
# temporary data directory, and never builds or installs anything (console/target/classes comes first on
# its classpath: after a change to the console, `npm run build` in console/ is enough).
#   console/e2e/run.sh                 run the tests
#   console/e2e/run.sh --screenshots   also write docs/console/*.png (the README's pictures)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
[[ "${1:-}" == "--screenshots" ]] && export OPS_CONSOLE_SHOTS="$ROOT/docs/console"
export OPS_CHROMIUM="${OPS_CHROMIUM:-/usr/bin/chromium}"
[[ -x "$OPS_CHROMIUM" ]] || { echo "e2e: no Chromium at $OPS_CHROMIUM (apt-get install -y chromium)"; exit 2; }
[[ -x console/node_modules/.bin/tsc ]] || (cd console && node scripts/npm-ci-if-needed.mjs)

if [[ -z "${OPS_CONSOLE_URL:-}" ]]; then
  CP_FILE=launcher/target/launcher-classpath.txt
  [[ -f "$CP_FILE" && -f console/target/classes/console/index.html ]] || {
    echo "e2e: build first: mvn -q -B package -pl launcher -am -DskipTests (or ./ops build)"; exit 2; }
  PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  DATA=$(mktemp -d)
  OPS_HTTP_PORT=$PORT OPS_DATA_DIR="$DATA/data" OPS_DEMO_DAYS=1 OPS_LLM_MODEL="" \
    java -Xms256m -Xmx1g -XX:+UseSerialGC -cp "console/target/classes:launcher/target/classes:$(cat "$CP_FILE")" \
    dev.opsuite.launcher.AllInOneMain >"$DATA/up.log" 2>&1 &
  UP=$!
  trap 'kill $UP 2>/dev/null || true; wait $UP 2>/dev/null || true; rm -rf "$DATA"' EXIT
  for _ in $(seq 1 150); do
    curl -sf "http://127.0.0.1:$PORT/ops/health" >/dev/null && break
    kill -0 $UP 2>/dev/null || { tail -30 "$DATA/up.log"; echo "e2e: the product died"; exit 1; }
    sleep 2
  done
  export OPS_CONSOLE_URL="http://127.0.0.1:$PORT" OPS_CONSOLE_KEY_FILE="$DATA/data/admin.key"
fi
curl -sf "$OPS_CONSOLE_URL/ops/health" >/dev/null || { echo "e2e: nothing ready at $OPS_CONSOLE_URL"; exit 1; }
cd console && node --test --test-concurrency=1 e2e/
