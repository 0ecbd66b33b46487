package org.lr4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lr4j.golden.Golden;

class TableCommandTest {
    @TempDir
    Path dir;

    private static double[] lrColumn(String csv) {
        return csv.lines().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[2])).toArray();
    }

    /** A train.py args.yaml (what timm writes into its output folder) reproduces that run's epoch rates. */
    @SuppressWarnings("unchecked")
    @Test
    void fromArgsReproducesTrainingRunCases() throws Exception {
        int checked = 0;
        for (Map<String, Object> c : Golden.all()) {
            Map<String, Object> args = (Map<String, Object>) c.get("train_args");
            List<Object> groups = (List<Object>) c.get("param_groups");
            if (args == null || groups.size() != 1 || ((Map<String, Object>) groups.get(0)).size() != 1
                    || (c.get("metrics") != null && "plateau".equals(args.get("sched")))) {
                continue;
            }
            double lr = Golden.num(((Map<String, Object>) groups.get(0)).get("lr"));
            StringBuilder yaml = new StringBuilder("model: resnet34\ndata_dir: ../imagenette2-320\nlr: " + lr + "\n");
            for (Map.Entry<String, Object> e : args.entrySet()) {
                yaml.append(e.getKey()).append(": ").append(Json.JSON.writeValueAsString(e.getValue())).append('\n');
            }
            Path file = dir.resolve(c.get("id") + ".yaml");
            Files.writeString(file, yaml);
            Cli r = Cli.run("table", "--from-args", file.toString(), "--updates-per-epoch",
                    String.valueOf(c.get("updates_per_epoch")));
            assertEquals(0, r.status(), () -> c.get("id") + ": " + r.err());
            List<Object> expected = Boolean.TRUE.equals(args.get("sched_on_updates"))
                    ? (List<Object>) c.get("update_lrs") : (List<Object>) c.get("epoch_lrs");
            double[] got = lrColumn(r.out());
            assertEquals(expected.size(), got.length, () -> c.get("id") + " rows");
            for (int i = 0; i < got.length; i++) {
                double e = Golden.num(((List<Object>) expected.get(i)).get(0));
                assertTrue(Golden.matches(got[i], e, Golden.scale(c)), c.get("id") + " row " + i + ": " + got[i] + " vs " + e);
            }
            checked++;
        }
        assertTrue(checked >= 30, "training-run cases checked: " + checked);
    }

    @Test
    void flagsOverrideArgsFile() throws Exception {
        Path file = dir.resolve("args.yaml");
        Files.writeString(file, "sched: step\nepochs: 40\ndecay_epochs: 10\ndecay_rate: 0.5\nlr: 0.1\nwarmup_epochs: 0\n");
        Cli r = Cli.run("table", "--from-args", file.toString(), "--epochs", "20");
        assertEquals(0, r.status(), r.err());
        double[] lr = lrColumn(r.out());
        assertEquals(20, lr.length);
        assertEquals(0.1, lr[9]);
        assertEquals(0.05, lr[10]);
    }

    @Test
    void jsonFormatAndGroups() throws Exception {
        Cli r = Cli.run("table", "--sched", "cosine", "--epochs", "4", "--warmup-epochs", "0", "--lr", "0.1",
                "--lr-scale", "1", "0.5", "--format", "json");
        assertEquals(0, r.status(), r.err());
        @SuppressWarnings("unchecked")
        Map<String, Object> doc = Json.JSON.readValue(r.out(), Map.class);
        assertEquals(4, doc.get("num_epochs"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) doc.get("rows");
        assertEquals(List.of(0.1, 0.05), rows.get(0).get("groups"));
        assertEquals(0.075, (Double) rows.get(0).get("lr"), 1e-15);
        // cos(pi * 2 / 4) = 0: the midpoint
        assertEquals(0.05, (Double) ((List<?>) rows.get(2).get("groups")).get(0), 1e-15);
    }

    @Test
    void stateOutThenInContinuesAsOneRun() throws Exception {
        String[] sched = {"--sched", "plateau", "--epochs", "12", "--warmup-epochs", "1", "--lr", "0.1",
            "--patience-epochs", "1", "--decay-rate", "0.5", "--lr-noise", "0.25", "--metrics", "1,2,2,2,2,3,3,3,3,3,3,3"};
        Cli whole = Cli.run(concat(sched, "table"));
        assertEquals(0, whole.status(), whole.err());
        Path state = dir.resolve("state.json");
        Cli first = Cli.run(concat(sched, "table", "--end-epoch", "6", "--state-out", state.toString()));
        assertEquals(0, first.status(), first.err());
        assertTrue(Files.readString(state).contains("\"plateau\""));
        Cli second = Cli.run(concat(sched, "table", "--state-in", state.toString(), "--start-epoch", "6"));
        assertEquals(0, second.status(), second.err());
        double[] all = lrColumn(whole.out());
        double[] a = lrColumn(first.out());
        double[] b = lrColumn(second.out());
        assertEquals(all.length, a.length + b.length);
        for (int i = 0; i < all.length; i++) {
            assertEquals(all[i], i < a.length ? a[i] : b[i - a.length], "epoch " + i);
        }
    }

    private static String[] concat(String[] tail, String... head) {
        String[] out = new String[head.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(tail, 0, out, head.length, tail.length);
        return out;
    }

    @Test
    void badInputIsOneLineWithStatusTwo() throws Exception {
        Cli.run("table", "--epochs", "0").assertBadInput("--epochs");
        Cli.run("table", "--epochs", "ten").assertBadInput("--epochs");
        Cli.run("table", "--nope").assertBadInput("--nope");
        Cli.run("table", "--sched", "linear").assertBadInput("--sched");
        Cli.run("table", "--sched", "multistep", "--decay-milestones", "30", "10").assertBadInput("--decay-milestones");
        Cli.run("table", "--sched", "plateau", "--sched-on-updates").assertBadInput("plateau");
        Cli.run("table", "--format", "xml").assertBadInput("--format");
        Cli.run("table", "--from-args", dir.resolve("missing.yaml").toString()).assertBadInput("missing.yaml");
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "sched: [tanh\n");
        Cli.run("table", "--from-args", bad.toString()).assertBadInput("bad.yaml");
        Path wrong = dir.resolve("wrong.yaml");
        Files.writeString(wrong, "epochs: many\n");
        Cli.run("table", "--from-args", wrong.toString()).assertBadInput("wrong.yaml");
        Path truncated = dir.resolve("state.json");
        Files.writeString(truncated, "{\"scheduler\": \"tanh\", \"base_values\": [0.1");
        Cli.run("table", "--sched", "tanh", "--state-in", truncated.toString()).assertBadInput("state.json");
        Path aFile = dir.resolve("a-file");
        Files.writeString(aFile, "x");
        Cli.run("table", "-o", aFile.resolve("out.csv").toString()).assertBadInput("out.csv");
        Cli.run("nope").assertBadInput("nope");
    }

    @Test
    void longTablesStreamPastTheOldTwoMillionRowCapAndFilesEqualStdout() throws Exception {
        Path csv = dir.resolve("long.csv");
        Cli r = Cli.run("table", "--sched", "tanh", "--epochs", "2001", "--sched-on-updates", "--updates-per-epoch", "1000",
                "--warmup-epochs", "0", "-o", csv.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.out());
        long[] count = {0};
        String[] last = {null};
        try (var lines = Files.lines(csv)) {
            lines.forEach(l -> {
                count[0]++;
                last[0] = l;
            });
        }
        assertEquals(1 + 2_001_000, count[0], "header and one row per update");
        assertTrue(last[0].startsWith("2000,2000999,"), last[0]);
        for (String format : List.of("csv", "json")) {
            Path file = dir.resolve("t." + format);
            String[] args = {"table", "--sched", "multistep", "--epochs", "30", "--decay-milestones", "10", "20",
                "--format", format, "--lr-scale", "1", "0.1"};
            Cli toFile = Cli.run(concat(java.util.Arrays.copyOfRange(args, 1, args.length), "table", "-o", file.toString()));
            assertEquals(0, toFile.status(), toFile.err());
            assertEquals(Cli.run(args).out(), Files.readString(file), format + ": the file holds what stdout shows");
        }
    }

    @Test
    void aScheduleThatCannotWorkRunsAsTimmWithOneWarningLine() {
        Cli r = Cli.run("table", "--sched", "tanh", "--epochs", "5", "--warmup-epochs", "5");
        assertEquals(0, r.status(), r.err());
        List<String> rows = r.out().lines().skip(1).toList();
        assertEquals(5, rows.size(), "runs as timm does");
        assertEquals(1e-5, Double.parseDouble(rows.get(0).split(",")[2]));
        assertTrue(Double.parseDouble(rows.get(4).split(",")[2]) < 1e-5, "the warmup falls: " + rows);
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("lr4j: warning: --warmup-epochs 5 covers the whole 5-epoch tanh schedule"), r.err());
        assertTrue(r.err().strip().endsWith("lower --warmup-epochs below 5 or set --warmup-prefix"), r.err());
        Cli fine = Cli.run("table", "--sched", "tanh", "--epochs", "5", "--warmup-epochs", "1");
        assertEquals("", fine.err());
    }

    @Test
    void replayBadInput() throws Exception {
        Cli.run("replay", dir.resolve("none.jsonl").toString()).assertBadInput("none.jsonl");
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"id\": 1,\n");
        Cli.run("replay", bad.toString()).assertBadInput("bad.jsonl:1");
    }

    @Test
    void replayReportsRefusedCasesInline() throws Exception {
        Path in = dir.resolve("cases.jsonl");
        Files.writeString(in, "{\"id\":\"x\",\"scheduler\":\"linear\",\"kwargs\":{},\"param_groups\":[{\"lr\":0.1}],"
                + "\"drive\":\"step\",\"t\":[0]}\n{\"id\":\"y\",\"scheduler\":\"tanh\",\"kwargs\":{\"t_initial\":0},"
                + "\"param_groups\":[{\"lr\":0.1}],\"drive\":\"step\",\"t\":[0]}\n");
        Cli r = Cli.run("replay", in.toString());
        assertEquals(0, r.status(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2, lines.size());
        assertTrue(lines.get(0).contains("\"error\":\"scheduler must be one of"), lines.get(0));
        assertTrue(lines.get(1).contains("t_initial must be > 0, got 0"), lines.get(1));
    }

    @Test
    void versionAndHelp() {
        Cli v = Cli.run("--version");
        assertEquals(0, v.status());
        assertTrue(v.out().startsWith("lr4j "));
        Cli h = Cli.run("table", "--help");
        assertEquals(0, h.status());
        assertTrue(h.out().contains("--lr-cycle-mul") && h.out().contains("default: 1.0"), h.out());
    }
}
