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

    /** The class comment's example: a LoopState continues a wrapper built the same way exactly. */
    @Test
    void trainLoopSchedulerContinuesFromItsLoopState() {
        TrainLoopScheduler a = TrainLoopScheduler.of(ExponentialLR.of(ParamGroupList.of(1.0), 0.5), false);
        a.step(2);
        TrainLoopScheduler.LoopState saved = a.loopState();
        assertEquals(2, saved.steps());
        ParamGroupList h = ParamGroupList.of(1.0);
        TrainLoopScheduler b = TrainLoopScheduler.of(ExponentialLR.of(h, 0.5), false);
        b.restore(saved);
        assertEquals(0.25, h.lr(0));
        b.step(2); // train.py's resume call: nothing
        assertEquals(0.25, h.lr(0));
        b.step(3);
        assertEquals(0.125, h.lr(0));
        // cycled momentum (Adam's betas[0]) comes back with the state, mid-cycle
        ParamGroupList g1 = ParamGroupList.of(org.lr4j.group.ParamGroup.of(0.01).beta1(0.9));
        TrainLoopScheduler one = TrainLoopScheduler.of(OneCycleLR.builder(g1, 0.01).totalSteps(10).build(), true, 10);
        one.stepUpdate(3);
        ParamGroupList g2 = ParamGroupList.of(org.lr4j.group.ParamGroup.of(0.01).beta1(0.9));
        TrainLoopScheduler two = TrainLoopScheduler.of(OneCycleLR.builder(g2, 0.01).totalSteps(10).build(), true, 10);
        two.restore(one.loopState());
        one.stepUpdate(7);
        two.stepUpdate(7);
        assertEquals(g1.lr(0), g2.lr(0), 0.0);
        assertEquals(g1.momentum(0), g2.momentum(0), 0.0);
        // another scheduler's state, or more steps than the wrapper makes, is refused
        assertThrows(IllegalArgumentException.class, () -> b.restore(one.loopState()));
        TrainLoopScheduler capped = TrainLoopScheduler.of(ExponentialLR.of(ParamGroupList.of(1.0), 0.5), false, 1);
        assertThrows(IllegalArgumentException.class, () -> capped.restore(saved));
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
