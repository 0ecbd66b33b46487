package org.lr4j.factory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lr4j.group.ParamGroupList;
import org.lr4j.schedule.CosineLRScheduler;
import org.lr4j.schedule.MultiStepLRScheduler;
import org.lr4j.schedule.PlateauLRScheduler;
import org.lr4j.schedule.PolyLRScheduler;
import org.lr4j.schedule.StepLRScheduler;
import org.lr4j.schedule.TanhLRScheduler;

class FactoryTest {
    private static CreatedScheduler create(SchedulerConfig.Builder b, long upe) {
        return SchedulerFactory.create(b.build(), ParamGroupList.of(0.1), upe);
    }

    @Test
    void javadocExampleNumberOfEpochs() {
        CreatedScheduler c = create(SchedulerConfig.builder().sched("tanh").epochs(20).lrCycleLimit(3).lrCycleMul(1.5)
                .cooldownEpochs(5), 0);
        assertEquals(100, c.numEpochs());
        assertTrue(c.scheduler() instanceof TanhLRScheduler);
    }

    @Test
    void trainPyDefaults() {
        SchedulerConfig d = SchedulerConfig.builder().build();
        assertEquals("cosine", d.sched());
        assertEquals(300, d.epochs());
        assertEquals(List.of(90.0, 180.0, 270.0), d.decayMilestones());
        assertEquals(5, d.warmupEpochs());
        assertEquals(1e-5, d.warmupLr());
        assertEquals(0.5, d.lrCycleDecay());
        assertEquals(0.05, d.effectiveLr(), "lr_base 0.1 * 128 / 256");
        assertEquals(0.1 * Math.sqrt(0.5), SchedulerConfig.builder().opt("adamw").build().effectiveLr(), 1e-17);
        CreatedScheduler c = create(SchedulerConfig.builder(), 0);
        assertTrue(c.scheduler() instanceof CosineLRScheduler);
        assertEquals(300, c.numEpochs());
    }

    @Test
    void updateModeMultipliesEveryTime() {
        CreatedScheduler c = create(SchedulerConfig.builder().sched("cosine").epochs(6).warmupEpochs(2).warmupPrefix(true)
                .cooldownEpochs(1).lrNoise(List.of(0.5)).schedOnUpdates(true), 5);
        CosineLRScheduler s = (CosineLRScheduler) c.scheduler();
        assertFalse(s.tInEpochs());
        assertEquals(30, s.tInitial());
        assertEquals(10, s.warmupT());
        assertEquals(15.0, s.noise().range().start(), "noise fraction of the multiplied t_initial");
        assertEquals((30 + 10 + 5) / 5, c.numEpochs());
        MultiStepLRScheduler m = (MultiStepLRScheduler) create(SchedulerConfig.builder().sched("multistep")
                .decayMilestones(List.of(2.0, 4.0)).schedOnUpdates(true), 4).scheduler();
        assertEquals(List.of(8.0, 16.0), m.decayT());
        StepLRScheduler st = (StepLRScheduler) create(SchedulerConfig.builder().sched("step").decayEpochs(2.5)
                .schedOnUpdates(true), 4).scheduler();
        assertEquals(10.0, st.decayT());
    }

    @Test
    void noiseFractionsBecomeRanges() {
        TanhLRScheduler t = (TanhLRScheduler) create(SchedulerConfig.builder().sched("tanh").epochs(40)
                .lrNoise(List.of(0.4, 0.9)).seed(7), 0).scheduler();
        assertTrue(t.noise().range().isPair());
        assertEquals(0.4 * 40, t.noise().range().start());
        assertEquals(0.9 * 40, t.noise().range().end());
        assertEquals(7, t.noise().seed());
    }

