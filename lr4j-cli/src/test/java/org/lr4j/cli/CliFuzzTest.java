package org.lr4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lr4j.golden.Golden;

/**
 * Feeds the command line mutated input and checks its contract: exit status 0 or 2, never anything
 * else; with 2, nothing on stdout, exactly one line on stderr and no stack trace; with 0, nothing on
 * stderr but at most one {@code lr4j: warning:} line. The mutations start from the reference cases (structured: a value, key or list replaced by
 * an awkward one; textual: characters deleted, inserted, swapped, numbers garbled, lines truncated)
 * and from random flag lists of {@code table} and {@code plot}.
 *
 * <p>Deterministic: the seed is fixed ({@code -Dlr4j.fuzz.seed=N} tries another) and every failure
 * shows the input that caused it.
 */
class CliFuzzTest {
    private static final long SEED = Long.getLong("lr4j.fuzz.seed", 20_261_125L);

    @TempDir
    Path dir;
    private Random random;

    @BeforeEach
    void seed() throws IOException {
        random = new Random(SEED);
        Files.writeString(dir.resolve("a-file"), "x");
    }

    // ---------------------------------------------------------------------------------------------
    // the contract

    private static void check(Cli r, String input) {
        if (r.status() == 0) {
            // nothing, or one warning about a schedule that cannot work as meant (ScheduleWarnings)
            assertTrue(r.err().isEmpty() || (r.err().startsWith(Output.WARNING) && r.err().strip().lines().count() == 1),
                    () -> "stderr with status 0 for " + input + ": " + r.err());
            return;
        }
        assertEquals(2, r.status(), () -> "status " + r.status() + " (" + r.err().strip() + ") for " + input);
        assertEquals("", r.out(), () -> "stdout with status 2 for " + input);
        assertEquals(1, r.err().strip().lines().count(), () -> "stderr of " + input + ": " + r.err());
        assertFalse(r.err().contains("\tat "), () -> "stack trace for " + input + ": " + r.err());
    }

    // ---------------------------------------------------------------------------------------------
    // reference-case lines

