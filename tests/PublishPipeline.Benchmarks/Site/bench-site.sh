#!/usr/bin/env bash
# `pubpipe site build` against Hugo on the same data, in the same run, under bench.sh's protocol
# (../shared/bench/hugo/README.md): see docs/benchmarks.md.
#
#   bench-site.sh N         generate N reports with gen.py (unless already there) and their agency directory,
#                           then build each site 3 times, interleaved (hugo 1, pubpipe 1, hugo 2, …); run 1 of each
#                           is a warm-up that creates every file, runs 2 and 3 rebuild into the folder run 1 left.
#
# Environment: RUNS (default 3, at least 2), SEED (default 20250131), SITE_BENCH_DIR (default .work beside this
# script: data, the Hugo site, both outputs and the logs; ~10 GB at 100,000 reports), HUGO=0 to skip Hugo,
# SEARCH=1 to add one more pubpipe build with the Pagefind index (timed on its own), JOBS (pubpipe --jobs).
#
# Wall time is taken around each process; peak RSS (largest over all runs), user and sys CPU come from
# /usr/bin/time -v. Figures are the median of the measured runs (all but the warm-up).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
shared=$(cd "$repo/../shared" && pwd)
n=${1:?usage: bench-site.sh N}
runs=${RUNS:-3}
seed=${SEED:-20250131}
work=${SITE_BENCH_DIR:-$here/.work}
[[ $n =~ ^[1-9][0-9]*$ ]] || { echo "bench-site.sh: N must be a positive integer" >&2; exit 2; }
(( runs >= 2 )) || { echo "bench-site.sh: RUNS must be at least 2" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "bench-site.sh: /usr/bin/time not found (apt-get install -y time)" >&2; exit 2; }
if [[ ${HUGO:-1} != 0 ]]; then
  command -v hugo >/dev/null || { echo "bench-site.sh: hugo not found (apt-get install -y hugo)" >&2; exit 2; }
fi

# Hugo's site is read-only in shared/: a copy whose spec mount (../../../spec) resolves inside the work folder.
hugo_site=$work/bench/hugo/site
mkdir -p "$work/spec" "$hugo_site" "$work/results"
cp "$shared/spec/templates.json" "$work/spec/"
for part in hugo.toml layouts static data; do
  rm -rf "${hugo_site:?}/$part"
  cp -r "$shared/bench/hugo/site/$part" "$hugo_site/"
done
chmod -R u+w "$hugo_site"

data=$work/data/$n
python3 "$shared/bench/hugo/gen.py" "$n" "$data" --site "$hugo_site" --source data --seed "$seed" --if-needed
agencies=$work/agencies-$n.csv
[[ -s $agencies ]] || python3 "$here/agencies.py" "$n" "$agencies" --seed "$seed" --gen "$shared/bench/hugo/gen.py"

dotnet build "$repo/tools/PublishPipeline.Cli" -c Release -nologo -v q 2>&1 | grep -E " error |rror CS" && exit 1
# A copy, so that a rebuild of the repository during a long run does not change the binary under it.
rm -rf "$work/pubpipe-bin"
cp -r "$repo/tools/PublishPipeline.Cli/bin/Release/net10.0" "$work/pubpipe-bin"
pubpipe=$work/pubpipe-bin/pubpipe

log=$work/results/$n
mkdir -p "$log"
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr), load $(cut -d' ' -f1-3 /proc/loadavg)"
[[ ${HUGO:-1} != 0 ]] && echo "hugo: $(hugo version)"
echo "dotnet: $(dotnet --version); reports: $n (seed $seed), JSON $(du -sh "$data" | cut -f1), agencies $(($(wc -l <"$agencies") - 1))"

hugo_out=$work/out/hugo-$n
ours_out=$work/out/pubpipe-$n
tools=(pubpipe)
[[ ${HUGO:-1} != 0 ]] && tools=(hugo pubpipe)
rm -rf "$hugo_out" "$ours_out"
sync

declare -A wall user sys rss
run_one() { # tool run
  local tool=$1 i=$2 start end
  sync
  touch "$log/$tool-start-$i"
  start=$(date +%s%N)
  case $tool in
    hugo)
      # Hugo's 30 s per-template timeout trips on this shared machine at 100,000 reports (its report-data partial
      # waits its turn behind the other pages): a longer limit changes nothing Hugo does.
      HUGO_TIMEOUT=1200s /usr/bin/time -v -o "$log/$tool-time-$i.txt" \
        hugo --quiet --source "$hugo_site" --destination "$hugo_out" --cacheDir "$work/.cache/hugo" \
        >"$log/$tool-$i.txt" 2>&1 || { cat "$log/$tool-$i.txt" >&2; exit 1; } ;;
    pubpipe)
      /usr/bin/time -v -o "$log/$tool-time-$i.txt" \
        "$pubpipe" site build --input "$data" --out "$ours_out" --agencies "$agencies" --no-search ${JOBS:+--jobs $JOBS} \
        >"$log/$tool-$i.txt" 2>&1 || { cat "$log/$tool-$i.txt" >&2; exit 1; } ;;
  esac
  end=$(date +%s%N)
  wall[$tool,$i]=$(( (end - start) / 1000000 ))
  user[$tool,$i]=$(awk -F': ' '/User time/ {print $2}' "$log/$tool-time-$i.txt")
  sys[$tool,$i]=$(awk -F': ' '/System time/ {print $2}' "$log/$tool-time-$i.txt")
  rss[$tool,$i]=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$log/$tool-time-$i.txt")
  printf '%-8s run %d%s: wall %6d ms, user %6s s, sys %6s s, peak RSS %5d MiB\n' "$tool" "$i" \
    "$([[ $i == 1 ]] && echo " (warm-up)" || echo "          ")" "${wall[$tool,$i]}" "${user[$tool,$i]}" "${sys[$tool,$i]}" $(( rss[$tool,$i] / 1024 ))
}

