#!/usr/bin/env bash
# Headless smoke run of the frozen bundle: proves the data files (SQL migrations, fonts, catalogue,
# programme rules, stdnum's region table, Qt plugins) are found from inside the bundle.
#   packaging/smoke.sh [BUNDLE_DIR]        (default: dist/ipdesk; run `make package` first)
# Prints one line per step (OK / SKIP / FAIL) and exits non-zero if any step failed.
set -uo pipefail
cd "$(dirname "$0")/.."

BUNDLE=${1:-dist/ipdesk}
APP="$BUNDLE/ipdesk"
[ -x "$APP" ] || { echo "FAIL 找不到打包产物 $APP（先运行 make package）"; exit 2; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Run from an empty directory with a clean environment so nothing from the checkout or the venv
# can be picked up by accident.
export HOME="$tmp/home" XDG_DATA_HOME="$tmp/home/.local/share" XDG_CONFIG_HOME="$tmp/home/.config"
mkdir -p "$HOME"
unset PYTHONPATH PYTHONHOME VIRTUAL_ENV IPDESK_DB
APP=$(cd "$(dirname "$APP")" && pwd)/$(basename "$APP")
DB="$tmp/demo.sqlite"
failures=0

step() {  # step NAME COMMAND... : run, report, remember failures
  local name=$1; shift
  local out="$tmp/$name.log" started=$SECONDS
  if (cd "$tmp" && "$@") >"$out" 2>&1; then
    echo "OK   $name ($((SECONDS - started)) s)"
  else
    local rc=$?
    echo "FAIL $name (exit $rc)"; sed 's/^/     | /' "$out" | tail -20
    failures=$((failures + 1))
  fi
}

has_command() {  # whether the bundle's CLI knows a sub-command
  "$APP" --help 2>/dev/null | grep -qE "^\s+$1\b|[{,]$1[,}]"
}

step version bash -c "\"$APP\" --version | grep -E '^ipdesk [0-9]'"
step demo "$APP" --db "$DB" demo --scale local
step check "$APP" --db "$DB" check
step stats bash -c "\"$APP\" --db \"$DB\" stats --json > \"$tmp/stats.json\" && \
  test \"\$(head -c 1 \"$tmp/stats.json\")\" = '{' && grep -q '[1-9]' \"$tmp/stats.json\""

if has_command report; then
  step report-annual bash -c "\"$APP\" --db \"$DB\" report annual --year 2024 --out \"$tmp/a.pdf\" && \
    test \"\$(head -c 5 \"$tmp/a.pdf\")\" = '%PDF-' && test \$(stat -c %s \"$tmp/a.pdf\") -gt 20000"
  if command -v pdffonts >/dev/null 2>&1 && [ -f "$tmp/a.pdf" ]; then
    step report-fonts-embedded bash -c "pdffonts \"$tmp/a.pdf\" | awk 'NR>2 && \$(NF-4)!=\"yes\"{bad=1} END{exit bad}'"
  fi
else
  echo "SKIP report-annual（此版本的 ipdesk 还没有 report 子命令）"
fi

# The GUI: offscreen, killed after 10 s. Exit 124 (killed by timeout) means it was still running,
# i.e. it started and showed the main window without crashing.
# Qt's messages about plugins it could not load count as failures too (a pruned library).
gui() {
  QT_QPA_PLATFORM=offscreen QT_DEBUG_PLUGINS=0 timeout 10s "$APP" --db "$DB" gui >"$tmp/gui.out" 2>&1
  local rc=$?
  cat "$tmp/gui.out"
  if grep -qE "Traceback|Cannot load library|Could not load the Qt platform plugin|cannot open shared object" "$tmp/gui.out"; then
    echo "ipdesk gui 报告了加载错误"; return 1
  fi
  [ $rc -eq 124 ] && return 0
  echo "ipdesk gui 在 10 秒内退出（退出码 $rc）"; return 1
}
step gui-offscreen gui

if [ $failures -gt 0 ]; then
  echo "冒烟测试失败：$failures 项"; exit 1
fi
echo "冒烟测试通过"
