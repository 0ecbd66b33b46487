package org.lr4j.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lr4j.internal.JsonText;

/** The one JSON form of a scheduler state, and the small JSON reader/writer under it. */
class StateJsonTest {
    @Test
    void aPlateauStateRoundTripsBitForBitWithItsInfinity() {
        SchedulerState s = new SchedulerState("plateau", List.of(0.1, 0.30000000000000004), List.of(1.0E-5, 0.2),
                new PlateauState(Double.NEGATIVE_INFINITY, 3, 1, List.of(0.07, 4.9E-324)));
        String json = StateJson.toJson(s);
        assertEquals(s, StateJson.fromJson(json));
        assertEquals("-Infinity", ((java.util.Map<?, ?>) StateJson.toMap(s).get("plateau")).get("best"));
        SchedulerState tanh = new SchedulerState("tanh", List.of(0.1), List.of(0.09999991684719722), null);
        assertEquals(tanh, StateJson.fromJson(StateJson.toJson(tanh)));
        assertEquals("{\n  \"scheduler\": \"tanh\",\n  \"base_values\": [0.1],\n  \"lrs\": [0.09999991684719722],\n"
                + "  \"plateau\": null\n}", StateJson.toJson(tanh));
    }

    @Test
    void badTextIsRefusedNamingWhatIsWrong() {
        IllegalArgumentException truncated = assertThrows(IllegalArgumentException.class,
                () -> StateJson.fromJson("{\"scheduler\": \"tanh\", \"base_values\": [0.1"));
        assertEquals("JSON text must have ']' at character 42, got the end of the text (truncated?)",
                truncated.getMessage());
        assertEquals("state.lrs[0] must be a number, got \"x\"", assertThrows(IllegalArgumentException.class,
                () -> StateJson.fromJson("{\"scheduler\": \"tanh\", \"base_values\": [0.1], \"lrs\": [\"x\"]}"))
                .getMessage());
        assertEquals("state.scheduler must be a scheduler name, got null", assertThrows(IllegalArgumentException.class,
                () -> StateJson.fromJson("{}")).getMessage());
    }

    @Test
    void jsonTextReadsWhatItWrites() {
        Object v = JsonText.parse(" {\"a\": [1, -2.5e-3, true, null, \"q\\\"\\u00e9\\n\"], \"b\": {}} ");
        assertEquals("{a=[1, -0.0025, true, null, q\"\u00e9\n], b={}}", v.toString());
        assertEquals(v, JsonText.parse(JsonText.write(v, false)));
        assertEquals(v, JsonText.parse(JsonText.write(v, true)));
        assertEquals(Arrays.asList(1L, 9.223372036854776E18), JsonText.parse("[1, 9223372036854775808]"));
    }
}
