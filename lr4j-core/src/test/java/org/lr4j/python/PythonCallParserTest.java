package org.lr4j.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Python call reader: what it reads, and errors that point at the offending character. */
class PythonCallParserTest {
    @Test
    void readsNumbersStringsListsTuplesNoneBoolsDictsAndNestedCalls() {
        PyValue.PyCall c = PythonCallParser.parse(
                "torch.optim.lr_scheduler.Foo(optimizer, 1, -2.5e-3, 'a', \"b\\\"c\", None, True, False, [1, 2.0],"
                        + " (3,), {'k': 1_000}, x=Bar(y=[]), z=float('inf'), w=.5, v=5., u=-7)");
        assertEquals("Foo", c.name());
        List<PyValue> a = c.args();
        assertInstanceOf(PyValue.PyName.class, a.get(0));
        assertEquals(1L, ((PyValue.PyInt) a.get(1)).value());
        assertEquals(-2.5e-3, ((PyValue.PyFloat) a.get(2)).value());
        assertEquals("a", ((PyValue.PyStr) a.get(3)).value());
        assertEquals("b\"c", ((PyValue.PyStr) a.get(4)).value());
        assertInstanceOf(PyValue.PyNone.class, a.get(5));
        assertEquals(true, ((PyValue.PyBool) a.get(6)).value());
        assertEquals(false, ((PyValue.PyBool) a.get(7)).value());
        PyValue.PyList list = (PyValue.PyList) a.get(8);
        assertEquals(false, list.tuple());
        assertEquals(2.0, ((PyValue.PyFloat) list.items().get(1)).value());
        assertEquals(true, ((PyValue.PyList) a.get(9)).tuple());
        assertEquals(1000L, ((PyValue.PyInt) ((PyValue.PyDict) a.get(10)).entries().get("k")).value());
        assertEquals("Bar", ((PyValue.PyCall) c.kwargs().get("x")).name());
        assertEquals(Double.POSITIVE_INFINITY, ((PyValue.PyFloat) c.kwargs().get("z")).value());
        assertEquals(0.5, ((PyValue.PyFloat) c.kwargs().get("w")).value());
        assertEquals(5.0, ((PyValue.PyFloat) c.kwargs().get("v")).value());
        assertEquals(-7L, ((PyValue.PyInt) c.kwargs().get("u")).value());
        assertEquals(List.of("x", "z", "w", "v", "u"), List.copyOf(c.kwargs().keySet()));
    }

    /** The error's column (1-based), its reason's start, and the caret under the column. */
    private static void assertError(String src, int column, String reasonStart) {
        PythonCallException e = assertThrows(PythonCallException.class, () -> PythonCallParser.parse(src));
        assertEquals(column, e.column(), e.getMessage());
        assertTrue(e.reason().startsWith(reasonStart), e.reason());
        String[] lines = e.getMessage().split("\n");
        assertEquals("column " + column + ": " + e.reason(), lines[0]);
        assertEquals("  " + src, lines[1]);
        assertEquals("  " + " ".repeat(column - 1) + "^", lines[2]);
        assertEquals("column " + column + ": " + e.reason() + ": " + src.substring(0, column - 1) + "^"
                + src.substring(column - 1), e.oneLine());
    }

    @Test
    void errorsPointAtTheOffendingCharacter() {
        assertError("StepLR(step_size=30", 20, "expected ')' or ','");
        assertError("StepLR(step_size=30))", 21, "unexpected ')' after the call");
        assertError("StepLR(step_size=, gamma=0.1)", 18, "unexpected ','");
        assertError("StepLR(step_size=3 0)", 20, "expected ')' or ','");
        assertError("StepLR(gamma=0.1, 30)", 19, "positional argument follows keyword argument");
        assertError("StepLR(gamma=0.1, gamma=0.2)", 19, "keyword argument repeated: gamma");
        assertError("StepLR(step_size='30)", 18, "string not closed");
        assertError("StepLR(step_size=1.2.3)", 18, "invalid number: 1.2.3");
        assertError("StepLR(step_size=30x)", 20, "invalid number: unexpected 'x'");
        assertError("StepLR(step_size=007)", 18, "leading zeros");
        assertError("[1, 2]", 1, "expected a call");
        assertError("", 1, "expected a call");
        assertError("StepLR(step_size=@)", 18, "unexpected '@'");
        assertError("StepLR(x=[1, 2)", 15, "expected ']' or ','");
        assertError("StepLR(x={1: 2})", 11, "dict keys must be strings");
        assertError("StepLR(step_size=99999999999999999999)", 18, "int out of range");
    }
}
