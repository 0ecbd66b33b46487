package org.lr4j.factory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lr4j.group.ParamGroupList;

/**
 * Each warning is checked against what the schedule really does (its train.py trace), so a warning
 * claims nothing the run does not show; and the configurations next to each case's boundary, and the
 * project's usual runs, give none.
 */
class ScheduleWarningsTest {
    private static SchedulerConfig.Builder b(String sched) {
        return SchedulerConfig.builder().sched(sched).lr(0.05);
    }

    private static List<String> warn(SchedulerConfig.Builder b) {
        return ScheduleWarnings.of(b.build());
    }

    /** The rate in effect at the start of each epoch, as train.py drives the schedule. */
    private static List<Double> epochLrs(SchedulerConfig.Builder b, List<Double> metrics) {
        TrainLoop.Trace t = TrainLoop.run(b.build(), ParamGroupList.of(b.build().effectiveLr()), 1, metrics, 0);
        List<Double> out = new ArrayList<>();
        for (double[] lrs : t.epochLrs()) {
            out.add(lrs[0]);
        }
        return out;
    }

    private static void one(List<String> ws, String start) {
        assertEquals(1, ws.size(), () -> "one warning expected: " + ws);
        assertTrue(ws.get(0).startsWith(start), () -> ws.get(0));
    }

    @Test
    void usualRunsGiveNone() {
        assertEquals(List.of(), warn(SchedulerConfig.builder()), "train.py's defaults");
        assertEquals(List.of(), warn(b("tanh").epochs(8).warmupEpochs(1)));
        assertEquals(List.of(), warn(b("cosine").epochs(8).warmupEpochs(1)));
        assertEquals(List.of(), warn(b("step").epochs(8).warmupEpochs(1).decayEpochs(3)));
        assertEquals(List.of(), warn(b("multistep").epochs(8).warmupEpochs(1).decayMilestones(List.of(3.0, 6.0))));
        assertEquals(List.of(), warn(b("tanh").epochs(50).timm(org.lr4j.schedule.Profile.TIMM_0_4).lrCycleLimit(0)
                .warmupEpochs(5)), "the tutorial's unlimited cycles");
        assertEquals(List.of(), warn(b("tanh").epochs(6).warmupEpochs(6).warmupPrefix(true)), "a prefixed warmup");
    }

    @Test
    void javadocExampleTanhWarmupCoveringTheRunFallsToZero() {
        SchedulerConfig.Builder c = b("tanh").epochs(5).warmupEpochs(5);
        one(warn(c), "--warmup-epochs 5 covers the whole 5-epoch tanh schedule");
        assertTrue(warn(c).get(0).contains("lower --warmup-epochs below 5 or set --warmup-prefix"), warn(c).get(0));
        List<Double> lrs = epochLrs(c, null);
        assertEquals(1e-5, lrs.get(0));
        for (int e = 1; e < lrs.size(); e++) {
            assertTrue(lrs.get(e) < lrs.get(e - 1), () -> "falls: " + lrs);
        }
        assertEquals(List.of(), warn(b("tanh").epochs(5).warmupEpochs(4)), "one epoch of the schedule is left");
    }

    @Test
    void warmupCoveringTheRunNeverReachesTheRate() {
        SchedulerConfig.Builder c = b("cosine").epochs(5).warmupEpochs(5);
        one(warn(c), "--warmup-epochs 5 covers the whole 5-epoch cosine schedule");
        assertTrue(Collections.max(epochLrs(c, null)) < 0.05, "never at --lr");
        one(warn(b("step").epochs(4).warmupEpochs(6).decayEpochs(2)), "--warmup-epochs 6 covers the whole 4-epoch step");
        one(warn(b("plateau").epochs(4).warmupEpochs(4).patienceEpochs(0)), "--warmup-epochs 4 covers the whole 4-epoch");
    }

    @Test
    void cycleLimitZeroRunsAtMinLr() {
        SchedulerConfig.Builder c = b("cosine").epochs(10).warmupEpochs(0).lrCycleLimit(0).minLr(0.001);
        one(warn(c), "--lr-cycle-limit 0 allows no cycle");
        for (double lr : epochLrs(c, null).subList(1, 10)) {
            assertEquals(0.001, lr);
        }
    }

    @Test
    void cycleDecayZeroRunsLaterCyclesAtMinLr() {
        SchedulerConfig.Builder c = b("cosine").epochs(4).warmupEpochs(0).lrCycleLimit(2).lrCycleDecay(0);
        one(warn(c), "--lr-cycle-decay 0");
        assertEquals(List.of(0.0, 0.0, 0.0, 0.0), epochLrs(c, null).subList(4, 8));
    }

