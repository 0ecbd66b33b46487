package org.lr4j.factory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.lr4j.group.ParamGroupList;
import org.lr4j.schedule.Profile;

/**
 * Schedules that timm accepts silently but that cannot work as meant, found from a
 * {@link SchedulerConfig}'s values alone. lr4j still runs them exactly as timm does; the command line
 * prints these words as one {@code lr4j: warning:} line on stderr. Each message says what is wrong and
 * which flag to change. The cases (and why each is certain, not a guess) are listed in
 * {@code docs/warnings.md}:
 *
 * <ol>
 *   <li>the learning rate is 0;</li>
 *   <li>the warmup lasts the whole schedule ({@code --warmup-epochs} at least the schedule's epochs,
 *       without {@code --warmup-prefix}); for tanh the warmup then heads for {@code --min-lr};</li>
 *   <li>{@code --lr-cycle-limit 0} with current timm: no cycle at all, the rate is {@code --min-lr};</li>
 *   <li>a cycle decay of 0 with more than one cycle: every later cycle runs at {@code --min-lr};</li>
 *   <li>{@code --min-lr} not below {@code --lr} (cosine, tanh, poly, plateau);</li>
 *   <li>{@code --sched poly --decay-rate 0}: the power 0 keeps the rate at {@code --lr};</li>
 *   <li>{@code --decay-rate} 1 or more with step, multistep or plateau: no decay, or a growing rate;</li>
 *   <li>step: {@code --decay-epochs} beyond the run's last epoch; multistep: milestones beyond the run;</li>
 *   <li>plateau: {@code --patience-epochs} too long for the epochs left after the warmup;</li>
 *   <li>{@code --lr-noise} whose range holds no epoch (update) of the run;</li>
 *   <li>{@code --cooldown-epochs} with step, multistep or plateau, which have no cooldown.</li>
 * </ol>
 *
 * <p>Example (asserted by {@code ScheduleWarningsTest}): {@code --sched tanh --epochs 5 --warmup-epochs 5}
 * gives one message that starts {@code --warmup-epochs 5 covers the whole 5-epoch tanh schedule}.
 */
public final class ScheduleWarnings {
    private ScheduleWarnings() {
    }