    @Test
    void stepAndPlateauRules() {
        StepLRScheduler s = (StepLRScheduler) create(SchedulerConfig.builder().sched("step").warmupEpochs(3)
                .decayEpochs(10).decayRate(0.5), 0).scheduler();
        assertEquals(0.1, s.lrAt(9)[0], "the flag's prefix default false overrides the class default true");
        assertEquals(0.05, s.lrAt(10)[0]);
        assertEquals(40 + 3, create(SchedulerConfig.builder().sched("step").epochs(40).warmupEpochs(3).warmupPrefix(true), 0)
                .numEpochs());
        PlateauLRScheduler p = (PlateauLRScheduler) create(SchedulerConfig.builder().sched("plateau").evalMetric("loss"), 0)
                .scheduler();
        assertEquals(PlateauLRScheduler.Mode.MIN, p.mode());
        assertEquals(0, p.cooldownT());
        PolyLRScheduler poly = (PolyLRScheduler) create(SchedulerConfig.builder().sched("poly").decayRate(2.0), 0).scheduler();
        assertEquals(2.0, poly.power());
        assertEquals("sched_on_updates must be false for plateau (it steps on epochs only), got true",
                assertThrows(IllegalArgumentException.class,
                        () -> create(SchedulerConfig.builder().sched("plateau").schedOnUpdates(true), 3)).getMessage());
        assertEquals("updates_per_epoch must be > 0 with sched_on_updates, got 0",
                assertThrows(IllegalArgumentException.class,
                        () -> create(SchedulerConfig.builder().sched("tanh").schedOnUpdates(true), 0)).getMessage());
    }

    @Test
    void unknownSchedListsTheValidNames() {
        assertEquals("sched must be one of cosine, tanh, step, multistep, plateau, poly, got linear",
                assertThrows(IllegalArgumentException.class, () -> SchedulerConfig.builder().sched("linear").build())
                        .getMessage());
    }

    @Test
    void fromArgsReadsTrainPyNamesAndIgnoresTheRest() {
        SchedulerConfig c = SchedulerConfig.fromArgs(Map.of("sched", "tanh", "epochs", 50, "model", "resnet34",
                "lr_noise", List.of(0.4, 0.9), "warmup_prefix", true, "lr", 0.2));
        assertEquals("tanh", c.sched());
        assertEquals(50, c.epochs());
        assertEquals(List.of(0.4, 0.9), c.lrNoise());
        assertTrue(c.warmupPrefix());
        assertEquals(0.2, c.effectiveLr());
        assertEquals(c, SchedulerConfig.fromArgs(c.toArgs()));
        assertEquals("epochs must be a whole number, got 2.5", assertThrows(IllegalArgumentException.class,
                () -> SchedulerConfig.fromArgs(Map.of("epochs", 2.5))).getMessage());
        assertEquals("warmup_prefix must be true or false, got \"maybe\"", assertThrows(IllegalArgumentException.class,
                () -> SchedulerConfig.fromArgs(Map.of("warmup_prefix", "maybe"))).getMessage());
        assertEquals("lr_noise must hold one or two fractions, got [0.1, 0.2, 0.3]", assertThrows(IllegalArgumentException.class,
                () -> SchedulerConfig.fromArgs(Map.of("lr_noise", List.of(0.1, 0.2, 0.3)))).getMessage());
    }

    @Test
    void trainDriveJavadocExample() {
        TrainLoop.Trace t = TrainLoop.run(SchedulerConfig.builder().sched("step").epochs(40).decayEpochs(10)
                .decayRate(0.5).warmupEpochs(0).build(), ParamGroupList.of(0.1), 1, null, 0);
        assertEquals(40, t.epochLrs().size());
        assertEquals(0.1, t.epochLrs().get(9)[0]);
        assertEquals(0.05, t.epochLrs().get(10)[0]);
        assertTrue(t.updateLrs().isEmpty());
    }

    @Test
    void resumingEqualsTheUninterruptedRun() {
        SchedulerConfig c = SchedulerConfig.builder().sched("tanh").epochs(8).warmupEpochs(1).schedOnUpdates(true)
                .lrNoise(List.of(0.3)).build();
        TrainLoop.Trace whole = TrainLoop.run(c, ParamGroupList.of(0.1), 7, null, 0);
        TrainLoop.Trace resumed = TrainLoop.run(c, ParamGroupList.of(0.1), 7, null, 3);
        for (int e = 3; e < 8; e++) {
            assertEquals(whole.epochLrs().get(e)[0], resumed.epochLrs().get(e - 3)[0]);
        }
    }
}
