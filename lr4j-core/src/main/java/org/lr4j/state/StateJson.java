package org.lr4j.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lr4j.internal.Checks;
import org.lr4j.internal.JsonText;

/**
 * The one JSON form of a {@link SchedulerState}, used by the command line's {@code --state-out} files and
 * by {@code lr4j train}'s checkpoints:
 * <pre>{@code
 * {
 *   "scheduler": "plateau",
 *   "base_values": [0.1],
 *   "lrs": [0.05],
 *   "plateau": {"best": "-Infinity", "num_bad_epochs": 0, "cooldown_counter": 0, "restore_lrs": null}
 * }
 * }</pre>
 * {@code plateau} is {@code null} for every other scheduler; JSON has no infinities, so an infinite or
 * NaN {@code best} is the string {@code "Infinity"}, {@code "-Infinity"} or {@code "NaN"}. Numbers are
 * written with {@link Double#toString} and read back to the same doubles (asserted by the tests).
 */
public final class StateJson {
    private StateJson() {
    }

    /**
     * The state as indented JSON text.
     *
     * @param state a scheduler's {@code state()}
     * @return the JSON text, which {@link #fromJson(String)} reads back to an equal state
     */
    public static String toJson(SchedulerState state) {
        return JsonText.write(toMap(Checks.notNull("state", state)), true);
    }

    /**
     * The state JSON text holds.
     *
     * @param json text written by {@link #toJson(SchedulerState)} (or by hand in the same shape)
     * @return the state, validated as {@link SchedulerState} validates
     * @throws IllegalArgumentException when the text is not JSON (truncated, corrupt), or a field is missing
     *     or wrong, naming it ({@code state.lrs[1] must be a number, got "x"})
     */
    public static SchedulerState fromJson(String json) {
        Object v = JsonText.parse(json);
        if (!(v instanceof Map<?, ?> m)) {
            throw Checks.invalid("state", "be a JSON object", describe(v));
        }
        return fromMap(m);
    }

    /**
     * The state as a map of plain values (strings, numbers, lists, maps), in the order of {@link #toJson}.
     *
     * @param s a scheduler's {@code state()}
     * @return a new, modifiable map: {@code scheduler}, {@code base_values}, {@code lrs}, {@code plateau}
     */
    public static Map<String, Object> toMap(SchedulerState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scheduler", s.scheduler());
        m.put("base_values", s.baseValues());
        m.put("lrs", s.lrs());
        if (s.plateau() == null) {
            m.put("plateau", null);
        } else {
            PlateauState p = s.plateau();
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("best", Double.isFinite(p.best()) ? (Object) p.best() : Double.toString(p.best()));
            pm.put("num_bad_epochs", p.numBadEpochs());
            pm.put("cooldown_counter", p.cooldownCounter());
            pm.put("restore_lrs", p.restoreLrs());
            m.put("plateau", pm);
        }
        return m;
    }

    /**
     * The state a map of plain values holds (as a JSON reader gives it).
     *
     * @param m the map, as {@link #toMap(SchedulerState)} writes it or a JSON reader gives it
     * @return the state, validated as {@link SchedulerState} validates
     * @throws IllegalArgumentException naming the field that is missing or wrong
     */
    public static SchedulerState fromMap(Map<?, ?> m) {
        Checks.notNull("state", m);
        Object name = m.get("scheduler");
        if (!(name instanceof String)) {
            throw Checks.invalid("state.scheduler", "be a scheduler name", describe(name));
        }
        PlateauState plateau = null;
        Object p = m.get("plateau");
        if (p != null) {
            if (!(p instanceof Map<?, ?> pm)) {
                throw Checks.invalid("state.plateau", "be an object", describe(p));
            }
            plateau = new PlateauState(number("state.plateau.best", pm.get("best")),
                    whole("state.plateau.num_bad_epochs", pm.get("num_bad_epochs")),
                    whole("state.plateau.cooldown_counter", pm.get("cooldown_counter")),
                    pm.get("restore_lrs") == null ? null : numbers("state.plateau.restore_lrs", pm.get("restore_lrs")));
        }
        return new SchedulerState((String) name, numbers("state.base_values", m.get("base_values")),
                numbers("state.lrs", m.get("lrs")), plateau);
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
        if ("NaN".equals(v)) {
            return Double.NaN;
        }
        throw Checks.invalid(name, "be a number", describe(v));
    }

    private static long whole(String name, Object v) {
        if (v instanceof Long || v instanceof Integer) {
            return ((Number) v).longValue();
        }
        throw Checks.invalid(name, "be a whole number", describe(v));
    }

    private static List<Double> numbers(String name, Object v) {
        if (!(v instanceof List<?> list)) {
            throw Checks.invalid(name, "be a list of numbers", describe(v));
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(number(name + "[" + i + "]", list.get(i)));
        }
        return out;
    }

    private static String describe(Object v) {
        return v instanceof String s ? "\"" + s + "\"" : String.valueOf(v);
    }
}
