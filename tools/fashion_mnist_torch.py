#!/usr/bin/python3
"""The PyTorch counterpart of `./lr4j train --dataset fashion-mnist --model smallcnn`, for training parity.

Needs Debian's python3-torch and dataset-fashion-mnist (apt-get install python3-torch dataset-fashion-mnist).
Same data (the first --train-size training images, the whole 10k test set, 1 channel, (x/255 - 0.2860)/0.3530),
same model (three blocks of 3x3 conv without bias, BatchNorm, ReLU, 2x2 max pool with 16/32/64 filters; global
average pool; linear), PyTorch's default initialisation, the same optimizer as timm's create_optimizer
(sgd = SGD with Nesterov momentum 0.9; momentum = SGD momentum 0.9; adamw = AdamW; weight decay on weights with
2+ dimensions only, none on biases and norms), batch 128 with the last partial training batch dropped, no
augmentation, no label smoothing. This copy (of /work/shared/reference/fashion_mnist_torch.py) adds timm's other
optimizers: adam = Adam (L2 weight decay), rmsprop = RMSprop(alpha=0.9, momentum=--momentum, eps=1e-8),
adagrad = Adagrad(eps=1e-8); sgd, momentum and adamw are unchanged (same calls, same random stream), and
--model resnet18|resnet34 --img-size N (torchvision's ResNet with 1 input channel, its initialisation; images
resized bilinearly) for lr4j's ResNets; the last line also gives the peak resident memory (peak_rss_mb).
The learning rate of each epoch comes from --lr-table, the CSV that
`./lr4j table` prints for the same schedule flags (column `lr`, one row per epoch), so that both sides train on
the same rates. Prints one line per epoch and a last JSON line: {"top1": [...per epoch], "img_per_s": ...}.

  ./lr4j table --sched tanh --epochs 8 --warmup-epochs 1 --lr 0.05 > lrs.csv
  /usr/bin/python3 fashion_mnist_torch.py --lr-table lrs.csv --train-size 10000 --seed 1
"""
import argparse, csv, gzip, json, time
import numpy as np, torch, torch.nn as nn

p = argparse.ArgumentParser()
p.add_argument('--lr-table', required=True)
p.add_argument('--data-dir', default='/usr/share/datasets/fashion-mnist')
p.add_argument('--train-size', type=int, default=60000)
p.add_argument('--batch-size', type=int, default=128)
p.add_argument('--opt', default='sgd', choices=['sgd', 'momentum', 'adamw', 'adam', 'rmsprop', 'adagrad'])
p.add_argument('--momentum', type=float, default=0.9)
p.add_argument('--model', default='smallcnn', choices=['smallcnn', 'resnet18', 'resnet34'])
p.add_argument('--img-size', type=int, default=28)
p.add_argument('--weight-decay', type=float, default=2e-5)
p.add_argument('--seed', type=int, default=42)
p.add_argument('--threads', type=int, default=2)
a = p.parse_args()
torch.set_num_threads(a.threads); torch.manual_seed(a.seed); np.random.seed(a.seed)

def idx(name, offset):
    with gzip.open(f'{a.data_dir}/{name}') as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)
def images(kind, n=None):
    x = idx(f'{kind}-images-idx3-ubyte.gz', 16).reshape(-1, 1, 28, 28)[:n]
    y = idx(f'{kind}-labels-idx1-ubyte.gz', 8)[:n]
    return torch.from_numpy((x.astype(np.float32) / 255 - 0.2860) / 0.3530), torch.from_numpy(y.astype(np.int64))
xt, yt = images('train', a.train_size)
xv, yv = images('t10k')
if a.img_size != 28:
    resize = lambda x: nn.functional.interpolate(x, size=(a.img_size, a.img_size), mode='bilinear', align_corners=False)
    xt, xv = resize(xt), resize(xv)
lrs = [float(r['lr']) for r in csv.DictReader(open(a.lr_table))]

layers, c = [], 1
for f in (16, 32, 64):
    layers += [nn.Conv2d(c, f, 3, padding=1, bias=False), nn.BatchNorm2d(f), nn.ReLU(), nn.MaxPool2d(2)]; c = f
model = nn.Sequential(*layers, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(64, 10))
if a.model != 'smallcnn':
    # torchvision's resnet18/34 (BasicBlock), written out (Debian has no python3-torchvision), 1 input channel
    class Block(nn.Module):
        def __init__(self, cin, cout, stride):
            super().__init__()
            self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False); self.bn1 = nn.BatchNorm2d(cout)
            self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False); self.bn2 = nn.BatchNorm2d(cout)
            self.down = None if stride == 1 and cin == cout else nn.Sequential(
                nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))
        def forward(self, x):
            y = self.bn2(self.conv2(torch.relu(self.bn1(self.conv1(x)))))
            return torch.relu(y + (x if self.down is None else self.down(x)))
    blocks, cin = [], 64
    for i, (w, n) in enumerate(zip((64, 128, 256, 512), (2, 2, 2, 2) if a.model == 'resnet18' else (3, 4, 6, 3))):
        for j in range(n):
            blocks.append(Block(cin, w, 2 if i > 0 and j == 0 else 1)); cin = w
    model = nn.Sequential(nn.Conv2d(1, 64, 7, 2, 3, bias=False), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(3, 2, 1),
                          *blocks, nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(512, 10))
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            nn.init.kaiming_normal_(m.weight, mode='fan_out', nonlinearity='relu')
decay = [q for q in model.parameters() if q.ndim > 1]
no_decay = [q for q in model.parameters() if q.ndim <= 1]
groups = [{'params': no_decay, 'weight_decay': 0.0}, {'params': decay, 'weight_decay': a.weight_decay}]
if a.opt == 'adamw':
    opt = torch.optim.AdamW(groups, lr=lrs[0])
elif a.opt == 'adam':
    opt = torch.optim.Adam(groups, lr=lrs[0])
elif a.opt == 'rmsprop':
    opt = torch.optim.RMSprop(groups, lr=lrs[0], alpha=0.9, momentum=a.momentum)
elif a.opt == 'adagrad':
    opt = torch.optim.Adagrad(groups, lr=lrs[0], eps=1e-8)
else:
    opt = torch.optim.SGD(groups, lr=lrs[0], momentum=a.momentum, nesterov=a.opt == 'sgd')
loss_fn = nn.CrossEntropyLoss()
top1, seen, spent = [], 0, 0.0
for epoch, lr in enumerate(lrs):
    for g in opt.param_groups:
        g['lr'] = lr
    model.train(); t0 = time.time(); order = torch.randperm(len(yt)); total = 0.0
    for b in range(len(yt) // a.batch_size):
        i = order[b * a.batch_size:(b + 1) * a.batch_size]
        opt.zero_grad(); loss = loss_fn(model(xt[i]), yt[i]); loss.backward(); opt.step()
        total += loss.item(); seen += len(i)
    spent += time.time() - t0
    model.eval(); correct = 0
    with torch.no_grad():
        for s in range(0, len(yv), 500):
            correct += (model(xv[s:s + 500]).argmax(1) == yv[s:s + 500]).sum().item()
    top1.append(100.0 * correct / len(yv))
    print(f'epoch {epoch} lr {lr:.6g} train_loss {total / (len(yt) // a.batch_size):.4f} top1 {top1[-1]:.2f}', flush=True)
import resource
print(json.dumps({'top1': top1, 'img_per_s': seen / spent,
                  'peak_rss_mb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
