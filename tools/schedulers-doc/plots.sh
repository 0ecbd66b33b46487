#!/usr/bin/env bash
# Draws the pictures of docs/schedulers.md with ./lr4j plot (run from the repository root).
set -euo pipefail
out=docs/schedulers
mkdir -p "$out"
p() { local name=$1; shift; ./lr4j plot --width 560 --height 320 "$@" -o "$out/$name.png" >/dev/null; }
# PyTorch
p StepLR --lr 0.1 --steps 100 --schedule "StepLR(step_size=30, gamma=0.1)"
p MultiStepLR --lr 0.1 --steps 100 --schedule "MultiStepLR(milestones=[30, 80], gamma=0.1)"
p ConstantLR --lr 0.1 --steps 50 --schedule "ConstantLR(factor=0.5, total_iters=20)"
p LinearLR --lr 0.1 --steps 50 --schedule "LinearLR(start_factor=0.1, total_iters=20)"
p ExponentialLR --lr 0.1 --steps 100 --schedule "ExponentialLR(gamma=0.95)"
p PolynomialLR --lr 0.1 --steps 100 --schedule "PolynomialLR(total_iters=80, power=2.0)"
p CosineAnnealingLR --lr 0.1 --steps 150 --schedule "CosineAnnealingLR(T_max=50, eta_min=0.001)"
p CosineAnnealingWarmRestarts --lr 0.1 --steps 150 --schedule "CosineAnnealingWarmRestarts(T_0=10, T_mult=2, eta_min=0.001)"
p CyclicLR --lr 0.1 --steps 100 --schedule "CyclicLR(base_lr=0.001, max_lr=0.1, step_size_up=10, mode='triangular2')"
p OneCycleLR --lr 0.1 --schedule "OneCycleLR(max_lr=0.1, total_steps=1000)"
metrics=$(python3 -c "print(','.join(str(round(1.0/(1+i) if i < 10 else 0.1, 4)) for i in range(59)))")
p ReduceLROnPlateau --lr 0.1 --steps 60 --metrics "$metrics" --schedule "ReduceLROnPlateau(patience=5, factor=0.5)"
p SequentialLR --lr 0.1 --schedule "SequentialLR(schedulers=[LinearLR(start_factor=0.1, total_iters=5), CosineAnnealingLR(T_max=95)], milestones=[5])"
p ChainedScheduler --lr 0.1 --steps 100 --schedule "ChainedScheduler(schedulers=[ConstantLR(factor=0.1, total_iters=10), ExponentialLR(gamma=0.97)])"
# transformers
p get_constant_schedule --lr 5e-5 --steps 100 --schedule "get_constant_schedule()"
p get_constant_schedule_with_warmup --lr 5e-5 --steps 100 --schedule "get_constant_schedule_with_warmup(num_warmup_steps=10)"
p get_linear_schedule_with_warmup --lr 5e-5 --schedule "get_linear_schedule_with_warmup(num_warmup_steps=10, num_training_steps=100)"
p get_cosine_schedule_with_warmup --lr 5e-5 --schedule "get_cosine_schedule_with_warmup(num_warmup_steps=10, num_training_steps=100)"
p get_cosine_with_hard_restarts_schedule_with_warmup --lr 5e-5 --schedule "get_cosine_with_hard_restarts_schedule_with_warmup(num_warmup_steps=10, num_training_steps=100, num_cycles=3)"
p get_polynomial_decay_schedule_with_warmup --lr 5e-5 --schedule "get_polynomial_decay_schedule_with_warmup(num_warmup_steps=10, num_training_steps=100, lr_end=1e-6, power=2.0)"
p get_inverse_sqrt_schedule --lr 5e-5 --steps 100 --schedule "get_inverse_sqrt_schedule(num_warmup_steps=10)"
p get_cosine_with_min_lr_schedule_with_warmup --lr 5e-5 --schedule "get_cosine_with_min_lr_schedule_with_warmup(num_warmup_steps=10, num_training_steps=100, min_lr_rate=0.1)"
p get_cosine_with_min_lr_schedule_with_warmup_lr_rate --lr 5e-5 --schedule "get_cosine_with_min_lr_schedule_with_warmup_lr_rate(num_warmup_steps=10, num_training_steps=100, min_lr_rate=0.1, warmup_lr_rate=0.1)"
p get_wsd_schedule --lr 3e-4 --schedule "get_wsd_schedule(num_warmup_steps=100, num_decay_steps=200, num_training_steps=1000)"
p get_wsd_schedule-1-sqrt --lr 3e-4 --schedule "get_wsd_schedule(num_warmup_steps=100, num_decay_steps=200, num_training_steps=1000, warmup_type='cosine', decay_type='1-sqrt', min_lr_ratio=0.1)"
p get_reduce_on_plateau_schedule --lr 5e-5 --steps 60 --metrics "$metrics" --schedule "get_reduce_on_plateau_schedule(patience=5)"
p get_scheduler --lr 5e-5 --schedule "get_scheduler('cosine', num_warmup_steps=10, num_training_steps=100)"
# timm (train.py's flags)
p timm-cosine --sched cosine --epochs 50 --lr 0.1 --warmup-epochs 5
p timm-tanh --sched tanh --epochs 50 --lr 0.1 --warmup-epochs 5
p timm-poly --sched poly --epochs 50 --lr 0.1 --warmup-epochs 5 --decay-rate 2
p timm-step --sched step --epochs 100 --lr 0.1 --warmup-epochs 5 --decay-epochs 30 --decay-rate 0.1
p timm-multistep --sched multistep --epochs 100 --lr 0.1 --warmup-epochs 5 --decay-milestones 30 60 90 --decay-rate 0.1
