#!/usr/bin/python3
"""Records two updates of every `--opt` on a fixed tiny network with PyTorch (Debian's python3-torch), as test
data for lr4j-djl's OptimizerParityTest: optimizer_steps.json beside this script.

The network: y = W x + b (W 2x2, b 2), loss = sum((y - t)^2), fixed x, t and initial W, b. Two parameter
groups as timm makes them: b (1-D) without weight decay, W with weight decay 0.05. Each optimizer is created
as timm's create_optimizer creates it (momentum 0.9; sgd = Nesterov; rmsprop alpha 0.9, eps 1e-8; adagrad eps
1e-8; adam/adamw PyTorch's defaults otherwise). Update 1 runs at lr 0.1, update 2 at lr 0.05 (a changed
rate exercises how the state holds it); the file holds W and b after each update, as float32 values.
Under "beta1_steps", adam and adamw again, with betas[0] set to 0.95 before update 1 and to 0.85 before
update 2 (as OneCycleLR/CyclicLR with cycle_momentum write group['betas'] = (m, beta2)), for the
momentum-cycling test; PyTorch's bias correction uses each step's beta1.

  /usr/bin/python3 tools/optimizer_steps.py   # rewrites tools/optimizer_steps.json
"""
import json, os
import torch

X = [0.7, -1.3]
T = [0.25, -0.5]
W0 = [[0.3, -0.7], [1.5, 2.0]]
B0 = [1.0, -2.0]
WD = 0.05
LRS = [0.1, 0.05]


def make(opt, groups):
    if opt in ('sgd', 'nesterov'):
        return torch.optim.SGD(groups, lr=LRS[0], momentum=0.9, nesterov=True)
    if opt == 'momentum':
        return torch.optim.SGD(groups, lr=LRS[0], momentum=0.9, nesterov=False)
    if opt == 'adam':
        return torch.optim.Adam(groups, lr=LRS[0])
    if opt == 'adamw':
        return torch.optim.AdamW(groups, lr=LRS[0])
    if opt == 'rmsprop':
        return torch.optim.RMSprop(groups, lr=LRS[0], alpha=0.9, eps=1e-8, momentum=0.9)
    if opt == 'adagrad':
        return torch.optim.Adagrad(groups, lr=LRS[0], eps=1e-8)
    raise ValueError(opt)


out = {'torch': torch.__version__, 'x': X, 't': T, 'W0': W0, 'b0': B0, 'weight_decay': WD, 'momentum': 0.9,
       'lrs': LRS, 'opts': {}}
x = torch.tensor(X)
t = torch.tensor(T)
for opt in ['sgd', 'nesterov', 'momentum', 'adam', 'adamw', 'rmsprop', 'adagrad']:
    W = torch.tensor(W0, requires_grad=True)
    b = torch.tensor(B0, requires_grad=True)
    o = make(opt, [{'params': [b], 'weight_decay': 0.0}, {'params': [W], 'weight_decay': WD}])
    steps = []
    for lr in LRS:
        for g in o.param_groups:
            g['lr'] = lr
        o.zero_grad()
        loss = ((W @ x + b - t) ** 2).sum()
        loss.backward()
        o.step()
        steps.append({'lr': lr, 'loss': loss.item(), 'W': W.detach().flatten().tolist(), 'b': b.detach().tolist()})
    out['opts'][opt] = steps

BETA1S = [0.95, 0.85]
out['beta1s'] = BETA1S
out['beta1_steps'] = {}
for opt in ['adam', 'adamw']:
    W = torch.tensor(W0, requires_grad=True)
    b = torch.tensor(B0, requires_grad=True)
    o = make(opt, [{'params': [b], 'weight_decay': 0.0}, {'params': [W], 'weight_decay': WD}])
    steps = []
    for lr, beta1 in zip(LRS, BETA1S):
        for g in o.param_groups:
            g['lr'] = lr
            g['betas'] = (beta1, g['betas'][1])
        o.zero_grad()
        loss = ((W @ x + b - t) ** 2).sum()
        loss.backward()
        o.step()
        steps.append({'lr': lr, 'beta1': beta1, 'loss': loss.item(), 'W': W.detach().flatten().tolist(),
                      'b': b.detach().tolist()})
    out['beta1_steps'][opt] = steps

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'optimizer_steps.json')
with open(path + '.tmp', 'w') as f:
    json.dump(out, f, indent=1)
    f.write('\n')
os.replace(path + '.tmp', path)
print(path)
