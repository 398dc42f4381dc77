#!/usr/bin/env bash
# Fuzzes the draft readers with AFL++ and SharpFuzz for a bounded time per target (tests/PublishPipeline.Fuzz): the
# same read-and-check the ingest runs, fed under a file name that picks each reader. Seeds are built at run time from
# ../shared/corpus and our own Word files (nothing of the corpus is copied into the repository).
# Exits non-zero when AFL++ saved a crash, or a hang that still hangs when replayed, printing the inputs' paths and what
# the uninstrumented harness says about each. Every crash found belongs in a regression test (tests/PublishPipeline.
# Core.Tests/Fuzzing).
#
#   FUZZ_SECONDS  fuzzing time per target (default 40)
#   FUZZ_TARGETS  which readers (default "text html json docx pdf")
#   FUZZ_OUT      where AFL++ writes its queues, crashes and hangs (default .artifacts/fuzz, emptied first)
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-40}
read -r -a targets <<<"${FUZZ_TARGETS:-text html json docx pdf}"
out=${FUZZ_OUT:-.artifacts/fuzz}
corpus=../shared/corpus
[ -d "$corpus" ] || { echo "fuzz: $corpus is missing beside the clone: no seeds." >&2; exit 1; }

# AFL++ from Debian, only when fuzzing (the tests do not need it).
if ! command -v afl-fuzz >/dev/null; then
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
    echo "fuzz: AFL++ is missing. Install it as root (apt-get install afl++)." >&2
    exit 1
  fi
  as_root=(); [ "$(id -u)" -eq 0 ] || as_root=(sudo)
  echo "fuzz: installing AFL++ (afl++)…"
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq afl++ >/dev/null || exit 1
fi

# The sharpfuzz instrumenter is pinned in the tool manifest (.config/dotnet-tools.json) to the SharpFuzz package's version.
dotnet tool restore >/dev/null || exit 1
if ! log=$(dotnet build tests/PublishPipeline.Fuzz -c Release -nologo -v q 2>&1); then
  echo "$log" | grep -E " error " >&2
  echo "fuzz: the harness does not build." >&2
  exit 1
fi
build=tests/PublishPipeline.Fuzz/bin/Release/net10.0

# Only our own reading code is instrumented: AFL++ steers by its branches, and the libraries (OpenXml, AngleSharp,
# PdfPig) would fill the coverage map with theirs. The uninstrumented build stays as it is, for replaying.
rm -rf "$out" && mkdir -p "$out" || exit 1
out=$(cd "$out" && pwd)
cp -r "$build" "$out/bin"
dotnet sharpfuzz "$out/bin/PublishPipeline.Core.dll" || exit 1
dotnet "$build/PublishPipeline.Fuzz.dll" seeds "$corpus" "$out/seeds" >/dev/null || exit 1

export AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_SKIP_BIN_CHECK=1
# Two cores shared with the rest of CI: one instance, not pinned to a core; calibrate quickly.
export AFL_NO_AFFINITY=1 AFL_FAST_CAL=1
failed=0
for target in "${targets[@]}"; do
  # -t: a .NET exec is far under a second; 5 s is a hang, not a slow input. -m none: the runtime reserves much virtual memory.
  timeout $((seconds + 180)) afl-fuzz -V "$seconds" -t 5000 -m none -i "$out/seeds/$target" -o "$out/$target" \
    -- dotnet "$out/bin/PublishPipeline.Fuzz.dll" "$target" >"$out/$target.log" 2>&1
  status=$?
  stats="$out/$target/default/fuzzer_stats"
  if [ ! -f "$stats" ]; then
    echo "fuzz $target: afl-fuzz did not start (exit $status); its log:" >&2
    tail -20 "$out/$target.log" >&2
    failed=1
    continue
  fi
  stat() { sed -n "s/^$1 *: *//p" "$stats"; }
  echo "fuzz $target: $(stat run_time) s, $(stat execs_done) execs ($(stat execs_per_sec)/s), $(stat corpus_count) paths, $(stat edges_found) edges, $(stat saved_crashes) crashes, $(stat saved_hangs) hangs"

  for crash in "$out/$target"/default/crashes/id:*; do
    [ -f "$crash" ] || continue
    failed=1
    echo "fuzz $target: CRASH $crash"
    dotnet "$build/PublishPipeline.Fuzz.dll" replay "$target" "$crash" | head -8
  done
  # A hang under AFL++ may be the machine's load: it fails the run only when it still takes over 10 s on its own.
  for hang in "$out/$target"/default/hangs/id:*; do
    [ -f "$hang" ] || continue
    if timeout 10 dotnet "$build/PublishPipeline.Fuzz.dll" replay "$target" "$hang" >/dev/null; then
      echo "fuzz $target: hang under AFL++ that finishes when replayed: $hang"
    else
      failed=1
      echo "fuzz $target: HANG (still over 10 s when replayed, or crashes) $hang"
    fi
  done
done

if [ "$failed" -ne 0 ]; then
  echo "fuzz: FAILED: every input above belongs in a regression test (tests/PublishPipeline.Core.Tests/Fuzzing)." >&2
  exit 1
fi
echo "fuzz: no crash, no hang in ${#targets[@]} targets × $seconds s"
