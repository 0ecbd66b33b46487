package org.lr4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.lr4j.state.AtomicFiles;
import org.lr4j.state.SchedulerState;
import org.lr4j.state.StateJson;

/** JSON and YAML with Jackson: the command line's files (args, state, replay lines). */
public final class Json {
    /** Compact JSON, one value per line; NaN is read as a number. */
    public static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    /** YAML (a superset of JSON): train.py's args.yaml. */
    public static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Json() {
    }

    /**
     * Reads a YAML or JSON file holding one object.
     *
     * @throws UsageError naming the file when it is missing, unreadable, or not an object
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> readMap(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw Output.cannotRead(file, e);
        }
        Object value;
        try {
            value = YAML.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            throw new UsageError(file + ": malformed YAML/JSON: " + e.getOriginalMessage(), e);
        }
        if (!(value instanceof Map<?, ?> m)) {
            throw new UsageError(file + ": must hold a YAML/JSON object (name: value pairs), got "
                    + (value == null ? "nothing" : value.getClass().getSimpleName()));
        }
        return (Map<String, Object>) m;
    }

    /**
     * Writes a scheduler state as JSON ({@link StateJson}), atomically.
     *
     * @throws UsageError naming the file when it cannot be written
     */
    public static void writeState(Path file, SchedulerState state) {
        try {
            AtomicFiles.writeString(file, StateJson.toJson(state) + "\n");
        } catch (IOException e) {
            throw Output.cannotWrite(file, e);
        }
    }

    /**
     * Reads a scheduler state written by {@link #writeState}; a truncated or corrupt file is refused.
     *
     * @throws UsageError naming the file and what is wrong with it
     */
    public static SchedulerState readState(Path file) {
        String text = readString(file);
        if (text.isBlank()) {
            throw new UsageError(file + ": empty state file");
        }
        try {
            return StateJson.fromJson(text);
        } catch (IllegalArgumentException e) {
            throw new UsageError(file + ": " + e.getMessage(), e);
        }
    }

    static String readString(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw Output.cannotRead(file, e);
        }
    }
}