for ((i = 1; i <= runs; i++)); do
  for tool in "${tools[@]}"; do run_one "$tool" "$i"; done
done

median() { sort -n | awk '{a[NR] = $1} END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.3f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
declare -A m_wall m_user m_sys m_rss html files sizes
for tool in "${tools[@]}"; do
  m_wall[$tool]=$(for ((i = 2; i <= runs; i++)); do echo "${wall[$tool,$i]}"; done | median)
  m_user[$tool]=$(for ((i = 2; i <= runs; i++)); do echo "${user[$tool,$i]}"; done | median)
  m_sys[$tool]=$(for ((i = 2; i <= runs; i++)); do echo "${sys[$tool,$i]}"; done | median)
  m_rss[$tool]=$(for ((i = 1; i <= runs; i++)); do echo "${rss[$tool,$i]}"; done | sort -n | tail -1)
  out=$([[ $tool == hugo ]] && echo "$hugo_out" || echo "$ours_out")
  stale=$(find "$out" -type f -name '*.html' ! -newer "$log/$tool-start-$runs" | wc -l)
  (( stale == 0 )) || { echo "bench-site.sh: $tool's last run left $stale HTML files unwritten" >&2; exit 1; }
  html[$tool]=$(find "$out" -type f -name '*.html' | wc -l)
  files[$tool]=$(find "$out" -type f | wc -l)
  sizes[$tool]=$(du -sh "$out" | cut -f1)
done

echo
echo "median of runs 2-$runs ($n reports):"
if [[ ${HUGO:-1} != 0 ]]; then
  awk -v hw="${m_wall[hugo]}" -v ow="${m_wall[pubpipe]}" -v hu="${m_user[hugo]}" -v ou="${m_user[pubpipe]}" \
      -v hs="${m_sys[hugo]}" -v os="${m_sys[pubpipe]}" -v hr="${m_rss[hugo]}" -v orr="${m_rss[pubpipe]}" \
      -v hh="${html[hugo]}" -v oh="${html[pubpipe]}" -v hf="${files[hugo]}" -v of="${files[pubpipe]}" -v n="$n" 'BEGIN {
    printf "| %-22s | %12s | %12s | %-16s |\n", "", "Hugo", "pubpipe", "Hugo / pubpipe"
    printf "|%s|%s|%s|%s|\n", "------------------------", "--------------", "--------------", "------------------"
    printf "| %-22s | %10.3f s | %10.3f s | %14.2f× |\n", "wall", hw / 1000, ow / 1000, hw / ow
    printf "| %-22s | %10.3f s | %10.3f s | %14.2f× |\n", "user CPU", hu, ou, hu / ou
    printf "| %-22s | %10.3f s | %10.3f s | %14.2f× |\n", "sys CPU", hs, os, (os > 0 ? hs / os : 0)
    printf "| %-22s | %8d MiB | %8d MiB | %14.2f× |\n", "peak RSS", hr / 1024, orr / 1024, hr / orr
    printf "| %-22s | %9.3f ms | %9.3f ms | %16s |\n", "wall per report", hw / n, ow / n, ""
    printf "| %-22s | %12d | %12d | %16s |\n", "HTML files", hh, oh, ""
    printf "| %-22s | %12d | %12d | %16s |\n", "all files", hf, of, ""
  }'
  echo "output: hugo ${sizes[hugo]}, pubpipe ${sizes[pubpipe]}"
else
  printf 'pubpipe: wall %.3f s, user %s s, sys %s s, peak RSS %d MiB, %d HTML files, %d files, %s\n' \
    "$(awk -v w="${m_wall[pubpipe]}" 'BEGIN { print w / 1000 }')" "${m_user[pubpipe]}" "${m_sys[pubpipe]}" \
    $(( ${m_rss[pubpipe]%.*} / 1024 )) "${html[pubpipe]}" "${files[pubpipe]}" "${sizes[pubpipe]}"
fi
grep -h "各阶段用时" "$log/pubpipe-$runs.txt" || true

if [[ ${SEARCH:-0} != 0 ]]; then
  sync
  start=$(date +%s%N)
  /usr/bin/time -v -o "$log/pubpipe-search-time.txt" \
    "$pubpipe" site build --input "$data" --out "$ours_out" --agencies "$agencies" --search ${JOBS:+--jobs $JOBS} \
    >"$log/pubpipe-search.txt" 2>&1 || { cat "$log/pubpipe-search.txt" >&2; exit 1; }
  end=$(date +%s%N)
  printf 'pubpipe with search: wall %d ms, peak RSS %d MiB (the larger of pubpipe and Pagefind); %s\n' \
    $(( (end - start) / 1000000 )) $(( $(awk -F': ' '/Maximum resident set size/ {print $2}' "$log/pubpipe-search-time.txt") / 1024 )) \
    "$(grep -h "检索索引已建立" "$log/pubpipe-search.txt" || echo "no search line")"
fi
