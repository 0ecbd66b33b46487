package org.lr4j.torch;

import java.util.List;
import java.util.function.LongToDoubleFunction;
import org.lr4j.group.ParamGroups;

/**
 * PyTorch's {@code MultiplicativeLR}: every step after the first multiplies the current rate by a
 * function of the epoch,
 * <pre>
 *   lr = lr * lr_lambda(last_epoch)   (last_epoch > 0; unchanged at epoch 0)
 * </pre>
 *
 * <p>Example (asserted by {@code TorchLambdaTest}): {@code lr = 1}, {@code lr_lambda = e -> 0.5}:
 * 1 after construction, 0.5 after one step, 0.25 after two.
 */
public final class MultiplicativeLR extends AbstractTorchScheduler {
    private final LongToDoubleFunction[] lambdas;

    private MultiplicativeLR(ParamGroups groups, LongToDoubleFunction[] lambdas) {
        super("MultiplicativeLR", groups);
        this.lambdas = lambdas;
    }

    /**
     * One function for every group (built at once: the initial step is done).
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param lrLambda {@code lr_lambda}
     * @return the scheduler
     * @throws NullPointerException when an argument is null
     * @throws IllegalArgumentException when a group has no {@code lr}
     */
    public static MultiplicativeLR of(ParamGroups groups, LongToDoubleFunction lrLambda) {
        if (lrLambda == null) {
            throw new NullPointerException("lr_lambda must be given, got null");
        }
        return of(groups, java.util.Collections.nCopies(checkGroups(groups).size(), lrLambda));
    }

    /**
     * One function per group.
     *
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @param lrLambdas {@code lr_lambdas}
     * @return the scheduler
     * @throws NullPointerException when an argument or a function is null
     * @throws IllegalArgumentException when the functions are not one per group, or a group has no {@code lr}
     */
    public static MultiplicativeLR of(ParamGroups groups, List<? extends LongToDoubleFunction> lrLambdas) {
        MultiplicativeLR s = new MultiplicativeLR(groups, LambdaLR.lambdas(groups, lrLambdas));
        s.initialStep();
        return s;
    }

    @Override
    double[] getLr() {
        double[] out = groups.lrs();
        if (lastEpoch > 0) {
            for (int g = 0; g < n; g++) {
                out[g] = out[g] * lambdas[g].applyAsDouble(lastEpoch);
            }
        }
        return out;
    }
}