    /** The reference cases, with call lists cut to 40 so that 10,000 of them replay in seconds. */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> seeds() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> c : Golden.all()) {
            Map<String, Object> k = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : c.entrySet()) {
                // expected fields are ignored by replay; keep a few so that mutations may hit them
                if (!List.of("lrs", "values", "epoch_lrs", "update_lrs", "errors").contains(e.getKey())) {
                    k.put(e.getKey(), e.getValue());
                }
            }
            for (String list : List.of("t", "metrics")) {
                if (k.get(list) instanceof List<?> l && l.size() > 40) {
                    k.put(list, new ArrayList<>(l.subList(0, 40)));
                }
            }
            out.add(k);
        }
        return out;
    }

    private static final List<String> KEYS = List.of("id", "timm", "scheduler", "kwargs", "param_groups", "drive", "t",
            "metrics", "train_args", "updates_per_epoch", "t_initial", "lb", "ub", "lr_min", "cycle_mul", "cycle_decay",
            "cycle_limit", "warmup_t", "warmup_lr_init", "warmup_prefix", "t_in_epochs", "noise_range_t", "noise_pct",
            "noise_std", "noise_seed", "noise_type", "initialize", "k_decay", "power", "decay_t", "decay_rate",
            "patience_t", "threshold", "cooldown_t", "mode", "t_mul", "lr", "initial_lr", "lr_scale", "sched", "epochs",
            "decay_epochs", "decay_milestones", "warmup_epochs", "cooldown_epochs", "patience_epochs", "min_lr",
            "warmup_lr", "lr_noise", "lr_noise_pct", "lr_noise_std", "seed", "lr_cycle_mul", "lr_cycle_decay",
            "lr_cycle_limit", "lr_k_decay", "sched_on_updates", "eval_metric", "lr_base", "lr_base_size", "lr_base_scale",
            "batch_size", "opt", "verbose");

    private Object awkward() {
        Object[] values = {0, -1, 1, 2, 2.5, -0.0, 1e-320, 1e308, -1e308, 1e19, Long.MAX_VALUE, Long.MIN_VALUE,
            new BigInteger("9223372036854775808"), 4_503_599_627_370_497L, 0.1, 1e-4, 0.9999, 3, 100, 1000, "NaN", "inf",
            "Infinity", "-Infinity", "", "x", "tanh", "cosine", "poly", "step", "multistep", "plateau", "linear",
            "step_update", "0.4", "min", "uniform", true, false, null, List.of(), List.of(1, 2, 3), List.of(3, 1),
            List.of(0.5), Map.of(), Map.of("lr", 0.1), List.of(Map.of("lr", 0.1)), List.of(Map.of())};
        Object v = values[random.nextInt(values.length)];
        if (v instanceof List<?> || v instanceof Map<?, ?>) {
            try {
                return Json.JSON.readValue(Json.JSON.writeValueAsString(v), Object.class); // a mutable deep copy
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return v;
    }

    /** Every map and list inside {@code root}, itself included. */
    private static void containers(Object root, List<Object> out) {
        if (root instanceof Map<?, ?> m) {
            out.add(m);
            for (Object v : m.values()) {
                containers(v, out);
            }
        } else if (root instanceof List<?> l) {
            out.add(l);
            for (Object v : l) {
                containers(v, out);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void mutate(Map<String, Object> c) {
        List<Object> all = new ArrayList<>();
        containers(c, all);
        Object args = c.containsKey("kwargs") ? c.get("kwargs") : c.get("train_args");
        // half the time the scheduler's arguments: where most of the rules are
        Object target = random.nextBoolean() && args instanceof Map<?, ?> ? args : all.get(random.nextInt(all.size()));
        int op = random.nextInt(6);
        if (target instanceof Map<?, ?> raw) {
            Map<String, Object> m = (Map<String, Object>) raw;
            List<String> keys = new ArrayList<>(m.keySet());
            if (op == 0 && !keys.isEmpty()) {
                m.remove(keys.get(random.nextInt(keys.size())));
            } else if (op <= 2 || keys.isEmpty()) {
                m.put(KEYS.get(random.nextInt(KEYS.size())), awkward());
            } else {
                m.put(keys.get(random.nextInt(keys.size())), awkward());
            }
        } else {
            List<Object> l = (List<Object>) target;
            if (op == 0 || l.isEmpty()) {
                l.add(random.nextInt(l.size() + 1), awkward());
            } else if (op == 1) {
                l.remove(random.nextInt(l.size()));
            } else if (op == 2) {
                Collections.reverse(l);
            } else if (op == 3) {
                l.clear();
            } else {
                l.set(random.nextInt(l.size()), awkward());
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> copy(Map<String, Object> c) throws IOException {
        return Json.JSON.readValue(Json.JSON.writeValueAsString(c), Map.class);
    }

    private String textMutation(String line) {
        StringBuilder s = new StringBuilder(line);
        String chars = "{}[],:\"\\0123456789.eE+-naNI tx\u0000\u00e9";
        for (int k = 1 + random.nextInt(3); k > 0 && s.length() > 0; k--) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(6)) {
                case 0 -> s.delete(at, Math.min(s.length(), at + 1 + random.nextInt(8)));
                case 1 -> s.insert(at, chars.charAt(random.nextInt(chars.length())));
                case 2 -> s.setLength(at);
                case 3 -> {
                    int to = Math.min(s.length(), at + 1 + random.nextInt(12));
                    s.insert(at, s.substring(at, to));
                }
                case 4 -> {
                    int other = random.nextInt(s.length());
                    char a = s.charAt(at);
                    s.setCharAt(at, s.charAt(other));
                    s.setCharAt(other, a);
                }
                default -> {
                    // a number garbled: NaN, an infinity, an overflowing exponent, leading zeros, two points
                    int digit = indexOfDigit(s, at);
                    if (digit >= 0) {
                        String[] garbles = {"NaN", "Infinity", "-Infinity", "1e999", "-0", "007", "1.2.3", "9".repeat(30)};
                        s.replace(digit, digit + 1, garbles[random.nextInt(garbles.length)]);
                    }
                }
            }
        }
        return s.toString();
    }

    private static int indexOfDigit(StringBuilder s, int from) {
        for (int i = 0; i < s.length(); i++) {
            int j = (from + i) % s.length();
            if (Character.isDigit(s.charAt(j))) {
                return j;
            }
        }
        return -1;
    }

    private static boolean isJson(String line) {
        try {
            Json.JSON.readValue(line, Object.class);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    @Test
    void overTenThousandMutatedReferenceCaseLines() throws IOException {
        List<Map<String, Object>> seeds = seeds();
        List<String> valid = new ArrayList<>();
        List<String> malformed = new ArrayList<>();
        for (int i = 0; i < 9_200; i++) {
            Map<String, Object> c = copy(seeds.get(random.nextInt(seeds.size())));
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                mutate(c);
            }
            valid.add(Json.JSON.writeValueAsString(c));
        }
        for (int i = 0; i < 1_000; i++) {
            String line = textMutation(Json.JSON.writeValueAsString(seeds.get(random.nextInt(seeds.size()))));
            (isJson(line) ? valid : malformed).add(line);
        }
        // lines that are JSON: replayed in batches, one output line each, status 0
        int batch = 200;
        for (int from = 0; from < valid.size(); from += batch) {
            List<String> lines = valid.subList(from, Math.min(valid.size(), from + batch));
            Path in = dir.resolve("batch.jsonl");
            Files.write(in, lines, StandardCharsets.UTF_8);
            Cli r = Cli.run("replay", in.toString());
            String input = "replay of lines " + from + ".. of the valid ones (seed " + SEED + ")";
            check(r, input);
            assertEquals(0, r.status(), () -> input + ": " + r.err());
            List<String> out = r.out().lines().toList();
            List<String> nonBlank = lines.stream().filter(l -> !l.isBlank()).toList();
            assertEquals(nonBlank.size(), out.size(), input);
            for (int i = 0; i < out.size(); i++) {
                Map<String, Object> result = Json.JSON.readValue(out.get(i), Map.class);
                String line = nonBlank.get(i);
                assertTrue(result.containsKey("id"), () -> "no id for " + line);
                assertTrue(result.get("error") instanceof String ^ (result.containsKey("lrs") || result.containsKey("epoch_lrs")),
                        () -> "neither an error nor results for " + line + ": " + result);
            }
        }
        // lines that are not JSON: each alone; the file and line are named
        for (String line : malformed) {
            Path in = dir.resolve("case.jsonl");
            Files.writeString(in, line + "\n", StandardCharsets.UTF_8);
            Cli r = Cli.run("replay", in.toString());
            check(r, "replay of " + line);
            if (!line.isBlank()) {
                assertEquals(2, r.status(), () -> "malformed line accepted: " + line);
                assertTrue(r.err().contains("case.jsonl:1"), () -> "line not named: " + r.err());
            }
        }
        assertTrue(valid.size() + malformed.size() >= 10_000);
        assertTrue(malformed.size() > 300 && valid.size() > 9_200, "both kinds were fed: " + malformed.size());
    }

    // ---------------------------------------------------------------------------------------------
    // flag lists

    private static final String[][] SCHEDULE_FLAGS = {
        {"--sched", "tanh", "cosine", "poly", "step", "multistep", "plateau", "linear", "", "TANH"},
        {"--epochs", "1", "3", "10", "40", "0", "-1", "2.5", "ten", "9000000000000000", "99999999999999999999", "100000001"},
        {"--lr", "0.1", "1", "0", "-0.1", "NaN", "Infinity", "1e-300", "1e308", "x"},
        {"--lr-base", "0.1", "0", "-1", "NaN"},
        {"--lr-base-size", "256", "0", "-1", "1e-300"},
        {"--lr-base-scale", "linear", "sqrt", "log", ""},
        {"--batch-size", "1", "128", "0", "-5", "x"},
        {"--opt", "sgd", "adamw", "lamb", ""},
        {"--min-lr", "0", "1e-5", "-1", "NaN", "0.5", "10"},
        {"--warmup-lr", "1e-5", "0", "-1e-5", "Infinity", "1"},
        {"--warmup-epochs", "0", "1", "5", "-1", "100000", "x"},
        {"--warmup-prefix", null, "true", "false", "maybe"},
        {"--cooldown-epochs", "0", "2", "-1", "100"},
        {"--decay-epochs", "1", "2.5", "30", "0", "-3", "1e308", "Infinity", "x"},
        {"--decay-milestones", "1 2 3", "30 10", "-5", "x", "1e308", "2 6o"},
        {"--decay-rate", "0", "0.1", "0.5", "1", "1.1", "2", "-0.1", "NaN", "1e200"},
        {"--patience-epochs", "0", "1", "3", "-1", "x"},
        {"--lr-noise", "0.1", "0.2 0.8", "0.9 0.1", "NaN", "-1", "0.1 0.2 0.3", "x"},
        {"--lr-noise-pct", "0.67", "1", "1e-4", "0", "1.5", "-0.2", "NaN", "1e-5"},
        {"--lr-noise-std", "1", "-1", "Infinity"},
        {"--seed", "0", "42", "-1", "9223372036854775807", "2.5", "x"},
        {"--lr-cycle-mul", "1", "2", "0.5", "0", "-1", "NaN", "1e308", "0.01"},
        {"--lr-cycle-decay", "0.5", "1", "2", "0", "-0.5", "NaN"},
        {"--lr-cycle-limit", "0", "1", "3", "100", "-1", "1000000000", "x"},
        {"--lr-k-decay", "1", "2", "0.5", "0", "-1", "40", "NaN"},
        {"--sched-on-updates", null, "true", "false", "x"},
        {"--eval-metric", "top1", "loss", ""},
        {"--lb", "-7", "3", "NaN", "-1e308"},
        {"--ub", "3", "-7", "Infinity"},
        {"--timm", "current", "0.4", "0.5", ""},
    };

    private static final String[][] TABLE_FLAGS = {
        {"--updates-per-epoch", "1", "3", "10", "0", "-1", "x", "4611686018427387904", "1000"},
        {"--format", "csv", "json", "xml"},
        {"--lr-scale", "1", "0.5 1", "-1", "NaN", "1e308", "0"},
        {"--metrics", "0.5,0.4,0.6", "NaN,1", "a", "", "1e308,-1e308"},
        {"--start-epoch", "0", "2", "-1", "1000", "x"},
        {"--end-epoch", "1", "5", "0", "-1", "x", "100"},
    };

    private void addFlags(List<String> args, String[][] vocabulary, int count) {
        for (int k = 0; k < count; k++) {
            String[] flag = vocabulary[random.nextInt(vocabulary.length)];
            String value = flag[1 + random.nextInt(flag.length - 1)];
            if (value == null) {
                args.add(flag[0]);
            } else if (random.nextInt(8) == 0) {
                args.add(flag[0] + "=" + value);
            } else {
                args.add(flag[0]);
                args.addAll(value.isEmpty() ? List.of("") : Arrays.asList(value.split(" ")));
            }
        }
    }

    private Path argsFile(int i) throws IOException {
        List<String> flags = new ArrayList<>();
        addFlags(flags, SCHEDULE_FLAGS, random.nextInt(4));
        StringBuilder yaml = new StringBuilder("model: resnet34\n");
        for (int k = 0; k < flags.size(); k++) {
            if (flags.get(k).startsWith("--")) {
                String name = flags.get(k).substring(2).replace('-', '_');
                String value = k + 1 < flags.size() && !flags.get(k + 1).startsWith("--") ? flags.get(k + 1) : "true";
                yaml.append(name.contains("=") ? name.replace("=", ": ") : name + ": " + value).append('\n');
            }
        }
        String text = random.nextInt(4) == 0 ? textMutation(yaml.toString()) : yaml.toString();
        Path file = dir.resolve("args-" + i + ".yaml");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private Path stateFile(int i) throws IOException {
        String[] states = {
            "{\"scheduler\": \"cosine\", \"base_values\": [0.05], \"lrs\": [0.01]}",
            "{\"scheduler\": \"tanh\", \"base_values\": [0.05], \"lrs\": [0.01]}",
            "{\"scheduler\": \"plateau\", \"base_values\": [0.05], \"lrs\": [0.01], \"plateau\": {\"best\": \"-Infinity\","
                    + " \"num_bad_epochs\": 1, \"cooldown_counter\": 0, \"restore_lrs\": null}}",
            "{\"scheduler\": \"cosine\", \"base_values\": [0.05, 0.1], \"lrs\": [0.01, 0.02]}",
        };
        String text = states[random.nextInt(states.length)];
        Path file = dir.resolve("state-" + i + ".json");
        Files.writeString(file, random.nextBoolean() ? textMutation(text) : text, StandardCharsets.UTF_8);
        return file;
    }

    private List<String> tableArgs(int i) throws IOException {
        List<String> args = new ArrayList<>(List.of("table"));
        addFlags(args, SCHEDULE_FLAGS, random.nextInt(6));
        addFlags(args, TABLE_FLAGS, random.nextInt(3));
        switch (random.nextInt(14)) {
            case 0 -> args.addAll(List.of("--from-args", argsFile(i).toString()));
            case 1 -> args.addAll(List.of("--state-in", stateFile(i).toString()));
            case 2 -> args.addAll(List.of("--state-out",
                    dir.resolve(random.nextBoolean() ? "out-state.json" : "a-file/state.json").toString()));
            case 3 -> args.addAll(List.of("-o", dir.resolve(random.nextBoolean() ? "out.csv" : "a-file/out.csv").toString()));
            case 4 -> args.add(List.of("--bogus", "-x", "--epoch", "stray", "--", "-").get(random.nextInt(6)));
            case 5 -> args.add(random.nextBoolean() ? "--help" : "--version");
            case 6 -> args.remove(args.size() - 1); // a flag without its value, or a bare subcommand
            default -> {
            }
        }
        if (random.nextInt(10) == 0 && args.size() > 1) {
            Collections.shuffle(args.subList(1, args.size()), random);
        }
        return args;
    }

    @Test
    void mutatedFlagLists() throws IOException {
        int ok = 0;
        int bad = 0;
        for (int i = 0; i < 800; i++) {
            List<String> args = tableArgs(i);
            Cli r = Cli.run(args.toArray(new String[0]));
            check(r, args + " (seed " + SEED + ", try " + i + ")");
            if (r.status() == 0) {
                ok++;
            } else {
                bad++;
            }
        }
        // plot: the same flags and the --series mini-language, drawn small
        for (int i = 0; i < 40; i++) {
            List<String> args = new ArrayList<>(List.of("plot", "--width", "200", "--height", "200", "-o",
                    dir.resolve("p" + i + ".svg").toString()));
            addFlags(args, SCHEDULE_FLAGS, random.nextInt(4));
            args.replaceAll(a -> a.equals("100000000") || a.equals("100000") ? "7" : a);
            for (int s = random.nextInt(3); s > 0; s--) {
                List<String> own = new ArrayList<>();
                addFlags(own, SCHEDULE_FLAGS, random.nextInt(3));
                String series = "s" + s + ": " + String.join(" ", own);
                args.addAll(List.of("--series", random.nextInt(3) == 0 ? textMutation(series) : series));
            }
            Cli r = Cli.run(args.toArray(new String[0]));
            check(r, args + " (seed " + SEED + ", plot " + i + ")");
        }
        assertTrue(ok > 100 && bad > 100, () -> "both outcomes were exercised");
        if (ok + bad < 790) {
            fail("too few flag lists ran");
        }
    }
}
