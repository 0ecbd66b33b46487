package org.lr4j.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lr4j.group.ParamGroupList;
import org.lr4j.python.TimmKwargs;

/** The typed validation error: its fields, its message made from them, and renaming on the object. */
class InvalidValueExceptionTest {
    @Test
    void theJavadocExample() {
        InvalidValueException e = new InvalidValueException("cycle_mul", "must be > 0", "-1.0");
        assertEquals("cycle_mul must be > 0, got -1.0", e.getMessage());
        InvalidValueException renamed = e.named("lr_cycle_mul");
        assertEquals("lr_cycle_mul must be > 0, got -1.0", renamed.getMessage());
        assertEquals("lr_cycle_mul", renamed.parameter());
        assertEquals("must be > 0", renamed.rule());
        assertEquals("-1.0", renamed.value());
        assertSame(e, renamed.getCause());
        assertArrayEquals(e.getStackTrace(), renamed.getStackTrace());
        assertThrows(NullPointerException.class, () -> e.named(null));
    }

    @Test
    void buildersThrowItAndTheFactoryAndTimm04RenameIt() {
        InvalidValueException builder = assertThrows(InvalidValueException.class,
                () -> TanhLRScheduler.builder(ParamGroupList.of(0.1), 10).cycleDecay(-1).build());
        assertEquals("cycle_decay", builder.parameter());
        InvalidValueException legacy = assertThrows(InvalidValueException.class, () -> TimmKwargs.create("tanh",
                Profile.TIMM_0_4, Map.of("t_initial", 10, "t_mul", -2.0), ParamGroupList.of(0.1)));
        assertEquals("t_mul must be > 0, got -2.0", legacy.getMessage());
        InvalidValueException flag = assertThrows(InvalidValueException.class, () -> org.lr4j.factory.SchedulerFactory
                .create(org.lr4j.factory.SchedulerConfig.builder().sched("cosine").lrCycleDecay(2).lrCycleLimit(5000)
                        .build(), ParamGroupList.of(0.1), 1));
        assertEquals("lr_cycle_decay", flag.parameter());
        assertEquals("cycle_decay", ((InvalidValueException) flag.getCause()).parameter());
    }
}
