package org.lr4j.factory;

import java.util.List;
import java.util.Map;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.group.ParamGroups;
import org.lr4j.internal.Checks;
import org.lr4j.noise.NoiseRange;
import org.lr4j.schedule.AbstractLRScheduler;
import org.lr4j.schedule.CosineLRScheduler;
import org.lr4j.schedule.CyclicLRScheduler;
import org.lr4j.schedule.InvalidValueException;
import org.lr4j.schedule.MultiStepLRScheduler;
import org.lr4j.schedule.PlateauLRScheduler;
import org.lr4j.schedule.PolyLRScheduler;
import org.lr4j.schedule.StepLRScheduler;
import org.lr4j.schedule.TanhLRScheduler;

/**
 * timm's {@code create_scheduler_v2} from train.py's flags.
 *
 * <ul>
 *   <li>{@code t_initial = epochs}, {@code warmup_t = warmup_epochs}, {@code decay_t = decay_epochs},
 *       {@code cooldown_t = cooldown_epochs}; with {@code sched_on_updates} each of these and every
 *       milestone is multiplied by {@code updates_per_epoch} and the scheduler runs in update mode.</li>
 *   <li>Noise: two fractions {@code [a, b]} become {@code [a * t_initial, b * t_initial]}; one fraction
 *       becomes the number {@code a * t_initial}; {@code noise_seed = seed}.</li>
 *   <li>tanh, cosine, poly take {@code lr_min = min_lr}, the cycle flags, the warmup flags and the noise;
 *       cosine and poly take {@code k_decay}; poly takes {@code power = decay_rate}.</li>
 *   <li>step and multistep take {@code decay_rate}, the warmup flags ({@code warmup_prefix} from the
 *       flag, default false), the noise and the mode; plateau (epoch mode only) takes
 *       {@code decay_rate}, {@code patience_t = patience_epochs}, {@code cooldown_t = 0}, the warmup
 *       without prefix, {@code lr_min = min_lr}, mode {@code min} when {@code eval_metric} contains
 *       {@code loss}, else {@code max}, and the noise.</li>
 *   <li>Epochs to train: {@code cycle_length() + cooldown_t} for the cyclic schedules (in update mode,
 *       integer-divided by {@code updates_per_epoch}); otherwise {@code epochs}, plus
 *       {@code warmup_epochs} when {@code warmup_prefix} is set.</li>
 * </ul>
 *
 * <p>Example (asserted by {@code FactoryTest}): {@code --sched tanh --epochs 20 --lr-cycle-limit 3
 * --lr-cycle-mul 1.5 --cooldown-epochs 5} trains {@code floor(20 * (1.5^3 - 1) / 0.5) + 5 = 100} epochs.
 */
public final class SchedulerFactory {
    private SchedulerFactory() {
    }

    /**
     * Creates the scheduler train.py would create for {@code config} on {@code groups}.
     *
     * @param updatesPerEpoch batches per epoch; must be {@code > 0} with {@code sched_on_updates}
     * @param config train.py's flags
     * @param groups the optimizer's groups, which the scheduler writes at once
     * @return the scheduler and the number of epochs to train, as {@code create_scheduler} returns them
     * @throws IllegalArgumentException when {@code sched_on_updates} is set without updates per epoch,
     *     with plateau, a derived parameter breaks its scheduler's rule, or a count in updates or the
     *     number of epochs does not fit in a {@code long}
     */
    public static CreatedScheduler create(SchedulerConfig config, ParamGroups groups, long updatesPerEpoch) {
        Checks.notNull("config", config);
        Checks.notNull("param_groups", groups);
        boolean onEpochs = !config.schedOnUpdates();
        long upe = 1;
        if (!onEpochs) {
            if (config.sched().equals("plateau")) {
                throw Checks.invalid("sched_on_updates", "be false for plateau (it steps on epochs only)", "true");
            }
            if (updatesPerEpoch <= 0) {
                throw Checks.invalid("updates_per_epoch", "be > 0 with sched_on_updates", updatesPerEpoch);
            }
            upe = updatesPerEpoch;
        }
        long tInitial = inUpdates("epochs", config.epochs(), upe);
        long warmupT = inUpdates("warmup_epochs", config.warmupEpochs(), upe);
        double decayT = finiteProduct("decay_epochs", config.decayEpochs(), upe);
        long cooldownT = inUpdates("cooldown_epochs", config.cooldownEpochs(), upe);
        double[] milestones = new double[config.decayMilestones().size()];
        for (int i = 0; i < milestones.length; i++) {
            milestones[i] = finiteProduct("decay_milestones[" + i + "]", config.decayMilestones().get(i), upe);
        }
        if (config.lrNoise() != null) {
            for (int i = 0; i < config.lrNoise().size(); i++) {
                finiteProduct("lr_noise[" + i + "]", config.lrNoise().get(i), tInitial);
            }
        }
        NoiseRange noise = noiseRange(config.lrNoise(), tInitial);
        try {
            return create(config, groups, upe, onEpochs, tInitial, warmupT, decayT, cooldownT, milestones, noise);
        } catch (InvalidValueException e) {
            String flag = flagOf(e.parameter(), config.sched());
            throw flag == null ? e : e.named(flag);
        }
    }

