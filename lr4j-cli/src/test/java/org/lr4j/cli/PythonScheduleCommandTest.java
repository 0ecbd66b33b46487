package org.lr4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lr4j.golden.Golden;

/** {@code --schedule "PYTHON CALL"} in table and plot, and replay of the PyTorch/transformers cases. */
class PythonScheduleCommandTest {
    @TempDir
    Path dir;

    /** table --schedule OneCycleLR: the rates and momentums PyTorch gives (tools/torch-examples/examples.json). */
    @SuppressWarnings("unchecked")
    @Test
    void tableGivesPyTorchsRatesAndAMomentumColumn() throws Exception {
        Map<String, Map<String, List<Object>>> ex = new ObjectMapper().readValue(
                Path.of("../tools/torch-examples/examples.json").toFile(), Map.class);
        Cli r = Cli.run("table", "--schedule", "OneCycleLR(max_lr=0.1, total_steps=100)", "--lr", "0.1",
                "--momentum", "0.9");
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("step,lr,group0,momentum", lines.get(0));
        assertEquals(101, lines.size()); // the call's own length: 100 steps
        List<Object> lrs = ex.get("OneCycleLR").get("lrs");
        List<Object> moms = ex.get("OneCycleLR").get("momentums");
        for (int i = 0; i < 100; i++) {
            String[] f = lines.get(i + 1).split(",");
            assertEquals(String.valueOf(i), f[0]);
            double e = ((Number) lrs.get(i)).doubleValue();
            assertTrue(Golden.matches(Double.parseDouble(f[1]), e, 0.1), "row " + i + ": " + f[1] + " vs " + e);
            double m = ((Number) moms.get(i)).doubleValue();
            assertTrue(Golden.matches(Double.parseDouble(f[3]), m, 1.0), "row " + i + ": " + f[3] + " vs " + m);
        }
        Cli plain = Cli.run("table", "--schedule", "ExponentialLR(gamma=0.5)", "--steps", "3", "--lr", "1");
        assertEquals("step,lr,group0\n0,1.0,1.0\n1,0.5,0.5\n2,0.25,0.25\n", plain.out(), plain.err());
    }

    @Test
    void plotDrawsTheCall() throws Exception {
        Path png = dir.resolve("wsd.png");
        Cli r = Cli.run("plot", "--schedule", "get_wsd_schedule(num_warmup_steps=100, num_decay_steps=200,"
                + " num_training_steps=1000)", "-o", png.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void badCallsUnknownNamesAndBadArgumentsAreOneLine() {
        Cli.run("table", "--schedule", "OneCycleLR(max_lr=0.1 total_steps=1000)")
                .assertBadInput("--schedule: column 23: expected ')' or ','");
        Cli.run("plot", "--schedule", "OneCycleLr(max_lr=0.1)", "-o", dir.resolve("x.png").toString())
                .assertBadInput("unknown scheduler OneCycleLr");
        Cli.run("table", "--schedule", "ConstantLR(factor=2.0, total_iters=3)", "--steps", "5")
                .assertBadInput("^2.0");
        Cli.run("table", "--schedule", "StepLR(step_size=3)").assertBadInput("--steps is needed");
        Cli.run("table", "--schedule", "OneCycleLR(max_lr=0.1, total_steps=10)", "--steps", "13")
                .assertBadInput("--schedule: step 11: ");
        Cli.run("table", "--schedule", "ReduceLROnPlateau(patience=1)", "--steps", "4", "--metrics", "1,2")
                .assertBadInput("--metrics");
        Cli.run("table", "--schedule", "ExponentialLR(gamma=0.5)", "--sched", "cosine").assertBadInput("--schedule");
    }

    /** replay answers the PyTorch/transformers cases: all 217 under the README's rule. */
    @SuppressWarnings("unchecked")
    @Test
    void replayAnswersTheTorchTransformersCases() throws Exception {
        Path out = dir.resolve("out.jsonl");
        Path in = Path.of("../lr4j-core/src/test/resources/golden/torch-transformers.jsonl");
        Cli r = Cli.run("replay", in.toString(), "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        List<Map<String, Object>> cases = Golden.load("torch-transformers.jsonl");
        List<String> lines = Files.readAllLines(out);
        assertEquals(cases.size(), lines.size());
        int passed = 0;
        for (int i = 0; i < cases.size(); i++) {
            Map<String, Object> c = cases.get(i);
            Map<String, Object> got = Json.JSON.readValue(lines.get(i), Map.class);
            boolean ok = c.get("id").equals(got.get("id"))
                    && java.util.Objects.equals(c.get("error_at_step"), got.get("error_at_step"));
            for (String f : List.of("initial_lrs", "lrs", "initial_momentums", "momentums")) {
                if (c.containsKey(f)) {
                    ok &= Golden.compare(f, c.get(f), got.get(f), f.contains("momentum") ? 1.0 : Golden.torchScale(c),
                            false) == null;
                }
            }
            passed += ok ? 1 : 0;
        }
        assertEquals(217, passed);
    }
}
