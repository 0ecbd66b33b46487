package org.lr4j.python;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.lr4j.group.ParamGroup;
import org.lr4j.group.ParamGroupList;
import org.lr4j.torch.TorchScheduler;
import org.lr4j.transformers.SchedulerType;

/** Building schedulers from Python calls: binding, lengths, get_scheduler's mapping, and errors. */
class ScheduleCallTest {
    private static List<Double> lrs(String call, int steps, ParamGroupList g, double optimizerLr) {
        TorchScheduler s = ScheduleCall.parse(call).build(g, optimizerLr);
        List<Double> out = new ArrayList<>();
        out.add(g.lr(0));
        for (int i = 0; i < steps; i++) {
            s.step();
            out.add(g.lr(0));
        }
        return out;
    }

    @Test
    void theIssuesExamplesBuild() {
        ParamGroupList g = ParamGroupList.of(ParamGroup.of(0.1).momentum(0.9));
        TorchScheduler s = ScheduleCall.parse("OneCycleLR(max_lr=0.1, total_steps=1000)").build(g, 0.1);
        assertEquals("OneCycleLR", s.name());
        assertEquals(0.0040000000000000036, g.lr(0));
        assertEquals(0.95, g.momentum(0));
        ScheduleCall seq = ScheduleCall.parse("SequentialLR(schedulers=[LinearLR(start_factor=0.1, total_iters=5),"
                + " CosineAnnealingLR(T_max=95)], milestones=[5])");
        assertEquals(OptionalLong.of(100), seq.length());
        List<Double> v = lrs(seq.source(), 6, ParamGroupList.of(0.1), 0.1);
        assertEquals(0.1 * 0.1, v.get(0), 1e-18);
        assertEquals(0.1, v.get(5), 1e-17); // the cosine's step(0): its closed form at epoch 0
        ScheduleCall wsd = ScheduleCall.parse("get_wsd_schedule(num_warmup_steps=100, num_decay_steps=200,"
                + " num_training_steps=1000)");
        assertEquals(OptionalLong.of(1000), wsd.length());
        List<Double> w = lrs(wsd.source(), 100, ParamGroupList.of(0.001), 0.001);
        assertEquals(0.0, w.get(0));
        assertEquals(0.001 * 0.5, w.get(50), 1e-18);
        assertEquals(0.001, w.get(100));
    }

    @Test
    void positionalArgumentsAndTheOptimizerPlaceholderBindAsInPython() {
        assertEquals(lrs("StepLR(step_size=2, gamma=0.5)", 5, ParamGroupList.of(1.0), 1.0),
                lrs("StepLR(optimizer, 2, 0.5)", 5, ParamGroupList.of(1.0), 1.0));
        assertEquals(lrs("get_linear_schedule_with_warmup(num_warmup_steps=2, num_training_steps=8)", 9,
                ParamGroupList.of(1.0), 1.0), lrs("get_linear_schedule_with_warmup(opt, 2, 8)", 9, ParamGroupList.of(1.0), 1.0));
    }

    @Test
    void lengthsAreTheCallsOwn() {
        assertEquals(OptionalLong.of(50), ScheduleCall.parse("OneCycleLR(max_lr=0.1, epochs=5, steps_per_epoch=10)").length());
        assertEquals(OptionalLong.of(100), ScheduleCall.parse("get_cosine_schedule_with_warmup(num_warmup_steps=10,"
                + " num_training_steps=100)").length());
        assertEquals(OptionalLong.of(35), ScheduleCall.parse("get_wsd_schedule(num_warmup_steps=5, num_decay_steps=10,"
                + " num_stable_steps=20)").length());
        assertEquals(OptionalLong.of(80), ScheduleCall.parse("get_scheduler(\"linear\", num_warmup_steps=8,"
                + " num_training_steps=80)").length());
        assertEquals(OptionalLong.empty(), ScheduleCall.parse("StepLR(step_size=30)").length());
        assertEquals(OptionalLong.empty(), ScheduleCall.parse("get_inverse_sqrt_schedule(num_warmup_steps=8)").length());
    }

    /** get_scheduler(name, ...) gives, for every SchedulerType, what the function it maps to gives. */
    @Test
    void getSchedulerMapsEveryNameToItsFunction() {
        String common = "num_warmup_steps=3, num_training_steps=20";
        for (SchedulerType t : SchedulerType.values()) {
            String specific = switch (t) {
                case COSINE_WITH_MIN_LR, COSINE_WARMUP_WITH_MIN_LR -> "{'min_lr_rate': 0.1}";
                case WARMUP_STABLE_DECAY -> "{'num_decay_steps': 5}";
                case REDUCE_ON_PLATEAU -> "{'patience': 2}";
                default -> "None";
            };
            String viaName = "get_scheduler(\"" + t.value() + "\", optimizer, " + common + ", scheduler_specific_kwargs="
                    + specific + ")";
            String args = switch (t) {
                case CONSTANT, REDUCE_ON_PLATEAU -> "";
                case CONSTANT_WITH_WARMUP, INVERSE_SQRT -> "num_warmup_steps=3";
                default -> common;
            };
            String extra = specific.equals("None") ? "" : specific.replace("{'", "").replace("': ", "=").replace("}", "");
            if (t == SchedulerType.REDUCE_ON_PLATEAU) {
                extra = "patience=2";
            }
            String direct = t.functionName() + "(" + args + (args.isEmpty() || extra.isEmpty() ? "" : ", ") + extra + ")";
            TorchScheduler a = ScheduleCall.parse(viaName).build(ParamGroupList.of(0.5), 0.5);
            TorchScheduler b = ScheduleCall.parse(direct).build(ParamGroupList.of(0.5), 0.5);
            assertEquals(b.name(), a.name(), t.value());
            for (int i = 0; i < 25; i++) {
                if (a.needsMetric()) {
                    a.step(1.0);
                    b.step(1.0);
                } else {
                    a.step();
                    b.step();
                }
                assertArrayEquals(b.groups().lrs(), a.groups().lrs(), t.value() + " at " + i);
            }
        }
        assertEquals("get_wsd_schedule", SchedulerType.of("warmup_stable_decay").functionName());
        assertEquals(11, SchedulerType.values().length);
    }

