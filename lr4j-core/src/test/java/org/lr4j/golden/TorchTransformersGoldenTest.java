package org.lr4j.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lr4j.internal.replay.TorchCase;

/**
 * Every case of {@code torch-transformers.jsonl}, written as its Python call, read and built by
 * {@code org.lr4j.python}, driven, and compared under the README's rule: {@code s} the largest of the
 * groups' lr, max_lr, base_lr and optimizer_lr; momentums with {@code s = 1}; an error at the same call
 * where the reference raised.
 */
class TorchTransformersGoldenTest {
    static final String FILE = "torch-transformers.jsonl";

    static Stream<Arguments> cases() {
        return Golden.load(FILE).stream().map(c -> Arguments.of(c.get("id"), c));
    }

    @Test
    void theFileIsComplete() {
        assertEquals(217, Golden.load(FILE).size());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesReference(String id, Map<String, Object> c) {
        Map<String, Object> out = TorchCase.compute(c);
        if (c.containsKey("construct_error")) {
            assertNotNull(out.get("error"), () -> id + ": the reference refused the configuration, lr4j built it");
            assertNull(out.get("lrs"), id);
            return;
        }
        assertTrue(out.containsKey("lrs"), () -> id + ": lr4j refused the case: " + out.get("error"));
        if (c.containsKey("error_at_step")) {
            assertEquals(((Number) c.get("error_at_step")).intValue(), out.get("error_at_step"),
                    () -> id + ": the reference raised at this step; lr4j: " + out.get("error"));
            assertNotNull(out.get("error"), id);
        } else {
            assertNull(out.get("error_at_step"), () -> id + ": lr4j raised: " + out.get("error"));
        }
        double s = Golden.torchScale(c);
        for (String f : List.of("initial_lrs", "lrs", "initial_momentums", "momentums")) {
            boolean momentum = f.contains("momentum");
            if (!c.containsKey(f)) {
                assertNull(out.get(f), () -> id + ": lr4j reports " + f + " the reference does not cycle");
                continue;
            }
            String diff = Golden.compare(f, c.get(f), out.get(f), momentum ? 1.0 : s, false);
            assertNull(diff, () -> id + ": " + diff);
        }
    }
}
