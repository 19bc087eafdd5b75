#!/usr/bin/env bash
# The Distributed Systems Workbook: one entry point.
#   ./workbook.sh              set everything up, run every notebook, print exercise progress
#   ./workbook.sh test [args]  set up, then run the whole test suite (args go to 'dotnet test', e.g. --filter X)
#   ./workbook.sh setup        only set up (restore the pinned kernel, build the library)
#   ./workbook.sh redis start|stop|status [port]   a throwaway Redis on loopback (scripts/redis.sh)
#   ./workbook.sh <command>    any CLI command: run, check, figures (see ./workbook.sh --help)
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_INTERACTIVE_CLI_TELEMETRY_OPTOUT=1

cli=artifacts/bin/Workbook.Cli/debug/workbook.dll

setup() {
  command -v dotnet >/dev/null || { echo "workbook: the .NET 10 SDK is needed (https://dot.net); 'dotnet' is not on PATH" >&2; exit 2; }
  echo "== restoring the pinned notebook kernel (dotnet-tools.json)"
  dotnet tool restore >/dev/null
  echo "== building the library, CLI and tests"
  dotnet build Workbook.sln --nologo -v quiet -clp:NoSummary
  if command -v jupyter >/dev/null; then
    # Registers the .net-csharp kernel for Jupyter (JupyterLab, nbconvert, VS Code's Jupyter extension).
    dotnet interactive jupyter install >/dev/null 2>&1 || echo "   (could not register the Jupyter kernel; see README troubleshooting)"
  fi
}

case "${1:-}" in
  "")
    setup
    echo "== running every notebook through the .NET Interactive kernel"
    exec dotnet "$cli" run
    ;;
  setup)
    setup
    ;;
  test)
    shift
    setup
    echo "== running the tests (unit tests, every notebook through the kernel, CLI, figure export)"
    set +e
    dotnet test Workbook.sln --no-build --nologo -v quiet "$@" 2>&1 | tee artifacts/test-output.txt
    status=${PIPESTATUS[0]}
    set -e
    # One plain summary line: "tests: N passed, N failed, N skipped".
    awk '/(Passed|Failed)!/ { for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) } }
         END { gsub(",", "", f); printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' artifacts/test-output.txt
    exit "$status"
    ;;
  redis)
    shift
    exec scripts/redis.sh "$@"
    ;;
  *)
    [ -f "$cli" ] || setup >&2
    exec dotnet "$cli" "$@"
    ;;
esac
