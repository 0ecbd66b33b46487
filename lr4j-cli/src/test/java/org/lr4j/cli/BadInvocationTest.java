package org.lr4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lr4j.reliability.Jvms;

/**
 * Every kind of bad invocation issue 7 lists (unknown flag or subcommand, malformed or out-of-range
 * number, unsorted milestones, plateau with update stepping, unreadable, truncated or malformed
 * JSON/YAML, unwritable output), on every subcommand it applies to: exit status 2, exactly one line on
 * stderr naming the flag or file and the problem, nothing on stdout, no stack trace; the stack trace
 * only with {@code --debug}. A few of them also through a real {@code java} process, as a user runs it.
 */
class BadInvocationTest {
    @TempDir
    static Path dir;
    static Path cases;
    static Path plotOut;

    /** Files the invocations refer to. */
    @BeforeAll
    static void files() throws IOException {
        cases = dir.resolve("cases.jsonl");
        Files.writeString(cases, "{\"id\":\"a\",\"scheduler\":\"tanh\",\"kwargs\":{\"t_initial\":10},"
                + "\"param_groups\":[{\"lr\":0.1}],\"drive\":\"step\",\"t\":[0,1,2]}\n");
        Files.writeString(dir.resolve("truncated.jsonl"), "{\"id\":\"a\",\"scheduler\":\"tanh\",\"kwargs\":{\"t_ini");
        Files.writeString(dir.resolve("malformed.jsonl"), "{\"id\":\"a\"}\nthis is not json\n");
        Files.writeString(dir.resolve("two-values.jsonl"), "{\"id\":\"a\"} {\"id\":\"b\"}\n");
        Files.writeString(dir.resolve("malformed.yaml"), "sched: [tanh\nepochs: 3\n");
        Files.writeString(dir.resolve("list.yaml"), "- sched\n- tanh\n");
        Files.writeString(dir.resolve("bad-value.yaml"), "sched: tanh\nepochs: -3\n");
        Files.writeString(dir.resolve("bad-type.yaml"), "sched: tanh\nwarmup_prefix: perhaps\n");
        Files.writeString(dir.resolve("truncated-state.json"), "{\"scheduler\": \"tanh\", \"base_values\": [0.0");
        Files.writeString(dir.resolve("empty-state.json"), "");
        Files.writeString(dir.resolve("other-state.json"),
                "{\"scheduler\": \"cosine\", \"base_values\": [0.05], \"lrs\": [0.05]}");
        Files.writeString(dir.resolve("negative-state.json"),
                "{\"scheduler\": \"tanh\", \"base_values\": [0.05], \"lrs\": [-0.05]}");
        Files.writeString(dir.resolve("a-file"), "x");
        Files.createDirectories(dir.resolve("a-folder"));
        plotOut = dir.resolve("plot.svg");
    }

    private static Path at(String name) {
        return dir.resolve(name);
    }

    /** One bad invocation: what it is, its arguments, and what stderr must mention. */
    static Arguments bad(String what, String mustMention, Function<Path, List<String>> args) {
        return Arguments.of(what, args, mustMention);
    }

    static List<String> a(Object... args) {
        List<String> out = new ArrayList<>();
        for (Object o : args) {
            out.add(o.toString());
        }
        return out;
    }

