#!/usr/bin/python3
"""Prints docs/results.md's schedule comparison from the lr4j runs tools/parity.py made (runs/parity/...):
one row per schedule, the final top-1 of each seed, mean ± sd, best and worst.

  /usr/bin/python3 tools/schedule_table.py [RUNS_DIR]      # default runs/parity
"""
import csv, os, statistics, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
runs = sys.argv[1] if len(sys.argv) > 1 else os.path.join(root, 'runs', 'parity')
common = 'epochs_8_warmup-epochs_1_lr_0.05'
schedules = [('tanh', 'sched_tanh_'), ('cosine', 'sched_cosine_'), ('step --decay-epochs 3', 'sched_step_decay-epochs_3_'),
             ('multistep --decay-milestones 3 6', 'sched_multistep_decay-milestones_3_6_')]
print('| `--sched` | seed 1 | seed 2 | seed 3 | mean ± sd | worst |')
print('|---|---|---|---|---|---|')
for label, part in schedules:
    folder = os.path.join(runs, 'sgd_10000_' + part + common)
    top1 = []
    for seed in (1, 2, 3):
        summary = os.path.join(folder, f'lr4j-seed{seed}', 'summary.csv')
        if not os.path.exists(os.path.join(folder, f'lr4j-seed{seed}', 'done')):
            top1.append(None)
            continue
        top1.append(float(list(csv.DictReader(open(summary)))[-1]['eval_top1']))
    done = [t for t in top1 if t is not None]
    cells = ' | '.join('—' if t is None else f'{t:.2f}' for t in top1)
    stats = (f'{statistics.mean(done):.2f} ± {statistics.stdev(done):.2f} | {min(done):.2f}' if len(done) > 1
             else '— | —')
    print(f'| {label} | {cells} | {stats} |')
