#!/usr/bin/env bash
# Builds the RedisTimeSeries module (v1.8.23: the last line whose floor is Redis 6.0, which the
# embedded redis-server 6.2 is) from source, for RedisTimeSeriesTest (executor-service), into
# .ci/.tools/redistimeseries/redistimeseries.so. No binary is downloaded: every source is a git
# commit named by its hash below, read from local bare repositories (REDISTIMESERIES_GIT: a
# directory holding <owner>+<name>/repo, as the project's mirror does). Missing ones are named with
# the command that fetches them. Needs gcc, g++, make, cmake, libssl-dev and libevent-dev (Debian).
#
# Not the module's own build (its 'readies' make framework is not to be had here): the same
# sources, compiled with the flags its Makefiles give, plus two differences, both said here —
# - RedisModulesSDK: the pinned fd425d29 is not in the mirror; rmutil comes from 6d9255fe, and
#   redismodule.h (with its Redis Enterprise extensions) from LibMR's pinned copy, which is newer;
# - v1.8.23's query_language.c and tsdb.c use the RTS_ReplyGeneralError macro without including
#   common.h, which defines it: it is included on the command line (-include src/common.h).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GIT="${REDISTIMESERIES_GIT:-/work/.mirror}"
OUT="$ROOT/.ci/.tools/redistimeseries"
WORK="$OUT/build"

# owner+name  commit  where in the source tree
SOURCES="
RedisTimeSeries+RedisTimeSeries e2d7879ed6b748daebdbd8a5a1c37e21b20309ac .
RedisGears+LibMR                eda568da71694a4dc3736f3104bd9d4fb897d56b deps/LibMR
redis+hiredis                   d5b4c69b7113213c1da3a0ccbfd1ee1b40443c7a deps/LibMR/deps/hiredis
RedisLabs+RedisModulesSDK       6d9255fe45b99b0673ef3f3f553568d2bc7dfaff deps/RedisModulesSDK
google+cpu_features             f1801f0ca1550c1e86425e0b44022a17d0916523 deps/cpu_features
lemire+fast_double_parser       47d76a06f57b19cb2e816611297071ba663b7223 deps/fast_double_parser
"

missing=()
for tool in gcc g++ make cmake; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[[ -e /usr/include/openssl/ssl.h ]] || missing+=(libssl-dev)
[[ -e /usr/include/event2/event.h ]] || missing+=(libevent-dev)
if (( ${#missing[@]} )); then
  echo "redistimeseries: missing ${missing[*]} (apt-get install -y gcc g++ make cmake libssl-dev libevent-dev)" >&2
  exit 2
fi

rm -rf "$WORK" && mkdir -p "$WORK/src" "$WORK/o" "$WORK/inc/RedisModulesSDK"
trap 'rm -rf "$WORK" "$OUT/redistimeseries.so.tmp"' EXIT
S="$WORK/src"
while read -r repo commit dir; do
  [[ -z "$repo" ]] && continue
  gd="$GIT/$repo/repo"
  if ! git --git-dir="$gd" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "redistimeseries: commit $commit of $repo is not in $gd" >&2
    echo "  fetch it: git clone --bare https://github.com/${repo/+//}.git $gd" >&2
    exit 2
  fi
  mkdir -p "$S/$dir"
  if [[ "$dir" == "." ]]; then # the module itself: only what is compiled (a mirror may lack its test data: git says so, goes on)
    git --git-dir="$gd" archive "$commit" src deps/dragonbox | tar -x -C "$S"
  else
    git --git-dir="$gd" archive "$commit" | tar -x -C "$S/$dir"
  fi
done <<< "$SOURCES"

cd "$S"
O="$WORK/o"
DEFS='-DREDIS_MODULE_TARGET -DREDISMODULE_EXPERIMENTAL_API -DREDISTIMESERIES_GIT_SHA="e2d7879"'
CF="-O2 -fPIC -w"
cp deps/LibMR/src/redismodule.h deps/LibMR/src/redismodule-rlec.h "$WORK/inc/RedisModulesSDK/"
cp deps/LibMR/src/redismodule.h deps/LibMR/src/redismodule-rlec.h "$WORK/inc/"

make -s -C deps/LibMR/deps/hiredis USE_SSL=1 static >/dev/null
for f in util strings vector alloc periodic; do
  gcc $CF $DEFS -Ideps/RedisModulesSDK -c "deps/RedisModulesSDK/rmutil/$f.c" -o "$O/rmutil_$f.o"
done
g++ $CF -std=c++17 -c deps/dragonbox/dragonbox.cpp -o "$O/dragonbox.o"
g++ $CF -std=c++17 -Isrc/fast_double_parser_c -Ideps/fast_double_parser/include \
  -c src/fast_double_parser_c/fast_double_parser_c.cpp -o "$O/fast_double_parser_c.o"
cmake -S deps/cpu_features -B "$WORK/cpu_features" -DCMAKE_POSITION_INDEPENDENT_CODE=ON -DBUILD_TESTING=OFF \
  -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$WORK/cpu_features" --target cpu_features >/dev/null
for f in cluster crc16 event_loop mr record utils/adlist utils/buffer utils/dict utils/siphash utils/thpool; do
  gcc $CF $DEFS -std=gnu99 -DREDISMODULE_MAIN -DREDISMODULE_SDK_RLEC -DMODULE_NAME=timeseries -Ideps/LibMR/src \
    -Ideps/LibMR/deps/hiredis -Ideps/LibMR/deps/hiredis/adapters -c "deps/LibMR/src/$f.c" -o "$O/mr_$(basename "$f").o"
done
TS_FLAGS="-std=gnu11 -include src/common.h -DREDISMODULE_SDK_RLEC -I$WORK/inc -I$WORK/inc/RedisModulesSDK -Isrc -Ideps \
  -Ideps/RedisModulesSDK -Ideps/cpu_features/include"
for f in chunk compaction compressed_chunk config consts endianconv filter_iterator generic_chunk gorilla indexer \
    libmr_integration libmr_commands module parse_policies query_language reply rdb short_read resultset tsdb \
    series_iterator utils/arch_features sample_iterator enriched_chunk utils/heap multiseries_sample_iterator \
    multiseries_agg_dup_sample_iterator utils/blocked_client; do
  gcc $CF $DEFS $TS_FLAGS -c "src/$f.c" -o "$O/ts_$(basename "$f").o"
done
gcc $CF $DEFS $TS_FLAGS -mavx2 -c src/compactions/compaction_avx2.c -o "$O/ts_avx2.o"
gcc $CF $DEFS $TS_FLAGS -mavx512f -c src/compactions/compaction_avx512f.c -o "$O/ts_avx512f.o"
# Debian's libevent.a is not position-independent: the module links libevent-2.1.so.7 (package libevent-2.1-7)
g++ -shared -o "$OUT/redistimeseries.so.tmp" "$O"/*.o "$WORK/cpu_features/libcpu_features.a" \
  deps/LibMR/deps/hiredis/libhiredis.a deps/LibMR/deps/hiredis/libhiredis_ssl.a \
  -levent -levent_pthreads -lssl -lcrypto -lpthread -lm -Wl,--no-undefined
mv "$OUT/redistimeseries.so.tmp" "$OUT/redistimeseries.so"
echo "redistimeseries: $OUT/redistimeseries.so (RedisTimeSeries v1.8.23, $(stat -c %s "$OUT/redistimeseries.so") bytes)"
