#!/usr/bin/env bash
# Post-create step of the dev container (Codespaces, VS Code Dev Containers). Safe to run again.
#   1. Chromium and the Liberation fonts, so hosts can export PNG/SVG figures (./workbook.sh figures).
#   2. Jupyter's kernel machinery from Debian, so notebooks also run without the Polyglot Notebooks
#      extension: VS Code's Jupyter extension, `jupyter notebook` in a browser, or nbconvert headless.
#   3. The .net-csharp Jupyter kernel, from the pinned dotnet-interactive in dotnet-tools.json.
#   4. A throwaway Redis on loopback for episode 23's lock cells (./workbook.sh redis start; postStartCommand
#      starts it again whenever the container starts).
#   5. ./workbook.sh: build, run every notebook, print the exercise progress table.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  chromium fonts-liberation                                 # figure export (PNG/SVG)
  jupyter-core jupyter-client python3-ipykernel             # kernel discovery and launch
  jupyter-nbconvert python3-nbclient                        # headless runs: jupyter nbconvert --execute
  jupyter-notebook                                          # a browser UI that needs no VS Code extension
  redis-server                                              # episode 23: the lock against a real Redis
)

missing=()
for package in "${packages[@]}"; do
  [ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" = "install ok installed" ] || missing+=("$package")
done

if [ "${#missing[@]}" -gt 0 ]; then
  echo "== installing from Debian: ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then sudo=; else sudo=sudo; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "== Debian packages already installed: ${packages[*]}"
fi

echo "== registering the .net-csharp Jupyter kernel (dotnet-interactive from dotnet-tools.json)"
dotnet tool restore >/dev/null
dotnet tool run dotnet-interactive jupyter install >/dev/null
# (Read the whole list first: with pipefail, 'grep -q' closing the pipe early would fail the check.)
kernels=$(jupyter kernelspec list 2>/dev/null)
if ! grep '\.net-csharp' <<<"$kernels"; then
  echo "post-create: the .net-csharp kernel is not registered; see README troubleshooting" >&2
  exit 1
fi

echo "== starting a throwaway Redis on 127.0.0.1:6379 (episode 23)"
./workbook.sh redis start || echo "   (no Redis: episode 23's Redis cells will say how to start one)"

exec ./workbook.sh
