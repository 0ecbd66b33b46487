#!/usr/bin/env bash
# Exact resume, checked as a new user would: for each --opt, an uninterrupted `./lr4j train` on the built-in
# data with lr noise on, and the same run SIGKILLed (kill -9) in the middle of epoch 3, then resumed with
# `--resume RUN/last.ckpt`; prints, per optimizer, the epoch the checkpoint resumed from, the largest relative
# difference of train_loss and eval_loss, and whether top-1, top-5 and lr are equal and the files identical.
#   tools/kill_resume_check.sh [OUT_DIR] [OPT...]      (default: /tmp/lr4j-kill-check, all seven optimizers)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="${1:-/tmp/lr4j-kill-check}"
shift || true
opts=("$@")
[[ ${#opts[@]} -gt 0 ]] || opts=(sgd momentum nesterov adam adamw rmsprop adagrad)
flags=(--lr 0.003 --sched tanh --epochs 6 --warmup-epochs 1 --lr-noise 0.3 --seed 5)
rm -rf "$out" && mkdir -p "$out"
"$root/lr4j" --version >/dev/null   # build once, outside the timed runs
printf '%-9s %-8s %-14s %-14s %-16s %s\n' opt resumed max_rel_train max_rel_eval top1/top5/lr identical
for opt in "${opts[@]}"; do
  "$root/lr4j" train --opt "$opt" "${flags[@]}" --output "$out/$opt-full" >"$out/$opt-full.log" 2>&1
  "$root/lr4j" train --opt "$opt" "${flags[@]}" --output "$out/$opt-killed" >"$out/$opt-killed.log" 2>&1 &
  pid=$!
  until grep -q '^epoch 2/' "$out/$opt-killed.log" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { echo "$opt: the run ended before epoch 2" >&2; exit 1; }
    sleep 0.1
  done
  secs=$(sed -n 's/^epoch 2\/.*  \([0-9.]*\)s.*/\1/p' "$out/$opt-killed.log")
  sleep "$(python3 -c "print(0.4 * float('$secs'))")"
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
  "$root/lr4j" train --resume "$out/$opt-killed/last.ckpt" >"$out/$opt-resumed.log" 2>&1
  resumed=$(sed -n 's/.*epochs \([0-9]*\) to .*/\1/p' "$out/$opt-resumed.log")
  python3 - "$out/$opt-full/summary.csv" "$out/$opt-killed/summary.csv" "$opt" "$resumed" <<'PY'
import csv, sys
a = list(csv.DictReader(open(sys.argv[1]))); b = list(csv.DictReader(open(sys.argv[2])))
assert len(a) == len(b), (len(a), len(b))
rel = lambda k: max(abs(float(x[k]) - float(y[k])) / abs(float(x[k])) for x, y in zip(a, b))
exact = all(x[k] == y[k] for x, y in zip(a, b) for k in ('epoch', 'eval_top1', 'eval_top5', 'lr'))
same = open(sys.argv[1]).read() == open(sys.argv[2]).read()
print(f"{sys.argv[3]:<9} {sys.argv[4]:<8} {rel('train_loss'):<14.3g} {rel('eval_loss'):<14.3g} {str(exact):<16} {same}")
PY
done
