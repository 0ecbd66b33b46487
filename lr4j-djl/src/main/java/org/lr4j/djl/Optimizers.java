package org.lr4j.djl;

import org.lr4j.schedule.InvalidValueException;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * timm's {@code create_optimizer} names over DJL: one optimizer per parameter group (each with the
 * group's weight decay), every one reading its learning rate from the groups' tracker, so that an lr4j
 * scheduler drives it.
 *
 * <table>
 *   <caption>Optimizers (all lr4j's, {@link TorchStyleOptimizer}: PyTorch's update rules)</caption>
 *   <tr><th>{@code --opt}</th><th>PyTorch</th></tr>
 *   <tr><td>{@code sgd}, {@code nesterov}</td><td>{@code SGD(momentum, nesterov=True)} (timm's {@code sgd}
 *       is Nesterov)</td></tr>
 *   <tr><td>{@code momentum}</td><td>{@code SGD(momentum, nesterov=False)}</td></tr>
 *   <tr><td>{@code adam}</td><td>{@code Adam} (L2 weight decay)</td></tr>
 *   <tr><td>{@code adamw}</td><td>{@code AdamW} (decoupled weight decay)</td></tr>
 *   <tr><td>{@code rmsprop}</td><td>{@code RMSprop(alpha=0.9, eps=1e-8, momentum)}, as timm creates it</td></tr>
 *   <tr><td>{@code adagrad}</td><td>{@code Adagrad(eps=1e-8)}, as timm creates it</td></tr>
 * </table>
 *
 * <p>Adam and AdamW use {@code beta1 = 0.9}, {@code beta2 = 0.999}, {@code eps = 1e-8}, as PyTorch; on groups
 * that carry Adam's {@code betas[0]} ({@link DjlParamGroups#withBeta1}) they read {@code beta1} from the group at
 * every update, so that {@code OneCycleLR}/{@code CyclicLR} cycle it; SGD reads the momentum of groups that carry
 * one ({@link DjlParamGroups#withMomentum}) the same way.
 * {@code beginNumUpdate} is the number of updates already done (on resume), so that the learning-rate
 * tracker's update numbers continue; the optimizers' own step counts are their state.
 *
 * <pre>{@code
 * Optimizer opt = Optimizers.create("adamw", groups, 0.9, 0);
 * TrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(opt);
 * }</pre>
 */
public final class Optimizers {
    /** Adam's {@code betas[0]} when the groups carry none of their own (PyTorch's default). */
    private static final double ADAM_BETA1 = 0.9;

    /** The valid {@code --opt} names. */
    public static final List<String> NAMES = List.of("sgd", "momentum", "nesterov", "adam", "adamw", "rmsprop",
            "adagrad");

    private Optimizers() {
    }

    /**
     * The optimizer {@code opt} over {@code groups}.
     *
     * @param opt a name of {@link #NAMES} (case-insensitive)
     * @param groups the parameter groups (learning rates and weight decays)
     * @param momentum momentum of {@code sgd}, {@code nesterov}, {@code momentum}, {@code rmsprop}
     * @param beginNumUpdate updates already done (0 for a new run)
     * @return one optimizer that updates each group's parameters with its weight decay and live rate
     * @throws IllegalArgumentException when {@code opt} is unknown, {@code momentum} is negative or not
     *     finite, Nesterov momentum is 0, or {@code beginNumUpdate} is negative or too large
     */
    public static GroupedOptimizer create(String opt, DjlParamGroups groups, double momentum, long beginNumUpdate) {
        return create(opt, groups, groups.tracker(), momentum, beginNumUpdate);
    }

    /**
     * The optimizer {@code opt} over {@code groups}, reading learning rates from {@code tracker} instead of
     * the groups' own (for a tracker that wraps {@link DjlParamGroups#tracker()}, to log or check what
     * the optimizer reads).
     *
     * @param opt a name of {@link #NAMES} (case-insensitive)
     * @param groups the parameter groups (weight decays)
     * @param tracker what the optimizer reads learning rates from
     * @param momentum momentum of {@code sgd}, {@code nesterov}, {@code momentum}, {@code rmsprop}
     * @param beginNumUpdate updates already done (0 for a new run)
     * @return one optimizer that updates each group's parameters with its weight decay
     * @throws IllegalArgumentException as {@link #create(String, DjlParamGroups, double, long)}, and when
     *     {@code tracker} is null
     */
    public static GroupedOptimizer create(String opt, DjlParamGroups groups, ParameterTracker tracker, double momentum,
            long beginNumUpdate) {
        if (tracker == null) {
            throw new IllegalArgumentException("tracker must not be null");
        }
        String name = checkName(opt);
        if (!(momentum >= 0) || Double.isInfinite(momentum)) {
            throw new InvalidValueException("momentum", "must be a finite number >= 0", String.valueOf(momentum));
        }
        if ((name.equals("sgd") || name.equals("nesterov")) && momentum == 0) {
            throw new InvalidValueException("momentum",
                    "must be > 0 for opt " + name + " (Nesterov momentum needs a momentum)", "0.0");
        }
        if (beginNumUpdate < 0 || beginNumUpdate > Integer.MAX_VALUE) {
            throw new InvalidValueException("begin_num_update", "must be in [0, " + Integer.MAX_VALUE + "]",
                    String.valueOf(beginNumUpdate));
        }
        ParameterTracker t = tracker;
        int begin = (int) beginNumUpdate;
        double m = momentum;
        List<Optimizer> delegates = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            float wd = (float) groups.weightDecay(g);
            int group = g;
            java.util.function.DoubleSupplier live = groups.momentumKind() == org.lr4j.group.MomentumKind.MOMENTUM
                    ? () -> groups.momentum(group) : () -> m;
            java.util.function.DoubleSupplier beta1 = groups.momentumKind() == org.lr4j.group.MomentumKind.BETA1
                    ? () -> groups.momentum(group) : () -> ADAM_BETA1;
            delegates.add(switch (name) {
                case "sgd", "nesterov" -> new TorchSgd(torch(t, wd, begin), live, true);
                case "momentum" -> new TorchSgd(torch(t, wd, begin), live, false);
                case "adam" -> new TorchAdam(torch(t, wd, begin), beta1, 0.999, 1e-8, false);
                case "adamw" -> new TorchAdam(torch(t, wd, begin), beta1, 0.999, 1e-8, true);
                case "rmsprop" -> new TorchRmsProp(torch(t, wd, begin), 0.9, 1e-8, m);
                case "adagrad" -> new TorchAdagrad(torch(t, wd, begin), 1e-8);
                default -> throw new AssertionError(name);
            });
        }
        return new GroupedOptimizer(name, groups, delegates);
    }

    /**
     * {@code opt} in lower case when it is a known name.
     *
     * @param opt an optimizer name, in any case
     * @return the name in lower case
     * @throws IllegalArgumentException naming the valid names when it is not, null included
     *     ({@code opt must be one of sgd, momentum, nesterov, adam, adamw, rmsprop, adagrad, got lamb})
     */
    public static String checkName(String opt) {
        String name = opt == null ? null : opt.toLowerCase(Locale.ROOT);
        if (name == null || !NAMES.contains(name)) {
            throw new InvalidValueException("opt", "must be one of " + String.join(", ", NAMES), String.valueOf(opt));
        }
        return name;
    }

    private static TorchStyleOptimizer.Builder torch(ParameterTracker t, float wd, int begin) {
        return new TorchStyleOptimizer.Builder().tracker(t).optWeightDecays(wd).optBeginNumUpdate(begin);
    }
}
