package org.lr4j.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.lr4j.group.ParamGroup;
import org.lr4j.group.ParamGroupList;
import org.lr4j.schedule.InvalidValueException;

/** {@link PythonCallException#invalidValue()}: the typed refusal behind an argument's error, none for syntax. */
class PythonCallErrorsTest {
    private static PythonCallException buildError(String call) {
        ParamGroupList g = ParamGroupList.of(ParamGroup.of(0.1).momentum(0.9));
        return assertThrows(PythonCallException.class, () -> ScheduleCall.parse(call).build(g, 0.1));
    }

    @Test
    void aValueOfTheWrongKindIsTypedAndPointedAt() {
        String src = "OneCycleLR(max_lr=0.1, total_steps=0)";
        PythonCallException e = buildError(src);
        InvalidValueException v = e.invalidValue().orElseThrow();
        assertEquals("total_steps", v.parameter());
        assertEquals("must be a positive integer (Expected positive integer total_steps)", v.rule());
        assertEquals("0", v.value());
        assertEquals(v.getMessage(), e.reason());
        assertEquals(src.indexOf("=0)") + 2, e.column());
    }

    @Test
    void aBuilderRefusalKeepsTheBuildersTypedError() {
        String src = "CyclicLR(base_lr=0.01, max_lr=0.1, step_size_up=0, cycle_momentum=False)";
        PythonCallException e = buildError(src);
        InvalidValueException v = e.invalidValue().orElseThrow();
        assertEquals("step_size_up", v.parameter());
        assertEquals("0.0 + 0.0", v.value());
        assertEquals(src.indexOf("=0,") + 2, e.column());
        assertTrue(e.reason().startsWith("CyclicLR: step_size_up + step_size_down must not be 0"), e.reason());
    }

    @Test
    void syntaxAndBindingErrorsCarryNoTypedValue() {
        PythonCallException e = assertThrows(PythonCallException.class, () -> ScheduleCall.parse("StepLR(step_size="));
        assertTrue(e.invalidValue().isEmpty());
        e = assertThrows(PythonCallException.class, () -> ScheduleCall.parse("StepLR(gamma=0.5)"));
        assertTrue(e.invalidValue().isEmpty());
    }
}
