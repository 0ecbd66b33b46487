package org.lr4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.lr4j.internal.replay.ReferenceCase;
import org.lr4j.internal.replay.TorchCase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lr4j replay IN.jsonl [-o OUT.jsonl]}: computes reference cases (the golden traces' format) with
 * lr4j, one output line per input line: {@code id} and the computed fields, or {@code error} for a case
 * lr4j refuses. timm's cases and PyTorch/transformers' cases (those with {@code library}, the README's
 * section "PyTorch and transformers cases") may be mixed.
 */
@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = Lr4j.Version.class,
        description = "Compute reference cases (golden-trace JSON lines) with lr4j: one JSON line out per line in.")
final class ReplayCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN.jsonl", description = "Cases, one JSON object per line ('-' for stdin).")
    Path in;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.jsonl", description = "Output file (default: stdout).")
    Path output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        Output.Buffer buffer = new Output.Buffer();
        PrintWriter w = buffer.writer();
        int lineNo = 0;
        try (BufferedReader r = open(in)) {
            String line;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                Object value;
                try {
                    value = Json.JSON.readValue(line, Object.class);
                } catch (JsonProcessingException e) {
                    throw new UsageError(in + ":" + lineNo + ": malformed JSON: " + e.getOriginalMessage(), e);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> c = value instanceof Map<?, ?> m ? (Map<String, Object>) m : null;
                Map<String, Object> result = c != null && c.containsKey("library") ? TorchCase.compute(c)
                        : ReferenceCase.compute(c);
                if (c == null) {
                    result.put("error", "line " + lineNo + " is not a JSON object");
                }
                w.println(Json.JSON.writeValueAsString(result));
            }
        } catch (IOException e) {
            throw Output.cannotRead(in, e);
        }
        Output.emit(output, buffer.text(), spec.commandLine().getOut());
        return 0;
    }

    private static BufferedReader open(Path in) {
        if (in.toString().equals("-")) {
            return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        }
        try {
            return Files.newBufferedReader(in, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw Output.cannotRead(in, e);
        }
    }
}
