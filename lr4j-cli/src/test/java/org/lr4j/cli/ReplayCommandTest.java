package org.lr4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lr4j.golden.Golden;

/** {@code lr4j replay} over both reference files reproduces every case under the README's rule. */
class ReplayCommandTest {
    @TempDir
    Path dir;

    @SuppressWarnings("unchecked")
    @ParameterizedTest
    @ValueSource(strings = {"timm-curated.jsonl", "timm-random.jsonl"})
    void replayReproducesEveryCase(String file) throws IOException {
        Path in = dir.resolve(file);
        try (InputStream s = Golden.class.getResourceAsStream("/golden/" + file)) {
            Files.copy(s, in);
        }
        Path out = dir.resolve("out.jsonl");
        Cli r = Cli.run("replay", in.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        List<Map<String, Object>> cases = Golden.load(file);
        List<String> lines = Files.readAllLines(out);
        assertEquals(cases.size(), lines.size());
        int compared = 0;
        for (int i = 0; i < cases.size(); i++) {
            Map<String, Object> c = cases.get(i);
            Map<String, Object> got = Json.JSON.readValue(lines.get(i), Map.class);
            assertEquals(c.get("id"), got.get("id"));
            assertNull(got.get("error"), () -> c.get("id") + ": " + got.get("error"));
            double s = Golden.scale(c);
            for (String f : List.of("initial_lrs", "lrs", "cycle_length", "num_epochs", "epoch_lrs", "update_lrs")) {
                if (c.containsKey(f)) {
                    String diff = Golden.compare(f, c.get(f), got.get(f), s, f.equals("lrs"));
                    assertNull(diff, () -> c.get("id") + ": " + diff);
                    compared++;
                }
            }
        }
        assertTrue(compared >= cases.size());
    }
}
