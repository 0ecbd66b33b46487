package org.lr4j.torch;

import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.lr4j.group.ParamGroups;

/**
 * PyTorch's {@code LambdaLR}: every group's rate is its base rate times a function of the epoch,
 * <pre>
 *   lr = initial_lr * lr_lambda(last_epoch)
 * </pre>
 * one function for every group, or one per group. transformers' schedules are {@code LambdaLR}s
 * ({@link org.lr4j.transformers}).
 *
 * <p>Example (asserted by {@code TorchLambdaTest}): {@code lr = 0.1}, {@code lr_lambda = e -> 0.95^e}:
 * 0.1 after construction, {@code 0.095} after one step, {@code 0.09025} after two.
 *
 * <p>State: the functions are code, not state (PyTorch saves only a callable object's fields); a restored
 * {@code LambdaLR} must be built with the same functions.
 */
public final class LambdaLR extends AbstractTorchScheduler {
    private final LongToDoubleFunction[] lambdas;

    private LambdaLR(ParamGroups groups, LongToDoubleFunction[] lambdas) {
        super("LambdaLR", groups);
        this.lambdas = lambdas;
    }

    /**
     * A {@code LambdaLR} with one function for every group (built at once: the initial step is done).
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param lrLambda {@code lr_lambda}
     * @return the scheduler
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when a group has no {@code lr}
     */
    public static LambdaLR of(ParamGroups groups, LongToDoubleFunction lrLambda) {
        if (lrLambda == null) {
            throw new NullPointerException("lr_lambda must be given, got null");
        }
        return of(groups, java.util.Collections.nCopies(checkGroups(groups).size(), lrLambda));
    }

    /**
     * A {@code LambdaLR} with one function per group.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param lrLambdas {@code lr_lambdas}
     * @return the scheduler
     * @throws NullPointerException when an argument or a function is null
     * @throws IllegalArgumentException when the functions are not one per group ({@code Expected N
     *     lr_lambdas, but got M}) or a group has no {@code lr}
     */
    public static LambdaLR of(ParamGroups groups, List<? extends LongToDoubleFunction> lrLambdas) {
        LongToDoubleFunction[] fns = lambdas(groups, lrLambdas);
        LambdaLR s = new LambdaLR(groups, fns);
        s.initialStep();
        return s;
    }

    static LongToDoubleFunction[] lambdas(ParamGroups groups, List<? extends LongToDoubleFunction> lrLambdas) {
        checkGroups(groups);
        if (lrLambdas == null || TorchChecks.hasNull(lrLambdas)) {
            throw new NullPointerException("lr_lambda must be given, got null");
        }
        if (lrLambdas.size() != groups.size()) {
            throw new IllegalArgumentException("lr_lambda must be one function per group: Expected " + groups.size()
                    + " lr_lambdas, but got " + lrLambdas.size());
        }
        return lrLambdas.toArray(new LongToDoubleFunction[0]);
    }

    /**
     * Group {@code g}'s function.
     *
     * @param g the group, {@code 0 <= g < size}
     * @return its {@code lr_lambda}
     */
    public LongToDoubleFunction lrLambda(int g) {
        return lambdas[g];
    }

    @Override
    double[] getLr() {
        double[] out = new double[n];
        for (int g = 0; g < n; g++) {
            out[g] = baseLrs[g] * lambdas[g].applyAsDouble(lastEpoch);
        }
        return out;
    }
}
