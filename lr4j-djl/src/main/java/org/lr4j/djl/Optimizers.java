package org.lr4j.djl;

import org.lr4j.schedule.InvalidValueException;
import ai.djl.training.optimizer.Adam;
import ai.djl.training.optimizer.AdamW;
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
 *   <caption>Optimizers</caption>
 *   <tr><th>{@code --opt}</th><th>update</th><th>implementation</th></tr>
 *   <tr><td>{@code sgd}, {@code nesterov}</td><td>SGD with Nesterov momentum (timm's {@code sgd} is
 *       Nesterov)</td><td>lr4j's (DJL's {@code Nag} is not implemented on PyTorch)</td></tr>
 *   <tr><td>{@code momentum}</td><td>SGD with momentum</td><td>DJL {@code Sgd},
 *       {@code setLearningRateTracker}</td></tr>
 *   <tr><td>{@code adam}</td><td>Adam, L2 weight decay</td><td>DJL {@code Adam},
 *       {@code optLearningRateTracker}</td></tr>
 *   <tr><td>{@code adamw}</td><td>AdamW, decoupled weight decay</td><td>DJL {@code AdamW},
 *       {@code optLearningRateTracker}</td></tr>
 *   <tr><td>{@code rmsprop}</td><td>RMSprop, {@code alpha = 0.9}, {@code eps = 1e-8}, momentum</td>
 *       <td>lr4j's (DJL's is not implemented on PyTorch)</td></tr>
 *   <tr><td>{@code adagrad}</td><td>Adagrad, {@code eps = 1e-8}</td><td>lr4j's (DJL's is not
 *       implemented on PyTorch)</td></tr>
 * </table>
 *
 * <p>Adam and AdamW use {@code beta1 = 0.9}, {@code beta2 = 0.999}, {@code eps = 1e-8}, as PyTorch.
 * {@code beginNumUpdate} is the number of updates already done (on resume), so that update counts
 * (Adam's bias correction) continue.
 *
 * <pre>{@code
 * Optimizer opt = Optimizers.create("adamw", groups, 0.9, 0);
 * TrainingConfig config = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss()).optOptimizer(opt);
 * }</pre>
 */
public final class Optimizers {
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
     * @throws IllegalArgumentException when {@code opt} is unknown, {@code momentum} is negative or not
     *     finite, Nesterov momentum is 0, or {@code beginNumUpdate} is negative or too large
     */
    public static Optimizer create(String opt, DjlParamGroups groups, double momentum, long beginNumUpdate) {
        return create(opt, groups, groups.tracker(), momentum, beginNumUpdate);
    }

    /**
     * The optimizer {@code opt} over {@code groups}, reading learning rates from {@code tracker} instead of
     * the groups' own (for a tracker that wraps {@link DjlParamGroups#tracker()}, to log or check what
     * the optimizer reads).
     *
     * @throws IllegalArgumentException as {@link #create(String, DjlParamGroups, double, long)}
     */
    public static Optimizer create(String opt, DjlParamGroups groups, ParameterTracker tracker, double momentum,
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
        float m = (float) momentum;
        List<Optimizer> delegates = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            float wd = (float) groups.weightDecay(g);
            int group = g;
            java.util.function.DoubleSupplier live = groups.momentumKind() == org.lr4j.group.MomentumKind.MOMENTUM
                    ? () -> groups.momentum(group) : () -> m;
            delegates.add(switch (name) {
                case "sgd", "nesterov" -> new TorchSgd(torch(t, wd, begin), live, true);
                case "momentum" -> Optimizer.sgd().setLearningRateTracker(t).optMomentum(m).optWeightDecays(wd)
                        .optBeginNumUpdate(begin).build();
                case "adam" -> Adam.builder().optLearningRateTracker(t).optWeightDecays(wd)
                        .optBeginNumUpdate(begin).build();
                case "adamw" -> AdamW.builder().optLearningRateTracker(t).optWeightDecays(wd)
                        .optBeginNumUpdate(begin).build();
                case "rmsprop" -> new TorchRmsProp(torch(t, wd, begin), 0.9f, 1e-8f, m);
                case "adagrad" -> new TorchAdagrad(torch(t, wd, begin), 1e-8f);
                default -> throw new AssertionError(name);
            });
        }
        return new GroupedOptimizer(groups, delegates);
    }

    /**
     * {@code opt} in lower case when it is a known name.
     *
     * @throws IllegalArgumentException naming the valid names when it is not
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