    /**
     * The warnings for {@code c}, in the order of the class comment; none for a configuration the factory
     * refuses (its error is what the user must see).
     *
     * @param c the configuration to check
     * @return one line per warning (without the {@code lr4j: warning:} prefix the CLI adds), empty when none
     * @throws NullPointerException when {@code c} is null
     */
    public static List<String> of(SchedulerConfig c) {
        if (c == null) {
            throw new NullPointerException("config must not be null");
        }
        long numEpochs;
        try {
            // one update per epoch: every length below is in epochs, in either mode
            numEpochs = SchedulerFactory.create(c, ParamGroupList.of(1.0), 1).numEpochs();
        } catch (IllegalArgumentException e) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        String sched = c.sched();
        boolean cyclic = sched.equals("tanh") || sched.equals("cosine") || sched.equals("poly");
        boolean current = c.timm() == Profile.CURRENT;
        double lr = c.effectiveLr();
        long warmup = c.warmupEpochs();

        if (lr == 0) {
            out.add("the learning rate is 0 (--lr, or --lr-base times the batch size): the run never trains;"
                    + " set --lr above 0");
        }

        // plateau never takes warmup_prefix
        boolean prefixed = c.warmupPrefix() && !sched.equals("plateau");
        // timm 0.4's tanh with cycle limit 0 restarts forever: its warmup target is in a later cycle
        boolean endless = !current && c.lrCycleLimit() == 0;
        long span = cyclic ? numEpochs - c.cooldownEpochs() : numEpochs;
        boolean allWarmup = warmup > 0 && !prefixed && !endless && warmup >= span;
        if (allWarmup) {
            String change = "lower --warmup-epochs below " + span
                    + (sched.equals("plateau") ? " or raise --epochs" : " or set --warmup-prefix");
            if (sched.equals("tanh")) {
                out.add("--warmup-epochs " + warmup + " covers the whole " + span + "-epoch tanh schedule: its warmup"
                        + " heads for the schedule's rate at epoch " + warmup + ", which is --min-lr " + num(c.minLr())
                        + " (not --lr " + num(lr) + "), and the schedule itself never runs"
                        + (c.minLr() == 0 ? ", so the run never trains" : "") + "; " + change);
            } else {
                out.add("--warmup-epochs " + warmup + " covers the whole " + span + "-epoch " + sched + " schedule:"
                        + " the rate only climbs from --warmup-lr " + num(c.warmupLr()) + " towards --lr " + num(lr)
                        + " and the schedule itself never runs; " + change);
            }
        }

        if (cyclic && current && c.lrCycleLimit() == 0) {
            out.add("--lr-cycle-limit 0 allows no cycle: after the warmup the rate is --min-lr " + num(c.minLr())
                    + " for the whole run (timm 0.4 read 0 as unlimited, current timm does not);"
                    + " set --lr-cycle-limit 1 or more");
        }
        SchedulerOption<Double> decay = SchedulerOption.LR_CYCLE_DECAY; // none given: the profile's, never 0
        if (cyclic && current && Double.valueOf(0.0).equals(c.get(decay)) && c.lrCycleLimit() > 1) {
            out.add(decay.flag() + " 0 gives every cycle after the first a peak of 0: those cycles run at"
                    + " --min-lr " + num(c.minLr()) + "; set " + decay.flag() + " above 0 or --lr-cycle-limit 1");
        }

        if ((cyclic || sched.equals("plateau")) && lr > 0 && c.minLr() >= lr) {
            out.add("--min-lr " + num(c.minLr()) + " is not below --lr " + num(lr) + ": "
                    + (sched.equals("plateau") ? "the plateau can never lower the rate"
                    : c.minLr() == lr ? "the " + sched + " schedule stays flat"
                    : "the " + sched + " schedule rises instead of decaying")
                    + "; set --min-lr below --lr");
        }

        if (sched.equals("poly") && c.decayRate() == 0) {
            out.add("--decay-rate 0 is poly's power 0: the rate stays at --lr " + num(lr)
                    + " until the cycle ends; set --decay-rate above 0 (timm's default is 0.1)");
        }
        boolean decays = sched.equals("step") || sched.equals("multistep") || sched.equals("plateau");
        if (decays && c.decayRate() >= 1) {
            out.add("--decay-rate " + num(c.decayRate()) + " "
                    + (c.decayRate() == 1 ? "never lowers the rate"
                    : "multiplies the rate by " + num(c.decayRate()) + " at each decay, so it grows")
                    + "; set --decay-rate below 1 (e.g. 0.1)");
        }

        // step/multistep: t (after the prefix) runs 0 .. epochs - 1, in epochs or in updates
        if (sched.equals("step") && c.decayRate() < 1) {
            double last = c.schedOnUpdates() ? c.epochs() : c.epochs() - 1;
            if (c.decayEpochs() > last || (c.schedOnUpdates() && c.decayEpochs() >= c.epochs())) {
                out.add("--decay-epochs " + num(c.decayEpochs()) + " is never reached in this " + c.epochs()
                        + "-epoch run: the rate never decays; set --decay-epochs "
                        + (c.schedOnUpdates() ? "below " + c.epochs() : "to at most " + num(last)) + " (or raise --epochs)");
            }
        }
        if (sched.equals("multistep") && c.decayRate() < 1) {
            // milestone m applies from t = m - 1 on (timm decays one step early): it applies iff m <= epochs
            List<String> beyond = new ArrayList<>();
            for (double m : c.decayMilestones()) {
                if (m > c.epochs()) {
                    beyond.add(num(m));
                }
            }
            if (!beyond.isEmpty()) {
                boolean all = beyond.size() == c.decayMilestones().size();
                out.add("--decay-milestones " + String.join(" ", beyond) + (beyond.size() == 1 ? " lies" : " lie")
                        + " beyond this " + c.epochs() + "-epoch run" + (all ? ": the rate never decays" : " and never apply")
                        + "; give milestones of at most " + c.epochs() + " (or raise --epochs)");
            }
        }

        if (sched.equals("plateau") && c.decayRate() < 1 && !allWarmup) {
            // the steps after the warmup count bad epochs; the first sets the best, patience + 1 bad ones
            // lower the rate at step warmup + patience + 2, which is used only by an epoch before the end
            long firstDrop = warmup + c.patienceEpochs() + 2;
            if (firstDrop > numEpochs - 1) {
                long most = numEpochs - warmup - 3;
                out.add("--patience-epochs " + c.patienceEpochs() + " is too long for this " + numEpochs + "-epoch run"
                        + (warmup > 0 ? " with " + warmup + " warmup epochs" : "") + ": the plateau could first lower"
                        + " the rate at epoch " + firstDrop + ", after the run ends; "
                        + (most >= 0 ? "set --patience-epochs to at most " + most
                        : "lower --warmup-epochs or raise --epochs"));
            }
        }

        if (c.lrNoise() != null && !c.lrNoise().isEmpty()) {
            double start = c.lrNoise().get(0) * c.epochs();
            double end = c.lrNoise().size() > 1 ? c.lrNoise().get(1) * c.epochs() : Double.POSITIVE_INFINITY;
            boolean none;
            if (c.schedOnUpdates()) {
                // rates set by updates 1 .. numEpochs * upe - 1: at least (0, numEpochs) in epochs
                none = start >= numEpochs || end <= 0 || end <= start;
            } else {
                // rates set by step(1) .. step(numEpochs - 1): whole epochs
                double first = Math.max(1, Math.ceil(start));
                none = first > numEpochs - 1 || first >= end;
            }
            if (none) {
                StringBuilder flags = new StringBuilder();
                for (double f : c.lrNoise()) {
                    flags.append(' ').append(num(f));
                }
                out.add("--lr-noise" + flags + " puts the noise at epochs " + (c.lrNoise().size() > 1
                        ? "[" + num(start) + ", " + num(end) + ")" : num(start) + " on") + ", where no rate of this "
                        + numEpochs + "-epoch run is set: no noise is ever added; change --lr-noise (fractions of --epochs)");
            }
        }

        if (!cyclic && c.cooldownEpochs() > 0) {
            out.add("--cooldown-epochs " + c.cooldownEpochs() + " has no effect with --sched " + sched
                    + " (only cosine, tanh and poly add a cooldown); drop it or choose one of those");
        }
        return out;
    }

    /** A number as a person writes it: 90, 0.05, 0.00001. */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
