package org.lr4j.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.lr4j.schedule.TimeScheduler;
import org.lr4j.group.ParamGroup;
import org.lr4j.group.ParamGroupList;
import org.lr4j.schedule.CosineLRScheduler;
import org.lr4j.schedule.Profile;
import org.lr4j.schedule.TanhLRScheduler;

class ScheduleSeriesTest {
    @Test
    void javadocExample() {
        TimeScheduler s = TanhLRScheduler.builder(ParamGroupList.of(1e-4), 50).profile(Profile.TIMM_0_4).build();
        LrSeries tanh = ScheduleSeries.values("t_mul=1", s, 150);
        assertEquals(150, tanh.size());
        assertEquals(50.0, tanh.x()[50]);
        assertEquals(9.999938558253979E-5, tanh.y()[0]);
        assertEquals(9.999938558253979E-5, tanh.y()[50]);
    }

    @Test
    void valuesAreTheSchedulersOwnValuesAtEveryT() {
        ParamGroupList groups = ParamGroupList.of(0.1, 0.02);
        TimeScheduler s = CosineLRScheduler.builder(groups, 30).warmupT(3).warmupLrInit(1e-3).build();
        for (int g = 0; g < 2; g++) {
            LrSeries series = ScheduleSeries.values("g", s, 40, g);
            double[] x = series.x();
            double[] y = series.y();
            for (int t = 0; t < 40; t++) {
                assertEquals(t, x[t]);
                assertEquals(s.lrAt(t)[g], y[t], "t=" + t);
            }
        }
        // in update mode too: the pure schedule, whatever the mode
        TimeScheduler u = TanhLRScheduler.builder(ParamGroupList.of(1e-4), 50).tInEpochs(false).build();
        assertEquals(u.updateValues(7).orElseThrow()[0], ScheduleSeries.values("u", u, 10).y()[7]);
    }

    @Test
    void valuesLeaveTheGroupsAlone() {
        ParamGroupList groups = ParamGroupList.of(1e-4);
        TimeScheduler s = TanhLRScheduler.builder(groups, 50).warmupT(5).warmupLrInit(1e-5).build();
        ScheduleSeries.values("a", s, 50);
        assertEquals(1e-5, groups.lr(0));
    }

    @Test
    void receivedIsWhatASteppedSchedulerWritesNoiseIncluded() {
        Function<ParamGroupList, TimeScheduler> noisy = g -> TanhLRScheduler.builder(g, 50)
                .profile(Profile.TIMM_0_4).noiseRangeT(10).noisePct(0.3).lrMin(1e-6).decayRate(0.5).build();
        ParamGroupList template = ParamGroupList.of(1e-4);
        LrSeries received = ScheduleSeries.received("noisy", noisy, template, 120);

        ParamGroupList reference = ParamGroupList.of(1e-4);
        TimeScheduler stepped = noisy.apply(reference);
        LrSeries pure = ScheduleSeries.values("pure", stepped, 120);
        double[] y = received.y();
        for (int t = 0; t < 120; t++) {
            stepped.step(t);
            assertEquals(reference.lr(0), y[t], "t=" + t);
            if (t < 10) {
                assertEquals(pure.y()[t], y[t], "no noise before noise_range_t, t=" + t);
            }
        }
        assertNotEquals(pure.y()[20], y[20], "noise from epoch 10 on");
        assertEquals(1e-4, template.lr(0), "the template groups are not driven");
    }

    @Test
    void receivedAppliesLrScaleAndStepsInUpdateMode() {
        ParamGroupList template = ParamGroupList.of(ParamGroup.of(0.1).lrScale(0.5));
        Function<ParamGroupList, TimeScheduler> updates = g -> CosineLRScheduler.builder(g, 100).tInEpochs(false).build();
        LrSeries received = ScheduleSeries.received("scaled", updates, template, 100);
        TimeScheduler s = updates.apply(ParamGroupList.of(ParamGroup.of(0.1).lrScale(0.5)));
        for (int t = 0; t < 100; t++) {
            assertEquals(s.lrAt(t)[0] * 0.5, received.y()[t], "t=" + t);
        }
    }

    @Test
    void rejectsBadArguments() {
        TimeScheduler s = TanhLRScheduler.builder(ParamGroupList.of(1e-4), 50).build();
        assertEquals("n must be in 1..10000000, got 0",
                assertThrows(IllegalArgumentException.class, () -> ScheduleSeries.values("a", s, 0)).getMessage());
        assertEquals("group must be in 0..0, got 1",
                assertThrows(IllegalArgumentException.class, () -> ScheduleSeries.values("a", s, 5, 1)).getMessage());
        assertEquals("factory must return a scheduler driving the groups it is given",
                assertThrows(IllegalArgumentException.class,
                        () -> ScheduleSeries.received("a", g -> s, ParamGroupList.of(1e-4), 5)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ScheduleSeries.values("a", null, 5));
    }

    @Test
    void receivedMatchesValuesWithoutNoiseOrScale() {
        Function<ParamGroupList, TimeScheduler> plain = g -> TanhLRScheduler.builder(g, 50).profile(Profile.TIMM_0_4)
                .warmupT(5).warmupLrInit(1e-5).build();
        LrSeries received = ScheduleSeries.received("r", plain, ParamGroupList.of(1e-4), 60);
        LrSeries values = ScheduleSeries.values("v", plain.apply(ParamGroupList.of(1e-4)), 60);
        assertArrayEquals(values.y(), received.y());
    }
}
