package org.lr4j.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lr4j.internal.replay.ReferenceCase;

/** Every case of both reference files, computed by lr4j and compared with the README's rule. */
class GoldenTest {
    static Stream<Arguments> cases() {
        return Golden.all().stream().map(c -> Arguments.of(c.get("id"), c));
    }

    @Test
    void bothFilesAreComplete() {
        assertEquals(78, Golden.load("timm-curated.jsonl").size());
        assertEquals(200, Golden.load("timm-random.jsonl").size());
    }

    private static List<Object> withoutRaised(List<Object> values, Map<String, Object> errors) {
        List<Object> out = new java.util.ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            if (!errors.containsKey(Integer.toString(i))) {
                out.add(values.get(i));
            }
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesReference(String id, Map<String, Object> c) {
        Map<String, Object> out = ReferenceCase.compute(c);
        assertNull(out.get("error"), () -> id + ": lr4j refused the case: " + out.get("error"));
        double s = Golden.scale(c);
        List<String> fields = c.containsKey("train_args")
                ? List.of("num_epochs", "epoch_lrs", "update_lrs")
                : List.of("initial_lrs", "lrs", "values", "cycle_length");
        int compared = 0;
        for (String f : fields) {
            if (!c.containsKey(f)) {
                continue;
            }
            compared++;
            // null in lrs marks a call where the reference raised: not compared (README); lr4j must
            // still give a number there. values at those calls are null for the same reason.
            Object expected = c.get(f);
            Object actual = out.get(f);
            boolean skipNull = f.equals("lrs");
            if (f.equals("values") && c.containsKey("errors")) {
                expected = withoutRaised((List<Object>) expected, (Map<String, Object>) c.get("errors"));
                actual = withoutRaised((List<Object>) actual, (Map<String, Object>) c.get("errors"));
            }
            String diff = Golden.compare(f, expected, actual, s, skipNull);
            assertNull(diff, () -> id + ": " + diff);
        }
        assertTrue(compared > 0, id + ": no expected field compared");
        if (c.containsKey("errors")) {
            @SuppressWarnings("unchecked")
            List<Object> lrs = (List<Object>) out.get("lrs");
            for (Object row : lrs) {
                assertFalse(row == null, id + ": lr4j must give a value where the reference raised");
            }
        }
    }
}
