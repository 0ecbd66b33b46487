package org.lr4j.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.lr4j.factory.SchedulerConfig;
import org.lr4j.schedule.Profile;
import picocli.CommandLine.Option;

/**
 * The schedule flags of timm's train.py, spelt as train.py spells them, plus {@code --lb}, {@code --ub}
 * and {@code --timm 0.4}; shared by {@code table}, {@code plot} and {@code train}. A flag that is not
 * given keeps its value from {@code --from-args} or train.py's default ({@link SchedulerConfig}).
 */
public final class ScheduleOptions {
    @Option(names = "--from-args", paramLabel = "FILE",
            description = "Start from a train.py args.yaml (or JSON) of a timm run; flags given here override it.")
    Path fromArgs;

    @Option(names = "--sched", paramLabel = "NAME",
            description = "Schedule: cosine, tanh, step, multistep, plateau, poly (default: cosine).")
    String sched;

    @Option(names = "--epochs", paramLabel = "N", description = "Epochs to train; t_initial (default: 300).")
    Long epochs;

    @Option(names = "--lr", paramLabel = "LR",
            description = "Learning rate (default: derived from --lr-base and the batch size: 0.05).")
    Double lr;

    @Option(names = "--lr-base", paramLabel = "LR", description = "Base learning rate for --lr-base-size (default: 0.1).")
    Double lrBase;

    @Option(names = "--lr-base-size", paramLabel = "N", description = "Batch size of --lr-base (default: 256).")
    Double lrBaseSize;

    @Option(names = "--lr-base-scale", paramLabel = "linear|sqrt",
            description = "How the batch ratio scales --lr-base (default: sqrt for ada*/lamb optimizers, else linear).")
    String lrBaseScale;

    @Option(names = {"-b", "--batch-size"}, paramLabel = "N", description = "Batch size (default: 128).")
    Long batchSize;

    @Option(names = "--opt", paramLabel = "NAME", description = "Optimizer name (default: sgd).")
    String opt;

    @Option(names = "--min-lr", paramLabel = "LR", description = "Floor of the schedule; lr_min (default: 0).")
    Double minLr;

    @Option(names = "--warmup-lr", paramLabel = "LR", description = "Warmup start; warmup_lr_init (default: 1e-5).")
    Double warmupLr;

    @Option(names = "--warmup-epochs", paramLabel = "N", description = "Warmup length; warmup_t (default: 5).")
    Long warmupEpochs;

    @Option(names = "--warmup-prefix", arity = "0..1", paramLabel = "BOOL",
            description = "Start the schedule after the warmup (default: false).")
    Boolean warmupPrefix;

    @Option(names = "--cooldown-epochs", paramLabel = "N", description = "Epochs at lr_min after the cycles (default: 0).")
    Long cooldownEpochs;

    @Option(names = "--decay-epochs", paramLabel = "N", description = "step: epochs between decays; decay_t (default: 90).")
    Double decayEpochs;

    @Option(names = "--decay-milestones", arity = "1..*", paramLabel = "N",
            description = "multistep: sorted milestones (default: 90 180 270).")
    List<Double> decayMilestones;

    @Option(names = "--decay-rate", paramLabel = "R",
            description = "step/multistep/plateau: decay factor; poly: power (default: 0.1).")
    Double decayRate;

    @Option(names = "--patience-epochs", paramLabel = "N", description = "plateau: patience_t (default: 10).")
    Long patienceEpochs;

    @Option(names = "--lr-noise", arity = "1..2", paramLabel = "FRACTION",
            description = "Noise from this fraction of t_initial, or between two fractions (default: none).")
    List<Double> lrNoise;

    @Option(names = "--lr-noise-pct", paramLabel = "P", description = "Noise bound; noise_pct (default: 0.67).")
    Double lrNoisePct;

    @Option(names = "--lr-noise-std", paramLabel = "S", description = "noise_std, no effect as in timm (default: 1.0).")
    Double lrNoiseStd;

    @Option(names = "--seed", paramLabel = "N", description = "Seed, also noise_seed (default: 42).")
    Long seed;

    @Option(names = "--lr-cycle-mul", paramLabel = "M", description = "Cycle length multiplier; cycle_mul (default: 1.0).")
    Double lrCycleMul;

    @Option(names = "--lr-cycle-decay", paramLabel = "D", description = "Peak decay per cycle; cycle_decay (default: 0.5).")
    Double lrCycleDecay;

    @Option(names = "--lr-cycle-limit", paramLabel = "N", description = "Number of cycles; cycle_limit (default: 1).")
    Long lrCycleLimit;

    @Option(names = "--lr-k-decay", paramLabel = "K", description = "cosine/poly: k_decay (default: 1.0).")
    Double lrKDecay;

    @Option(names = "--sched-on-updates", arity = "0..1", paramLabel = "BOOL",
            description = "Step the schedule on optimizer updates, not epochs (default: false).")
    Boolean schedOnUpdates;

