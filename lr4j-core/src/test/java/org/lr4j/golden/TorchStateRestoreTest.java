package org.lr4j.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lr4j.group.ParamGroup;
import org.lr4j.group.ParamGroupList;
import org.lr4j.group.MomentumKind;
import org.lr4j.python.ScheduleCall;
import org.lr4j.internal.replay.TorchCase;
import org.lr4j.torch.TorchScheduler;
import org.lr4j.torch.TorchState;

/**
 * Exact save/restore of every PyTorch and transformers scheduler: each reference case is interrupted
 * after every step (a state taken, a scheduler built from the same call on fresh groups and restored),
 * and the restored run continues bit for bit as the uninterrupted one, momentums included.
 */
class TorchStateRestoreTest {
    static Stream<Arguments> cases() {
        return Golden.load(TorchTransformersGoldenTest.FILE).stream().map(c -> Arguments.of(c.get("id"), c));
    }

    @SuppressWarnings("unchecked")
    static ParamGroupList groups(Map<String, Object> c) {
        boolean adam = "Adam".equals(c.get("optimizer"));
        List<ParamGroup> list = new ArrayList<>();
        for (Object o : (List<Object>) c.get("param_groups")) {
            Map<String, Object> g = (Map<String, Object>) o;
            ParamGroup pg = ParamGroup.of(((Number) g.get("lr")).doubleValue());
            if (adam) {
                pg.beta1(((Number) ((List<Object>) g.get("betas")).get(0)).doubleValue());
            } else {
                pg.momentum(g.get("momentum") == null ? 0 : ((Number) g.get("momentum")).doubleValue());
            }
            list.add(pg);
        }
        return ParamGroupList.of(list);
    }

    private static double[] snapshot(ParamGroupList g) {
        double[] out = new double[2 * g.size()];
        for (int i = 0; i < g.size(); i++) {
            out[2 * i] = g.lr(i);
            out[2 * i + 1] = g.momentumKind() == MomentumKind.NONE ? 0 : g.momentum(i);
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static boolean step(TorchScheduler s, Map<String, Object> c, int i) {
        try {
            if (s.needsMetric()) {
                s.step(((Number) ((List<Object>) c.get("metrics")).get(i)).doubleValue());
            } else {
                s.step();
            }
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void continuesExactlyAfterEveryStep(String id, Map<String, Object> c) {
        if (c.containsKey("construct_error")) {
            return;
        }
        ScheduleCall call = ScheduleCall.parse(TorchCase.toPython((String) c.get("scheduler"),
                (Map<String, ?>) c.get("kwargs")));
        double optimizerLr = c.get("optimizer_lr") instanceof Number n ? n.doubleValue()
                : ((Number) ((Map<String, Object>) ((List<Object>) c.get("param_groups")).get(0)).get("lr")).doubleValue();
        int steps = ((Number) c.get("steps")).intValue();
        // the uninterrupted run
        ParamGroupList g = groups(c);
        TorchScheduler s = call.build(g, optimizerLr);
        List<double[]> trace = new ArrayList<>();
        List<TorchState> states = new ArrayList<>();
        states.add(s.state());
        int done = 0;
        for (int i = 0; i < steps && step(s, c, i); i++) {
            trace.add(snapshot(g));
            states.add(s.state());
            done++;
        }
        for (int k = 0; k <= done; k++) {
            ParamGroupList fresh = groups(c);
            TorchScheduler r = call.build(fresh, optimizerLr);
            r.restore(states.get(k));
            assertEquals(states.get(k), r.state(), () -> id + ": the restored state differs");
            for (int i = k; i < done; i++) {
                step(r, c, i);
                int at = i;
                assertArrayEquals(trace.get(i), snapshot(fresh), () -> id + ": restored after step " + at);
            }
        }
    }

    @Test
    void aStateOfAnotherSchedulerIsRefused() {
        ParamGroupList g = ParamGroupList.of(0.1);
        TorchScheduler a = ScheduleCall.parse("StepLR(step_size=3)").build(g);
        TorchScheduler b = ScheduleCall.parse("ExponentialLR(gamma=0.5)").build(ParamGroupList.of(0.1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.restore(b.state()));
        assertEquals("state.scheduler must be StepLR (the scheduler restored), got ExponentialLR", e.getMessage());
        TorchScheduler two = ScheduleCall.parse("StepLR(step_size=3)").build(ParamGroupList.of(0.1, 0.2));
        assertThrows(IllegalArgumentException.class, () -> a.restore(two.state()));
    }
}
