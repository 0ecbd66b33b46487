package org.lr4j.schedule;

/**
 * A metric-driven scheduler: the rates it writes depend on the eval metrics passed to
 * {@link #step(long, double)} so far (its counters are part of its {@link #state()}), so it has no value
 * for a {@code t} on its own and must be stepped in order. {@link PlateauLRScheduler} (timm's
 * reduce-on-plateau) is of this kind; {@link #step(long)} passes no metric (a step on which nothing is
 * decided, as train.py's resume call).
 */
public interface MetricScheduler extends LRScheduler {
    /** {@return whether a lower metric is better (a loss) rather than a higher one (an accuracy)} */
    boolean minimises();
}
