package org.lr4j.group;

/**
 * Which momentum an optimizer's groups carry, for the schedulers that cycle it (PyTorch's
 * {@code CyclicLR} and {@code OneCycleLR} with {@code cycle_momentum=True}).
 *
 * <ul>
 *   <li>{@link #NONE}: no momentum field ({@code 'momentum' not in optimizer.defaults} and no
 *       {@code betas});</li>
 *   <li>{@link #MOMENTUM}: SGD's {@code group['momentum']};</li>
 *   <li>{@link #BETA1}: Adam's (and AdamW's) {@code group['betas'][0]}; {@code betas[1]} is never
 *       touched by a scheduler.</li>
 * </ul>
 */
public enum MomentumKind {
    /** No momentum to cycle. */
    NONE,
    /** SGD's {@code momentum}. */
    MOMENTUM,
    /** Adam's {@code betas[0]}. */
    BETA1
}