    @Test
    void minLrNotBelowLr() {
        SchedulerConfig.Builder c = b("tanh").epochs(10).warmupEpochs(0).minLr(0.1);
        one(warn(c), "--min-lr 0.1 is not below --lr 0.05: the tanh schedule rises");
        List<Double> lrs = epochLrs(c, null);
        assertTrue(lrs.get(9) > lrs.get(1), () -> "rises: " + lrs);
        one(warn(b("plateau").epochs(30).warmupEpochs(0).minLr(0.05)), "--min-lr 0.05 is not below --lr 0.05: the plateau");
        assertEquals(List.of(), warn(b("step").epochs(10).decayEpochs(3).minLr(0.1)), "step has no floor");
    }

    @Test
    void decayRates() {
        one(warn(b("poly").epochs(10).decayRate(0)), "--decay-rate 0 is poly's power 0");
        SchedulerConfig.Builder flat = b("multistep").epochs(10).warmupEpochs(0).decayMilestones(List.of(3.0)).decayRate(1);
        one(warn(flat), "--decay-rate 1 never lowers the rate");
        assertEquals(Collections.nCopies(10, 0.05), epochLrs(flat, null));
        assertEquals(List.of(), warn(b("plateau").epochs(30).decayRate(1)), "refused by the factory: its error instead");
    }

    @Test
    void stepDecayBeyondTheRun() {
        SchedulerConfig.Builder c = b("step").epochs(10).warmupEpochs(0).decayEpochs(9.5);
        one(warn(c), "--decay-epochs 9.5 is never reached in this 10-epoch run");
        assertEquals(Collections.nCopies(10, 0.05), epochLrs(c, null));
        SchedulerConfig.Builder last = b("step").epochs(10).warmupEpochs(0).decayEpochs(9);
        assertEquals(List.of(), warn(last));
        assertEquals(0.005, epochLrs(last, null).get(9), 1e-15, "decays in the last epoch");
        one(warn(b("step").epochs(20)), "--decay-epochs 90 is never reached in this 20-epoch run");
    }

    @Test
    void multistepMilestonesBeyondTheRun() {
        one(warn(b("multistep").epochs(100)), "--decay-milestones 180 270 lie beyond this 100-epoch run and never apply");
        SchedulerConfig.Builder c = b("multistep").epochs(10).warmupEpochs(0).decayMilestones(List.of(11.0));
        one(warn(c), "--decay-milestones 11 lies beyond this 10-epoch run: the rate never decays");
        assertEquals(Collections.nCopies(10, 0.05), epochLrs(c, null));
        SchedulerConfig.Builder edge = b("multistep").epochs(10).warmupEpochs(0).decayMilestones(List.of(10.0));
        assertEquals(List.of(), warn(edge));
        assertEquals(0.005, epochLrs(edge, null).get(9), 1e-15, "timm decays one epoch before the milestone");
    }

    @Test
    void plateauPatienceTooLong() {
        List<Double> flat = Collections.nCopies(40, 50.0);
        SchedulerConfig.Builder fits = b("plateau").epochs(15).warmupEpochs(0).patienceEpochs(12);
        assertEquals(List.of(), warn(fits));
        List<Double> lrs = epochLrs(fits, flat);
        assertTrue(lrs.get(14) < lrs.get(13), () -> "lowered in the last epoch: " + lrs);
        SchedulerConfig.Builder tooLong = b("plateau").epochs(15).warmupEpochs(0).patienceEpochs(13);
        one(warn(tooLong), "--patience-epochs 13 is too long for this 15-epoch run: the plateau could first lower the"
                + " rate at epoch 15");
        assertEquals(Collections.nCopies(15, 0.05), epochLrs(tooLong, flat));
        one(warn(b("plateau").epochs(15)), "--patience-epochs 10 is too long for this 15-epoch run with 5 warmup epochs");
    }

    @Test
    void noiseThatNeverApplies() {
        SchedulerConfig.Builder c = b("cosine").epochs(10).warmupEpochs(0).lrNoise(List.of(1.0));
        one(warn(c), "--lr-noise 1 puts the noise at epochs 10 on, where no rate of this 10-epoch run is set");
        assertEquals(epochLrs(b("cosine").epochs(10).warmupEpochs(0), null), epochLrs(c, null));
        SchedulerConfig.Builder early = b("cosine").epochs(10).warmupEpochs(0).lrNoise(List.of(0.0, 0.1));
        one(warn(early), "--lr-noise 0 0.1 puts the noise at epochs [0, 1)");
        assertEquals(List.of(), warn(b("cosine").epochs(10).warmupEpochs(0).lrNoise(List.of(0.9))), "epoch 9 is noisy");
    }

    @Test
    void cooldownWithoutEffect() {
        SchedulerConfig.Builder c = b("step").epochs(10).decayEpochs(3).cooldownEpochs(4);
        one(warn(c), "--cooldown-epochs 4 has no effect with --sched step");
        assertEquals(10, epochLrs(c, null).size());
    }

    @Test
    void zeroRateAndRefusedConfigurations() {
        one(warn(b("cosine").lr(0.0)), "the learning rate is 0");
        assertEquals(List.of(), warn(b("plateau").schedOnUpdates(true)), "refused by the factory: its error instead");
    }
}
