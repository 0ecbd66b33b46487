/**
 * lr4j core: timm's learning-rate schedulers reproduced exactly, with no dependencies.
 *
 * <ul>
 *   <li>{@link org.lr4j.schedule} — the {@link org.lr4j.schedule.LRScheduler} contract and the schedulers
 *       (tanh, cosine, poly, step, multistep, plateau);</li>
 *   <li>{@link org.lr4j.group} — an optimizer's parameter groups, which a scheduler writes;</li>
 *   <li>{@link org.lr4j.noise} — PyTorch's CPU generator and timm's noise;</li>
 *   <li>{@link org.lr4j.factory} — train.py's flags, its {@code create_scheduler} and its loop;</li>
 *   <li>{@link org.lr4j.python} — schedulers from a Python call: timm's keyword arguments, PyTorch's and
 *       transformers' calls as pasted ({@code OneCycleLR(max_lr=0.1, total_steps=1000)});</li>
 *   <li>{@link org.lr4j.torch} — PyTorch's {@code torch.optim.lr_scheduler}, exactly;</li>
 *   <li>{@link org.lr4j.transformers} — Hugging Face transformers' schedule functions;</li>
 *   <li>{@link org.lr4j.compose} — a sequence of any schedules, each in its own time;</li>
 *   <li>{@link org.lr4j.state} — save and restore of a scheduler's state.</li>
 * </ul>
 *
 * <p>{@code org.lr4j.internal} (checks, conversions, the reference-case harness of {@code lr4j replay})
 * is not exported: it is no part of the supported API.
 */
module org.lr4j.core {
    exports org.lr4j.schedule;
    exports org.lr4j.group;
    exports org.lr4j.noise;
    exports org.lr4j.factory;
    exports org.lr4j.python;
    exports org.lr4j.state;
    exports org.lr4j.torch;
    exports org.lr4j.transformers;
    exports org.lr4j.compose;
}