    static Stream<Arguments> invocations() {
        return Stream.of(
                // unknown flag or subcommand
                bad("unknown subcommand", "frobnicate", d -> a("frobnicate")),
                bad("no subcommand", "subcommand", d -> a()),
                bad("unknown flag (table)", "--bogus", d -> a("table", "--bogus", "1")),
                bad("unknown flag (replay)", "--bogus", d -> a("replay", cases, "--bogus")),
                bad("unknown flag (plot)", "--bogus", d -> a("plot", "-o", plotOut, "--bogus")),
                bad("unknown flag in a series", "--bogus", d -> a("plot", "-o", plotOut, "--series", "x: --bogus 1")),
                bad("misspelt flag", "--lr-cycle-mull", d -> a("table", "--lr-cycle-mull", "2")),
                bad("missing value", "--epochs", d -> a("table", "--epochs")),
                bad("stray argument", "extra", d -> a("table", "extra")),
                // malformed numbers
                bad("malformed whole number", "--epochs", d -> a("table", "--epochs", "ten")),
                bad("decimal for a whole number", "--epochs", d -> a("table", "--epochs", "2.5")),
                bad("malformed decimal", "--lr", d -> a("table", "--lr", "0.1.2")),
                bad("malformed list item", "--decay-milestones",
                        d -> a("table", "--sched", "multistep", "--decay-milestones", "30", "6o")),
                bad("malformed metric", "--metrics", d -> a("table", "--sched", "plateau", "--metrics", "0.5,x")),
                bad("number too large for a long", "--epochs", d -> a("table", "--epochs", "99999999999999999999")),
                bad("malformed number in a series", "--epochs", d -> a("plot", "-o", plotOut, "--series", "x: --epochs 1e")),
                // out of range
                bad("zero epochs", "--epochs", d -> a("table", "--epochs", "0")),
                bad("negative cycle_mul", "--lr-cycle-mul", d -> a("table", "--lr-cycle-mul", "-1")),
                bad("NaN floor", "--min-lr", d -> a("table", "--min-lr", "NaN")),
                bad("infinite warmup lr", "--warmup-lr", d -> a("table", "--warmup-lr", "Infinity")),
                bad("noise percentage above 1", "--lr-noise-pct", d -> a("table", "--lr-noise-pct", "1.5")),
                bad("noise percentage 0", "--lr-noise-pct", d -> a("table", "--lr-noise-pct", "0")),
                bad("noise range reversed", "--lr-noise", d -> a("table", "--lr-noise", "0.9", "0.1")),
                bad("negative lr", "--lr", d -> a("table", "--lr", "-0.1")),
                bad("growing step decay", "--decay-rate", d -> a("table", "--sched", "step", "--decay-rate", "1.1")),
                bad("plateau decay of 1", "--decay-rate", d -> a("table", "--sched", "plateau", "--decay-rate", "1")),
                bad("cycle decay that overflows", "--lr-cycle-decay",
                        d -> a("table", "--lr-cycle-decay", "2", "--lr-cycle-limit", "2000")),
                bad("lb above ub", "--lb", d -> a("table", "--sched", "tanh", "--lb", "3", "--ub", "-7")),
                bad("unknown sched", "--sched", d -> a("table", "--sched", "linear")),
                bad("unknown timm", "--timm", d -> a("table", "--timm", "0.5")),
                bad("zero updates per epoch", "--updates-per-epoch", d -> a("table", "--updates-per-epoch", "0")),
                bad("updates that overflow", "--epochs", d -> a("table", "--epochs", "9000000000000000",
                        "--sched-on-updates", "--updates-per-epoch", "10000")),
                bad("a run too long to tabulate", "--epochs", d -> a("table", "--epochs", "100000001")),
                bad("a run too long to draw", "--end-epoch", d -> a("plot", "-o", plotOut, "--epochs", "100000000")),
                bad("negative start epoch", "--start-epoch", d -> a("table", "--start-epoch", "-1")),
                bad("unknown format", "--format", d -> a("table", "--format", "xml")),
                bad("out of range in a series", "--min-lr", d -> a("plot", "-o", plotOut, "--series", "x: --min-lr -1")),
                // unsorted milestones, plateau with update stepping
                bad("unsorted milestones", "--decay-milestones",
                        d -> a("table", "--sched", "multistep", "--decay-milestones", "180", "90")),
                bad("unsorted milestones in a series", "--decay-milestones", d -> a("plot", "-o", plotOut,
                        "--series", "x: --sched multistep --decay-milestones 30 10")),
                bad("plateau on updates", "--sched-on-updates", d -> a("table", "--sched", "plateau", "--sched-on-updates")),
                bad("plateau on updates (plot)", "--sched-on-updates",
                        d -> a("plot", "-o", plotOut, "--sched", "plateau", "--sched-on-updates")),
                // unreadable files
                bad("missing cases file", "none.jsonl", d -> a("replay", at("none.jsonl"))),
                bad("a folder as the cases file", "a-folder", d -> a("replay", at("a-folder"))),
                bad("missing args file", "none.yaml", d -> a("table", "--from-args", at("none.yaml"))),
                bad("a folder as the args file", "a-folder", d -> a("table", "--from-args", at("a-folder"))),
                bad("missing state file", "none.json", d -> a("table", "--state-in", at("none.json"))),
                // truncated or malformed JSON/YAML
                bad("truncated cases line", "truncated.jsonl:1", d -> a("replay", at("truncated.jsonl"))),
                bad("malformed cases line", "malformed.jsonl:2", d -> a("replay", at("malformed.jsonl"))),
                bad("two values on a cases line", "two-values.jsonl:1", d -> a("replay", at("two-values.jsonl"))),
                bad("malformed YAML", "malformed.yaml", d -> a("table", "--from-args", at("malformed.yaml"))),
                bad("YAML that is not an object", "list.yaml", d -> a("table", "--from-args", at("list.yaml"))),
                bad("out-of-range value in YAML", "bad-value.yaml", d -> a("table", "--from-args", at("bad-value.yaml"))),
                bad("wrong type in YAML", "bad-type.yaml", d -> a("table", "--from-args", at("bad-type.yaml"))),
                bad("truncated state", "truncated-state.json",
                        d -> a("table", "--sched", "tanh", "--state-in", at("truncated-state.json"))),
                bad("empty state", "empty-state.json", d -> a("table", "--sched", "tanh", "--state-in", at("empty-state.json"))),
                bad("state of another scheduler", "other-state.json",
                        d -> a("table", "--sched", "tanh", "--state-in", at("other-state.json"))),
                bad("state with a negative rate", "negative-state.json",
                        d -> a("table", "--sched", "tanh", "--state-in", at("negative-state.json"))),
                // unwritable output
                bad("table output under a file", "out.csv", d -> a("table", "-o", at("a-file").resolve("out.csv"))),
                bad("table output is a folder", "a-folder", d -> a("table", "-o", at("a-folder"))),
                bad("state output under a file", "state.json",
                        d -> a("table", "--epochs", "3", "--state-out", at("a-file").resolve("state.json"))),
                bad("replay output under a file", "out.jsonl", d -> a("replay", cases, "-o", at("a-file").resolve("out.jsonl"))),
                bad("plot output under a file", "x.svg", d -> a("plot", "--epochs", "3", "-o", at("a-file").resolve("x.svg"))),
                bad("tutorial output under a file", "a-file", d -> a("tutorial", "-o", at("a-file").resolve("gallery"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invocations")
    void answersWithStatusTwoAndOneLine(String what, Function<Path, List<String>> args, String mustMention) {
        Cli.run(args.apply(dir).toArray(new String[0])).assertBadInput(mustMention);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invocations")
    void debugAddsTheStackTrace(String what, Function<Path, List<String>> args, String mustMention) {
        List<String> withDebug = new ArrayList<>(args.apply(dir));
        withDebug.add(withDebug.isEmpty() ? 0 : 1, "--debug");
        Cli r = Cli.run(withDebug.toArray(new String[0]));
        assertEquals(2, r.status(), () -> "status of " + r);
        assertEquals("", r.out(), () -> "stdout of " + r);
        assertTrue(r.err().contains(mustMention), () -> "stderr should mention " + mustMention + ": " + r.err());
        assertTrue(r.err().contains("\tat "), () -> "no stack trace with --debug: " + r.err());
    }

    /** The same contract through {@code java -cp ... org.lr4j.cli.Lr4j}: a real exit status and streams. */
    @Test
    void aRealProcessExitsWithTwoAndOneLine() throws IOException, InterruptedException {
        for (String[] args : List.of(new String[] {"table", "--epochs", "ten"},
                new String[] {"replay", at("malformed.jsonl").toString()},
                new String[] {"table", "--sched", "plateau", "--sched-on-updates"})) {
            List<String> command = Jvms.command(Lr4j.class.getName(), List.of(args));
            Path out = Files.createTempFile(dir, "out", ".txt");
            Path err = Files.createTempFile(dir, "err", ".txt");
            Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS));
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            assertEquals(2, p.exitValue(), stderr);
            assertEquals("", Files.readString(out, StandardCharsets.UTF_8));
            assertEquals(1, stderr.lines().count(), stderr);
            assertTrue(!stderr.contains("\tat "), stderr);
        }
    }
}
