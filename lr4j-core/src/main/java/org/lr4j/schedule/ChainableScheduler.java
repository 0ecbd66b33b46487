package org.lr4j.schedule;

/**
 * A chainable scheduler: the rates it writes at a step are computed from the rates the groups hold
 * before it (PyTorch's recursive form, as its {@code CosineAnnealingLR.get_lr()} and
 * {@code ChainedScheduler} do: {@code lr_t = f(lr_{t-1}, t)}), so several such schedulers may write the
 * same groups in turn, and the result depends on the order of the steps. Step it once per {@code t}, in
 * order; its {@link #state()} holds the groups' rates, which is all it depends on besides {@code t}.
 *
 * <p>lr4j's timm schedulers are {@link TimeScheduler}s or {@link MetricScheduler}s; this kind is the
 * place for PyTorch's recursive schedulers.
 */
public interface ChainableScheduler extends LRScheduler {
}
