package org.lr4j.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lr4j.state.AtomicFiles;
import org.lr4j.state.PlateauState;
import org.lr4j.state.SchedulerState;

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

    /** A scheduler state as a JSON-ready map (snake_case names, as the rest of lr4j's files). */
    public static Map<String, Object> stateToMap(SchedulerState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheduler", s.scheduler());
        m.put("base_values", s.baseValues());
        m.put("lrs", s.lrs());
        if (s.plateau() != null) {
            PlateauState p = s.plateau();
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("best", p.best());
            pm.put("num_bad_epochs", p.numBadEpochs());
            pm.put("cooldown_counter", p.cooldownCounter());
            pm.put("restore_lrs", p.restoreLrs());
            m.put("plateau", pm);
        }
        return m;
    }

    /**
     * A scheduler state from its map.
     *
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public static SchedulerState stateFromMap(Map<?, ?> m) {
        Object name = m.get("scheduler");
        if (!(name instanceof String)) {
            throw new IllegalArgumentException("state.scheduler must be a scheduler name, got " + name);
        }
        PlateauState plateau = null;
        Object p = m.get("plateau");
        if (p != null) {
            if (!(p instanceof Map<?, ?> pm)) {
                throw new IllegalArgumentException("state.plateau must be an object, got " + p);
            }
            plateau = new PlateauState(number("state.plateau.best", pm.get("best")),
                    whole("state.plateau.num_bad_epochs", pm.get("num_bad_epochs")),
                    whole("state.plateau.cooldown_counter", pm.get("cooldown_counter")),
                    pm.get("restore_lrs") == null ? null : numbers("state.plateau.restore_lrs", pm.get("restore_lrs")));
        }
        return new SchedulerState((String) name, numbers("state.base_values", m.get("base_values")),
                numbers("state.lrs", m.get("lrs")), plateau);
    }

    /**
     * Writes a scheduler state as JSON, atomically.
     *
     * @throws UsageError naming the file when it cannot be written
     */
    public static void writeState(Path file, SchedulerState state) {
        try {
            AtomicFiles.writeBytes(file, JSON.writerWithDefaultPrettyPrinter()
                    .with(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(stateToMap(state)));
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
        Map<String, Object> m;
        try {
            m = JSON.readValue(readString(file), Map.class);
        } catch (JsonProcessingException e) {
            throw new UsageError(file + ": corrupt or truncated state JSON: " + e.getOriginalMessage(), e);
        }
        if (m == null) {
            throw new UsageError(file + ": empty state file");
        }
        try {
            return stateFromMap(m);
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

    private static double number(String name, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if ("Infinity".equals(v)) {
            return Double.POSITIVE_INFINITY;
        }
        if ("-Infinity".equals(v)) {
            return Double.NEGATIVE_INFINITY;
        }
        throw new IllegalArgumentException(name + " must be a number, got " + v);
    }

    private static long whole(String name, Object v) {
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        throw new IllegalArgumentException(name + " must be a whole number, got " + v);
    }

    private static List<Double> numbers(String name, Object v) {
        if (!(v instanceof List<?> list)) {
            throw new IllegalArgumentException(name + " must be a list of numbers, got " + v);
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(number(name + "[" + i + "]", list.get(i)));
        }
        return out;
    }
}
