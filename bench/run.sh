#!/usr/bin/env bash
# Benchmarks for the foundation issue, reported as ratios against baselines measured in the same run.
#   warm:  every episode's Run All through the CLI vs a notebook holding only the setup cell (kernel start + packages)
#   cold:  the same two with empty NuGet and .NET Interactive caches (a fresh HOME)
#   figures: Episode 1 export html,png,svg vs html only
# Usage: bench/run.sh [repetitions]   (default 3; medians are reported)
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-3}
./workbook.sh setup >/dev/null
cli=(dotnet artifacts/bin/Workbook.Cli/debug/workbook.dll)
work=$(mktemp -d); trap 'rm -rf "$work" notebooks/.bench-baseline.ipynb' EXIT

# A notebook with only the setup cell: what every notebook pays before its own content.
python3 - <<'PY'
import json
nb = json.load(open("notebooks/ep01-speed-of-light.ipynb"))
nb["cells"] = [c for c in nb["cells"] if c["cell_type"] == "code"][:1]
json.dump(nb, open("notebooks/.bench-baseline.ipynb", "w"))
PY

seconds() { local s e; s=$(date +%s.%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; e=$(date +%s.%N); echo "$e - $s" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ratio() { echo "scale=2; $1 / $2" | bc; }

run_nb() { "${cli[@]}" run "$1" --out "$work/out"; }

echo "== warm (median of $reps)"
run_nb notebooks/.bench-baseline.ipynb >/dev/null 2>&1   # warm the caches once
base=$(for i in $(seq "$reps"); do seconds run_nb notebooks/.bench-baseline.ipynb; done | median)
printf 'setup-only notebook              %6.2f s\n' "$base"
for nb in notebooks/ep*.ipynb; do
  t=$(for i in $(seq "$reps"); do seconds run_nb "$nb"; done | median)
  [[ "$nb" == *ep01-* ]] && ep01=$t
  printf '%-32s %6.2f s   (%sx the setup-only baseline)\n' "$(basename "$nb" .ipynb) Run All" "$t" "$(ratio "$t" "$base")"
done

echo "== cold (empty NuGet and .NET Interactive package caches: a fresh HOME; one run each)"
cold() {  # $1: name, $2: notebook. The pinned tool is restored untimed; the notebook's package restore is timed.
  local home="$work/home-$1"; mkdir -p "$home"
  HOME="$home" NUGET_PACKAGES="$home/.nuget/packages" dotnet tool restore >/dev/null
  HOME="$home" NUGET_PACKAGES="$home/.nuget/packages" seconds run_nb "$2"
}
cold_base=$(cold base notebooks/.bench-baseline.ipynb)
cold_ep01=$(cold ep01 notebooks/ep01-speed-of-light.ipynb)
printf 'setup-only notebook  %6.2f s\nepisode 1 Run All    %6.2f s   (%sx the cold baseline, %sx warm episode 1)\n' \
  "$cold_base" "$cold_ep01" "$(ratio "$cold_ep01" "$cold_base")" "$(ratio "$cold_ep01" "$ep01")"

echo "== figures (median of $reps)"
html=$(for i in $(seq "$reps"); do seconds "${cli[@]}" figures --episode 1 --format html --out "$work/fig-html"; done | median)
all=$(for i in $(seq "$reps"); do seconds "${cli[@]}" figures --episode 1 --format html,png,svg --out "$work/fig-all"; done | median)
printf 'episode 1 HTML only      %6.2f s\nepisode 1 HTML+PNG+SVG   %6.2f s   (%sx HTML only)\n' "$html" "$all" "$(ratio "$all" "$html")"
