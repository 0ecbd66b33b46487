"""Records the numbers of lr4j's Javadoc examples for org.lr4j.torch from PyTorch itself.

Run with Debian's python3-torch (PyTorch 1.13):  /usr/bin/python3 examples.py > examples.json
TorchBuildersTest (lr4j-core) reads examples.json: each entry is the group-0 lr right after
construction, then after each step() (step(metric) for ReduceLROnPlateau), and, where momentum is
cycled, the momentum likewise.
"""
import json
import warnings

import torch
from torch.optim import lr_scheduler as L

warnings.filterwarnings("ignore")


def sgd(lr, momentum=0.0):
    return torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=lr, momentum=momentum)


def run(make, opt, steps, metrics=None):
    s = make(opt)
    lrs = [opt.param_groups[0]["lr"]]
    moms = [opt.param_groups[0].get("momentum")]
    for i in range(steps):
        opt.step()
        if metrics is None:
            s.step()
        else:
            s.step(metrics[i])
        lrs.append(opt.param_groups[0]["lr"])
        moms.append(opt.param_groups[0].get("momentum"))
    return {"lrs": lrs, "momentums": moms}


out = {
    "StepLR": run(lambda o: L.StepLR(o, step_size=30, gamma=0.1), sgd(0.05), 31),
    "MultiStepLR": run(lambda o: L.MultiStepLR(o, milestones=[3, 3, 6], gamma=0.1), sgd(1.0), 7),
    "ConstantLR": run(lambda o: L.ConstantLR(o, factor=0.5, total_iters=4), sgd(0.05), 5),
    "LinearLR": run(lambda o: L.LinearLR(o, start_factor=0.5, total_iters=4), sgd(0.05), 5),
    "ExponentialLR": run(lambda o: L.ExponentialLR(o, gamma=0.9), sgd(1.0), 3),
    "PolynomialLR": run(lambda o: L.PolynomialLR(o, total_iters=4, power=1.0), sgd(0.001), 5),
    "CosineAnnealingLR": run(lambda o: L.CosineAnnealingLR(o, T_max=10, eta_min=0.001), sgd(0.1), 25),
    "CosineAnnealingWarmRestarts": run(lambda o: L.CosineAnnealingWarmRestarts(o, T_0=5, T_mult=2, eta_min=1e-4),
                                       sgd(0.1), 16),
    "CyclicLR": run(lambda o: L.CyclicLR(o, base_lr=0.001, max_lr=0.1, step_size_up=5, mode="triangular2"),
                    sgd(0.1, 0.9), 15),
    "OneCycleLR": run(lambda o: L.OneCycleLR(o, max_lr=0.1, total_steps=100), sgd(0.1, 0.9), 100),
    "ReduceLROnPlateau": run(lambda o: L.ReduceLROnPlateau(o, patience=0), sgd(0.1), 2, metrics=[1.0, 1.0]),
    "SequentialLR": run(lambda o: L.SequentialLR(o, [L.ConstantLR(o, factor=0.1, total_iters=2),
                                                     L.ExponentialLR(o, gamma=0.9)], milestones=[2]), sgd(1.0), 4),
    "ChainedScheduler": run(lambda o: L.ChainedScheduler([L.ConstantLR(o, factor=0.1, total_iters=2),
                                                          L.ExponentialLR(o, gamma=0.9)]), sgd(1.0), 3),
    "LambdaLR": run(lambda o: L.LambdaLR(o, lambda e: 0.95 ** e), sgd(0.1), 2),
    "MultiplicativeLR": run(lambda o: L.MultiplicativeLR(o, lambda e: 0.5), sgd(1.0), 2),
}
print(json.dumps(out, indent=1))
