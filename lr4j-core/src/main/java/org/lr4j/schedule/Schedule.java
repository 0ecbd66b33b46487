package org.lr4j.schedule;

/**
 * A learning-rate schedule as a pure function: the value at {@code t} for a group whose base learning
 * rate is {@code base} (timm's {@code _get_lr(t)} for one group). Implementations are immutable and
 * thread-safe; every timm schedule computes each group independently of the others.
 *
 * <p>Schedules combine: {@link Warmup} wraps a decay schedule, as optax chains a warmup with a decay.
 */
@FunctionalInterface
public interface Schedule {
    /**
     * The learning rate at {@code t >= 0} for base rate {@code base}.
     *
     * @param t the epoch or update count, {@code >= 0}
     * @param base the group's base learning rate
     * @return the learning rate at {@code t}
     */
    double value(long t, double base);
}
