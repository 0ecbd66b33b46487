#!/usr/bin/python3
"""Training parity: lr4j against the PyTorch reference (fashion_mnist_torch.py beside this file), seed by seed.

For one configuration (optimizer, schedule flags, training images, epochs) it runs, for each seed,
`./lr4j train --dataset fashion-mnist ...` and the reference script on the per-epoch rates that
`./lr4j table` prints for the same flags, one after the other, then prints a Markdown table: the final
top-1 of every run, the mean, the standard deviation and the worst run of each side, and the differences
the issue's rule checks (means within 1.0 point, worst runs within 2.0 points).

Runs already done (their results in OUT) are not run again, so the table can be reprinted or extended.

  /usr/bin/python3 tools/parity.py --opt sgd --seeds 1 2 3 -- --sched tanh --epochs 8 --warmup-epochs 1 --lr 0.05
  /usr/bin/python3 tools/parity.py --opt momentum --side lr4j --seeds 1 2 3 -- --sched cosine --epochs 8 --lr 0.05

Options: --train-size N (default 10000), --threads N (both sides; default 2), --out DIR (default
runs/parity), --side both|lr4j|torch, --lr4j LAUNCHER, --print-only (run nothing, print what is done).
"""
import argparse, csv, json, os, statistics, subprocess, sys, time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
p = argparse.ArgumentParser()
p.add_argument('--opt', default='sgd')
p.add_argument('--seeds', type=int, nargs='+', default=[1, 2, 3])
p.add_argument('--train-size', type=int, default=10000)
p.add_argument('--threads', type=int, default=2)
p.add_argument('--out', default=os.path.join(root, 'runs', 'parity'))
p.add_argument('--side', default='both', choices=['both', 'lr4j', 'torch'])
p.add_argument('--print-only', action='store_true', help='run nothing; print the table of the runs done')
p.add_argument('--lr4j', default=os.path.join(root, 'lr4j'), help='the lr4j launcher (default: ./lr4j)')
p.add_argument('sched', nargs=argparse.REMAINDER, help='-- then the schedule flags of ./lr4j table / train')
a = p.parse_args()
sched = [s for s in a.sched if s != '--']
name = '_'.join([a.opt, str(a.train_size)] + [s.lstrip('-') for s in sched]).replace('/', '')
out = os.path.join(a.out, name)
os.makedirs(out, exist_ok=True)
lr4j = a.lr4j


def run(cmd, log):
    with open(log, 'w') as f:
        f.write(' '.join(cmd) + '\n')
        f.flush()
        t = time.time()
        subprocess.run(cmd, stdout=f, stderr=subprocess.STDOUT, check=True)
        return time.time() - t


table = os.path.join(out, 'lrs.csv')
if not os.path.exists(table):
    with open(table, 'w') as f:
        subprocess.run([lr4j, 'table', '--opt', a.opt] + sched, stdout=f, check=True)

results = {}
speed = {}  # training images per second, evaluation excluded, as each side reports it
for seed in a.seeds:
    if a.side in ('both', 'torch'):
        res = os.path.join(out, f'torch-seed{seed}.json')
        if not os.path.exists(res) and a.print_only:
            continue
        if not os.path.exists(res):
            log = os.path.join(out, f'torch-seed{seed}.log')
            run(['/usr/bin/python3', os.path.join(here, 'fashion_mnist_torch.py'), '--lr-table', table,
                 '--train-size', str(a.train_size), '--opt', a.opt, '--seed', str(seed),
                 '--threads', str(a.threads)], log)
            last = open(log).read().strip().splitlines()[-1]
            with open(res + '.tmp', 'w') as f:
                f.write(last)
            os.replace(res + '.tmp', res)
        results.setdefault('torch', {})[seed] = json.load(open(res))['top1'][-1]
        speed.setdefault('torch', {})[seed] = json.load(open(res))['img_per_s']
    if a.side in ('both', 'lr4j'):
        run_dir = os.path.join(out, f'lr4j-seed{seed}')
        summary = os.path.join(run_dir, 'summary.csv')
        done = os.path.join(run_dir, 'done')
        if not os.path.exists(done) and a.print_only:
            continue
        if not os.path.exists(done):
            if os.path.exists(run_dir):
                subprocess.run(['rm', '-rf', run_dir], check=True)
            run([lr4j, 'train', '--dataset', 'fashion-mnist', '--train-size', str(a.train_size), '--opt', a.opt,
                 '--seed', str(seed), '--threads', str(a.threads), '--output', run_dir] + sched,
                os.path.join(out, f'lr4j-seed{seed}.log'))
            open(done, 'w').close()
        rows = list(csv.DictReader(open(summary)))
        results.setdefault('lr4j', {})[seed] = float(rows[-1]['eval_top1'])
        meta = json.load(open(os.path.join(run_dir, 'run.json')))
        speed.setdefault('lr4j', {})[seed] = meta['train_images'] / meta['train_seconds']


def stats(v):
    vals = [v[s] for s in a.seeds if s in v]
    sd = statistics.stdev(vals) if len(vals) > 1 else 0.0
    return statistics.mean(vals), sd, min(vals)


print(f'### `--opt {a.opt} --train-size {a.train_size} {" ".join(sched)}`\n')
sides = [s for s in ('torch', 'lr4j') if s in results]
print('| side | ' + ' | '.join(f'seed {s}' for s in a.seeds) + ' | mean ± sd | worst |')
print('|---|' + '---|' * len(a.seeds) + '---|---|')
for side in sides:
    m, sd, w = stats(results[side])
    label = 'PyTorch reference' if side == 'torch' else 'lr4j'
    print(f'| {label} | ' + ' | '.join(f'{results[side][s]:.2f}' if s in results[side] else '—' for s in a.seeds)
          + f' | {m:.2f} ± {sd:.2f} | {w:.2f} |')
if len(sides) == 2 and all(len(results[s]) == len(a.seeds) for s in sides):
    mt, _, wt = stats(results['torch'])
    ml, _, wl = stats(results['lr4j'])
    ok = abs(ml - mt) <= 1.0 and abs(wl - wt) <= 2.0
    print(f'\nlr4j − reference: mean {ml - mt:+.2f} (rule: within 1.0), worst {wl - wt:+.2f} (rule: within 2.0): '
          + ('PASS' if ok else 'FAIL'))
if len(sides) == 2:
    pairs = [s for s in a.seeds if s in speed.get('torch', {}) and s in speed.get('lr4j', {})]
    if pairs:
        print('\nThroughput (training images/s, evaluation excluded; each seed a pair run one after the other): '
              + '; '.join(f'seed {s}: lr4j {speed["lr4j"][s]:,.0f}, reference {speed["torch"][s]:,.0f}'
                          f' ({speed["lr4j"][s] / speed["torch"][s]:.2f})' for s in pairs))
sys.stdout.flush()
