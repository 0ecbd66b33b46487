package org.lr4j.torch;

import org.lr4j.group.ParamGroups;

/**
 * What the builders of {@link ConstantLR}, {@link LinearLR} and {@link PolynomialLR} share: the groups and
 * {@code total_iters} (PyTorch's default 5 in all three).
 *
 * @param <B> the builder
 */
abstract class TotalItersBuilder<B extends TotalItersBuilder<B>> {
    final ParamGroups groups;
    long totalIters = 5;

    TotalItersBuilder(ParamGroups groups) {
        this.groups = groups;
    }

    /**
     * {@code total_iters}: the epochs over which the factor applies or moves (default 5).
     *
     * @param value {@code total_iters}
     * @return this builder
     */
    @SuppressWarnings("unchecked")
    public B totalIters(long value) {
        this.totalIters = value;
        return (B) this;
    }
}