    private static PythonCallException buildError(String call, ParamGroupList g) {
        return assertThrows(PythonCallException.class, () -> ScheduleCall.parse(call).build(g, g.lr(0)));
    }

    @Test
    void unknownNamesAndBadArgumentsPointAtTheArgument() {
        PythonCallException e = assertThrows(PythonCallException.class, () -> ScheduleCall.parse("OneCycleLr(max_lr=0.1)"));
        assertEquals(1, e.column());
        assertTrue(e.reason().startsWith("unknown scheduler OneCycleLr"), e.reason());
        e = assertThrows(PythonCallException.class, () -> ScheduleCall.parse("OneCycleLR(max_lr=0.1, total_step=1000)"));
        assertEquals(24, e.column());
        assertTrue(e.reason().startsWith("OneCycleLR() got an unexpected keyword argument 'total_step'"), e.reason());
        e = assertThrows(PythonCallException.class, () -> ScheduleCall.parse("StepLR(gamma=0.5)"));
        assertEquals("StepLR() missing 1 required argument: 'step_size'", e.reason());
        e = assertThrows(PythonCallException.class, () -> ScheduleCall.parse("StepLR(3, step_size=4)"));
        assertEquals(8, e.column()); // Python binds the first positional to the optimizer
        assertTrue(e.reason().contains("the optimizer is implicit"), e.reason());
        e = assertThrows(PythonCallException.class, () -> ScheduleCall.parse("StepLR(optimizer, 3, step_size=4)"));
        assertEquals(22, e.column());
        assertEquals("StepLR() got multiple values for argument 'step_size'", e.reason());
        e = assertThrows(PythonCallException.class, () -> ScheduleCall.parse("SequentialLR(schedulers=[Foo()],"
                + " milestones=[])"));
        assertEquals(26, e.column());
        ParamGroupList g = ParamGroupList.of(ParamGroup.of(0.1).momentum(0.9));
        e = buildError("ConstantLR(factor=1.5)", g);
        assertEquals(19, e.column());
        assertTrue(e.reason().startsWith("ConstantLR: factor must be in [0, 1]"), e.reason());
        e = buildError("CosineAnnealingWarmRestarts(T_0=5.0)", g);
        assertEquals(33, e.column());
        assertEquals("T_0 must be an integer, got 5.0", e.reason());
        e = buildError("OneCycleLR(max_lr=0.1, total_steps=100, pct_start=1)", g);
        assertTrue(e.reason().startsWith("pct_start must be a float between 0 and 1"), e.reason());
        assertEquals(51, e.column());
        e = buildError("CyclicLR(base_lr=0.01, max_lr=0.1, mode='up')", g);
        assertTrue(e.reason().contains("mode must be triangular, triangular2 or exp_range"), e.reason());
        e = buildError("get_scheduler('cosinus', num_warmup_steps=1, num_training_steps=10)", g);
        assertEquals(15, e.column());
        assertTrue(e.reason().contains("'cosinus' is not a valid SchedulerType") || e.reason().contains("cosinus is not a"
                + " valid SchedulerType"), e.reason());
        e = assertThrows(PythonCallException.class, () -> ScheduleCall.parse("get_scheduler('cosine', num_warmup_steps=1)"));
        assertEquals("cosine requires `num_training_steps`, please provide that argument.", e.reason());
        e = buildError("LambdaLR(lr_lambda=f)", g);
        assertTrue(e.reason().contains("LambdaLR.of(groups, epoch -> ...)"), e.reason());
        e = buildError("StepLR(step_size=3, last_epoch=5)", g);
        assertTrue(e.reason().startsWith("last_epoch must be -1"), e.reason());
        e = buildError("get_wsd_schedule(num_warmup_steps=1, num_decay_steps=2, num_training_steps=10,"
                + " decay_type='exp')", g);
        assertTrue(e.reason().contains("Unknown decay type: exp"), e.reason());
        e = buildError("get_cosine_with_min_lr_schedule_with_warmup(num_warmup_steps=1, num_training_steps=10)", g);
        assertTrue(e.reason().contains("One of min_lr or min_lr_rate should be set"), e.reason());
        e = buildError("OneCycleLR(max_lr=0.1, total_steps=100)", ParamGroupList.of(0.1));
        assertTrue(e.reason().contains("cycle_momentum must be False"), e.reason());
    }
}
