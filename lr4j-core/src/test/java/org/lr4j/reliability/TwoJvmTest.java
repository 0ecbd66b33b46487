package org.lr4j.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.lr4j.golden.Golden;

/**
 * Two separate JVMs compute bit-identical traces: this JVM and a fresh one ({@link TraceMain}, with
 * only the C1 compiler, so that its code is also compiled differently) compute the same reference
 * cases, randomly drawn ones and every golden case, and every number must have the same bits.
 */
class TwoJvmTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Provide
    Arbitrary<List<String>> caseLines() {
        Arbitrary<String> line = Combinators.combine(Specs.anySpec(), Specs.ts().list().ofMinSize(1).ofMaxSize(30),
                Specs.metric().list().ofSize(30), Arbitraries.of(true, false)).as((spec, ts, metrics, onEpoch) -> {
                    boolean plateau = spec.scheduler().equals("plateau");
                    try {
                        return JSON.writeValueAsString(spec.asCase(ts, onEpoch || plateau,
                                plateau ? metrics.subList(0, ts.size()) : null));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                });
        return line.list().ofSize(40);
    }

    @Property(tries = 3)
    void randomCasesGiveBitIdenticalTracesInTwoJvms(@ForAll("caseLines") List<String> cases)
            throws IOException, InterruptedException {
        compareWithASecondJvm(cases);
    }

    @Example
    void goldenCasesGiveBitIdenticalTracesInTwoJvms() throws IOException, InterruptedException {
        List<String> cases = new ArrayList<>();
        for (Map<String, Object> c : Golden.all()) {
            cases.add(JSON.writeValueAsString(c));
        }
        compareWithASecondJvm(cases);
    }

    private static void compareWithASecondJvm(List<String> cases) throws IOException, InterruptedException {
        List<String> here = new ArrayList<>();
        for (String c : cases) {
            here.add(TraceMain.trace(c));
        }
        Path in = Files.createTempFile("lr4j-cases", ".jsonl");
        Path out = Files.createTempFile("lr4j-trace", ".txt");
        Path err = Files.createTempFile("lr4j-trace", ".err");
        try {
            Files.write(in, cases, StandardCharsets.UTF_8);
            Process p = new ProcessBuilder(Jvms.command(TraceMain.class.getName(), List.of(in.toString(), out.toString())))
                    .redirectError(err.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the second JVM did not finish");
            assertEquals(0, p.exitValue(), () -> "the second JVM failed: " + read(err));
            List<String> there = Files.readAllLines(out, StandardCharsets.UTF_8);
            assertEquals(here.size(), there.size());
            for (int i = 0; i < here.size(); i++) {
                assertEquals(here.get(i), there.get(i), "case " + i + ": " + cases.get(i));
            }
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