    @Option(names = "--eval-metric", paramLabel = "NAME",
            description = "Eval metric; plateau minimises it when it contains 'loss' (default: top1).")
    String evalMetric;

    @Option(names = "--lb", paramLabel = "L", description = "tanh: lower bound of the tanh interval (default: -7; -6 with --timm 0.4).")
    Double lb;

    @Option(names = "--ub", paramLabel = "U", description = "tanh: upper bound of the tanh interval (default: 3; 4 with --timm 0.4).")
    Double ub;

    @Option(names = "--timm", paramLabel = "VERSION",
            description = "Semantics: current (default) or 0.4, the tutorial's timm (tanh only).")
    String timm;

    /**
     * The configuration these flags describe.
     *
     * @throws UsageError naming the flag or file that is wrong
     */
    public SchedulerConfig toConfig() {
        SchedulerConfig.Builder b = fromArgs == null ? SchedulerConfig.builder() : readArgs(fromArgs).toBuilder();
        try {
            if (sched != null) {
                b.sched(sched);
            }
            if (epochs != null) {
                b.epochs(epochs);
            }
            if (lr != null) {
                b.lr(lr);
            }
            if (lrBase != null) {
                b.lrBase(lrBase);
            }
            if (lrBaseSize != null) {
                b.lrBaseSize(lrBaseSize);
            }
            if (lrBaseScale != null) {
                b.lrBaseScale(lrBaseScale);
            }
            if (batchSize != null) {
                b.batchSize(batchSize);
            }
            if (opt != null) {
                b.opt(opt);
            }
            if (minLr != null) {
                b.minLr(minLr);
            }
            if (warmupLr != null) {
                b.warmupLr(warmupLr);
            }
            if (warmupEpochs != null) {
                b.warmupEpochs(warmupEpochs);
            }
            if (warmupPrefix != null) {
                b.warmupPrefix(warmupPrefix);
            }
            if (cooldownEpochs != null) {
                b.cooldownEpochs(cooldownEpochs);
            }
            if (decayEpochs != null) {
                b.decayEpochs(decayEpochs);
            }
            if (decayMilestones != null) {
                b.decayMilestones(new ArrayList<>(decayMilestones));
            }
            if (decayRate != null) {
                b.decayRate(decayRate);
            }
            if (patienceEpochs != null) {
                b.patienceEpochs(patienceEpochs);
            }
            if (lrNoise != null) {
                b.lrNoise(new ArrayList<>(lrNoise));
            }
            if (lrNoisePct != null) {
                b.lrNoisePct(lrNoisePct);
            }
            if (lrNoiseStd != null) {
                b.lrNoiseStd(lrNoiseStd);
            }
            if (seed != null) {
                b.seed(seed);
            }
            if (lrCycleMul != null) {
                b.lrCycleMul(lrCycleMul);
            }
            if (lrCycleDecay != null) {
                b.lrCycleDecay(lrCycleDecay);
            }
            if (lrCycleLimit != null) {
                b.lrCycleLimit(lrCycleLimit);
            }
            if (lrKDecay != null) {
                b.lrKDecay(lrKDecay);
            }
            if (schedOnUpdates != null) {
                b.schedOnUpdates(schedOnUpdates);
            }
            if (evalMetric != null) {
                b.evalMetric(evalMetric);
            }
            if (lb != null) {
                b.lb(lb);
            }
            if (ub != null) {
                b.ub(ub);
            }
            if (timm != null) {
                b.timm(Profile.fromLabel(timm));
            }
            SchedulerConfig config = b.build();
            if (config.timm() == Profile.TIMM_0_4 && !config.sched().equals("tanh")) {
                throw new IllegalArgumentException("timm 0.4 is supported for --sched tanh only, got " + config.sched());
            }
            return config;
        } catch (IllegalArgumentException e) {
            throw new UsageError(asFlags(e.getMessage()), e);
        }
    }

    /**
     * Reads a train.py {@code args.yaml} or JSON file into a configuration.
     *
     * @throws UsageError naming the file when it is unreadable, malformed, or holds a bad value
     */
    static SchedulerConfig readArgs(Path file) {
        Map<String, Object> map = Json.readMap(file);
        try {
            return SchedulerConfig.fromArgs(map);
        } catch (IllegalArgumentException e) {
            throw new UsageError(file + ": " + e.getMessage(), e);
        }
    }

    /** Rewrites a message that starts with a train.py name ({@code min_lr must ...}) to its flag. */
    static String asFlags(String message) {
        if (message == null) {
            return "invalid schedule";
        }
        int end = 0;
        while (end < message.length() && (Character.isLetterOrDigit(message.charAt(end)) || message.charAt(end) == '_')) {
            end++;
        }
        String name = message.substring(0, end);
        if (SchedulerConfig.ARG_NAMES.contains(name)) {
            return "--" + name.replace('_', '-') + message.substring(end);
        }
        return message;
    }
}
