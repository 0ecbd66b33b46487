package org.lr4j.reliability;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lr4j.internal.replay.ReferenceCase;

/**
 * Computes reference cases (one JSON object a line, the golden files' format) and writes each result as
 * one line in which every number is its IEEE bits in hex, so that two traces are equal exactly when
 * they are bit-identical. Run in a second JVM by {@code TwoJvmTest}:
 * {@code java -cp <test classpath> org.lr4j.reliability.TraceMain cases.jsonl trace.txt}.
 */
public final class TraceMain {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TraceMain() {
    }

    public static void main(String[] args) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
                BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                out.write(trace(line));
                out.newLine();
            }
        }
    }

    /** The trace of one case given as a JSON line. */
    @SuppressWarnings("unchecked")
    static String trace(String caseJson) throws IOException {
        StringBuilder sb = new StringBuilder();
        append(sb, ReferenceCase.compute(JSON.readValue(caseJson, Map.class)));
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v) {
        if (v instanceof Map<?, ?> m) {
            sb.append('{');
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(e.getKey()).append('=');
                append(sb, e.getValue());
                sb.append(';');
            }
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            for (Object o : l) {
                append(sb, o);
                sb.append(',');
            }
            sb.append(']');
        } else if (v instanceof Double d) {
            sb.append(Long.toHexString(Double.doubleToRawLongBits(d)));
        } else {
            sb.append(v);
        }
    }
}
