package org.lr4j.compose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.lr4j.group.ParamGroupList;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.schedule.StepLRScheduler;
import org.lr4j.torch.ExponentialLR;
import org.lr4j.torch.OneCycleLR;
import org.lr4j.torch.ReduceLROnPlateau;

/** TimmPhase and TrainLoopScheduler: their Javadoc examples and rules. */
class AdaptersTest {
    @Test
    void timmPhaseCountsItsOwnTime() {
        ParamGroupList g = ParamGroupList.of(0.1);
        TimmPhase p = TimmPhase.of(StepLRScheduler.builder(g, 2).decayRate(0.5).build());
        p.step();
        assertEquals(0.1, g.lr(0));
        p.step();
        assertEquals(0.05, g.lr(0));
        assertEquals(2, p.lastEpoch());
        ParamGroupList h = ParamGroupList.of(0.1);
        TimmPhase q = TimmPhase.of(StepLRScheduler.builder(h, 2).decayRate(0.5).build());
        q.restore(p.state());
        q.step();
        p.step();
        assertEquals(g.lr(0), h.lr(0));
    }

    @Test
    void trainLoopSchedulerStepsInItsModeUpToTheTime() {
        ParamGroupList g = ParamGroupList.of(1.0);
        LRScheduler s = TrainLoopScheduler.of(ExponentialLR.of(g, 0.5), false);
        s.step(2);
        assertEquals(0.25, g.lr(0));
        s.stepUpdate(9);
        assertEquals(0.25, g.lr(0));
        s.step(2); // train.py's resume call: already there
        assertEquals(0.25, g.lr(0));
        s.step(3);
        assertEquals(0.125, g.lr(0));
        assertThrows(IllegalArgumentException.class, () -> s.restore(s.state()));
    }

    @Test
    void trainLoopSchedulerStopsAtMaxSteps() {
        ParamGroupList g = ParamGroupList.of(0.1);
        OneCycleLR one = OneCycleLR.builder(g, 0.1).totalSteps(10).cycleMomentum(false).build();
        LRScheduler s = TrainLoopScheduler.of(one, true, 10);
        s.stepUpdate(12); // would raise past step 11 without the cap
        assertEquals(10, one.lastEpoch());
    }

    @Test
    void aPlateauIsSteppedOnlyWithAMetric() {
        ParamGroupList g = ParamGroupList.of(0.1);
        ReduceLROnPlateau p = ReduceLROnPlateau.builder(g).patience(0).build();
        LRScheduler s = TrainLoopScheduler.of(p, false);
        s.step(1);
        assertEquals(0, p.lastEpoch());
        s.step(1, 1.0);
        s.step(2, 1.0);
        assertEquals(0.010000000000000002, g.lr(0));
    }
}
