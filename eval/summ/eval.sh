#!/bin/sh
# Reproduce nutshell's summary-quality numbers (issue 5).
#
#   eval/summ/eval.sh [dev|test|scisummnet|bbc] [extra summ_eval.py flags...]
#
# Builds the CLI, makes .venv with the scorer's minimal requirements (PyPI), and runs
# ../shared/eval/summ/summ_eval.py with Lead-3 and nutshell (paired differences against
# Lead-3, tables by subset). Set SYSTEMS to add baselines, e.g. SYSTEMS=lead3,oracle or
# SYSTEMS=lead3,lexrank,summa (those need ../shared/eval/summ/requirements.txt).
# Tune on dev only; test is for the final report.
set -eu
cd "$(dirname "$0")/../.."
split=${1:-dev}
[ $# -gt 0 ] && shift
shared=../shared
cargo build --release --features cli
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
    .venv/bin/pip install -q -r "$shared/eval/summ/requirements-min.txt"
fi
case "$split" in
    dev|test) data="--split $split --by-subset" ;;
    scisummnet|bbc) data="--data $shared/data/summ-other/$split.jsonl --limit ${LIMIT:-300}" ;;
    *) data="--data $split" ;;
esac
# shellcheck disable=SC2086
exec .venv/bin/python "$shared/eval/summ/summ_eval.py" $data \
    --systems "${SYSTEMS:-lead3}" \
    --cmd "target/release/nutshell summarize --json" --cmd-name nutshell \
    --compare-to lead3 "$@"