    private static CreatedScheduler create(SchedulerConfig config, ParamGroups groups, long upe, boolean onEpochs,
            long tInitial, long warmupT, double decayT, long cooldownT, double[] milestones, NoiseRange noise) {
        LRScheduler scheduler = switch (config.sched()) {
            case "tanh" -> {
                TanhLRScheduler.Builder b = TanhLRScheduler.builder(groups, tInitial).profile(config.timm());
                if (config.lb() != null) {
                    b.lb(config.lb());
                }
                if (config.ub() != null) {
                    b.ub(config.ub());
                }
                yield common(cycles(b, config), config, warmupT, onEpochs, noise).build();
            }
            case "cosine" -> common(cycles(CosineLRScheduler.builder(groups, tInitial), config)
                    .kDecay(config.lrKDecay()), config, warmupT, onEpochs, noise).build();
            case "poly" -> common(cycles(PolyLRScheduler.builder(groups, tInitial), config).kDecay(config.lrKDecay())
                    .power(config.decayRate()), config, warmupT, onEpochs, noise).build();
            case "step" -> common(StepLRScheduler.builder(groups, decayT).decayRate(config.decayRate())
                    .warmupPrefix(config.warmupPrefix()), config, warmupT, onEpochs, noise).build();
            case "multistep" -> common(MultiStepLRScheduler.builder(groups, milestones).decayRate(config.decayRate())
                    .warmupPrefix(config.warmupPrefix()), config, warmupT, onEpochs, noise).build();
            case "plateau" -> common(PlateauLRScheduler.builder(groups).decayRate(config.decayRate())
                    .patienceT(config.patienceEpochs()).cooldownT(0).lrMin(config.minLr())
                    .mode(config.evalMetric().contains("loss") ? PlateauLRScheduler.Mode.MIN : PlateauLRScheduler.Mode.MAX),
                    config, warmupT, true, noise).build();
            default -> throw Checks.invalid("sched", "be one of " + String.join(", ", SchedulerConfig.SCHEDULERS),
                    config.sched());
        };

        long numEpochs;
        try {
            if (scheduler instanceof CyclicLRScheduler cyclic) {
                long t = Math.addExact(cyclic.cycleLength(), cooldownT);
                numEpochs = onEpochs ? t : t / upe;
            } else {
                numEpochs = Math.addExact(config.epochs(), config.warmupPrefix() ? config.warmupEpochs() : 0);
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException("the number of epochs to train must fit in a long, got more"
                    + " than " + Long.MAX_VALUE + " (epochs=" + config.epochs() + ", lr_cycle_mul=" + config.lrCycleMul()
                    + ", lr_cycle_limit=" + config.lrCycleLimit() + ", cooldown_epochs=" + config.cooldownEpochs()
                    + ", warmup_epochs=" + config.warmupEpochs() + ")", e);
        }
        return new CreatedScheduler(scheduler, numEpochs);
    }

    /** The flag each scheduler parameter comes from ({@code decay_t}: by the schedule, below). */
    private static final Map<String, SchedulerOption<?>> SOURCES = Map.ofEntries(
            Map.entry("t_initial", SchedulerOption.EPOCHS), Map.entry("warmup_t", SchedulerOption.WARMUP_EPOCHS),
            Map.entry("warmup_lr_init", SchedulerOption.WARMUP_LR), Map.entry("lr_min", SchedulerOption.MIN_LR),
            Map.entry("cycle_mul", SchedulerOption.LR_CYCLE_MUL), Map.entry("cycle_decay", SchedulerOption.LR_CYCLE_DECAY),
            Map.entry("cycle_limit", SchedulerOption.LR_CYCLE_LIMIT), Map.entry("k_decay", SchedulerOption.LR_K_DECAY),
            Map.entry("power", SchedulerOption.DECAY_RATE), Map.entry("patience_t", SchedulerOption.PATIENCE_EPOCHS),
            Map.entry("noise_pct", SchedulerOption.LR_NOISE_PCT), Map.entry("noise_std", SchedulerOption.LR_NOISE_STD),
            Map.entry("noise_range_t", SchedulerOption.LR_NOISE));

    /**
     * The train.py flag a scheduler parameter comes from ({@code cycle_mul} from {@code lr_cycle_mul},
     * timm 0.4 tanh's {@code decay_rate} from the flag of {@code cycle_decay}), with any index or suffix kept ({@code decay_t[2]} from {@code decay_milestones[2]}); null for a
     * parameter that is not a flag's.
     */
    static String flagOf(String parameter, String sched) {
        int end = 0;
        while (end < parameter.length() && (Character.isLetterOrDigit(parameter.charAt(end)) || parameter.charAt(end) == '_')) {
            end++;
        }
        String name = parameter.substring(0, end);
        SchedulerOption<?> source = name.equals("decay_t")
                ? (sched.equals("multistep") ? SchedulerOption.DECAY_MILESTONES : SchedulerOption.DECAY_EPOCHS)
                : name.equals("decay_rate") && sched.equals("tanh") ? SOURCES.get("cycle_decay") // timm 0.4's name
                : SOURCES.get(name);
        return source == null ? null : source.name() + parameter.substring(end);
    }

    /** {@code value * factor}, refused when it overflows. */
    private static double finiteProduct(String flag, double value, long factor) {
        double product = value * factor;
        if (!Double.isFinite(product)) {
            throw Checks.invalid(flag + " * " + (flag.startsWith("lr_noise") ? "t_initial" : "updates_per_epoch"),
                    "be finite", value + " * " + factor);
        }
        return product;
    }

    /** {@code epochs * updatesPerEpoch}, refused when it does not fit in a {@code long}. */
    private static long inUpdates(String flag, long epochs, long updatesPerEpoch) {
        try {
            return Math.multiplyExact(epochs, updatesPerEpoch);
        } catch (ArithmeticException e) {
            throw Checks.invalid(flag + " * updates_per_epoch", "be <= " + Long.MAX_VALUE,
                    epochs + " * " + updatesPerEpoch);
        }
    }

    /**
     * The cycle flags of tanh, cosine and poly; with timm 0.4, tanh's {@code decay_rate} and
     * {@code warmup_prefix} as their options describe.
     */
    private static <B extends CyclicLRScheduler.CycleBuilder<B, ?>> B cycles(B b, SchedulerConfig c) {
        return b.lrMin(c.minLr()).cycleMul(c.lrCycleMul()).cycleLimit(c.lrCycleLimit()).cycleDecay(c.lrCycleDecay())
                .warmupPrefix(c.warmupPrefix());
    }

    private static <B extends AbstractLRScheduler.Builder<B, ?>> B common(B b, SchedulerConfig c, long warmupT,
            boolean onEpochs, NoiseRange noise) {
        return b.warmupT(warmupT).warmupLrInit(c.warmupLr()).tInEpochs(onEpochs).noiseRangeT(noise)
                .noisePct(c.lrNoisePct()).noiseStd(c.lrNoiseStd()).noiseSeed(c.seed());
    }

    /** The noise range for {@code --lr-noise} fractions of {@code tInitial}. */
    static NoiseRange noiseRange(List<Double> fractions, long tInitial) {
        if (fractions == null) {
            return NoiseRange.none();
        }
        if (fractions.size() == 1) {
            return NoiseRange.from(fractions.get(0) * tInitial);
        }
        return NoiseRange.between(fractions.get(0) * tInitial, fractions.get(1) * tInitial);
    }
}
