package org.lr4j.djl;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import org.lr4j.state.PlateauState;
import org.lr4j.state.SchedulerState;

/**
 * A {@link SchedulerState} as JSON: {@code {"scheduler": "tanh", "base_values": [...], "lrs": [...],
 * "plateau": null}}; plateau's counters as {@code {"best": ..., "num_bad_epochs": ..., "cooldown_counter":
 * ..., "restore_lrs": [...] or null}}, an infinite {@code best} as the string {@code "Infinity"} or
 * {@code "-Infinity"} (JSON has no infinities).
 */
public final class SchedulerStateJson {
    private SchedulerStateJson() {
    }

    /** The state as a JSON object. */
    public static JsonObject toJson(SchedulerState s) {
        JsonObject o = new JsonObject();
        o.addProperty("scheduler", s.scheduler());
        o.add("base_values", array(s.baseValues()));
        o.add("lrs", array(s.lrs()));
        if (s.plateau() == null) {
            o.add("plateau", JsonNull.INSTANCE);
        } else {
            PlateauState p = s.plateau();
            JsonObject q = new JsonObject();
            q.add("best", Double.isInfinite(p.best()) ? new JsonPrimitive(p.best() > 0 ? "Infinity" : "-Infinity")
                    : new JsonPrimitive(p.best()));
            q.addProperty("num_bad_epochs", p.numBadEpochs());
            q.addProperty("cooldown_counter", p.cooldownCounter());
            q.add("restore_lrs", p.restoreLrs() == null ? JsonNull.INSTANCE : array(p.restoreLrs()));
            o.add("plateau", q);
        }
        return o;
    }

    /**
     * The state a JSON object holds.
     *
     * @throws IllegalArgumentException naming the field that is missing or malformed
     */
    public static SchedulerState fromJson(JsonElement e) {
        try {
            JsonObject o = e.getAsJsonObject();
            PlateauState plateau = null;
            JsonElement p = o.get("plateau");
            if (p != null && !p.isJsonNull()) {
                JsonObject q = p.getAsJsonObject();
                JsonElement best = required(q, "state.plateau.best");
                double b = best.getAsJsonPrimitive().isString() ? Double.parseDouble(best.getAsString()) : best.getAsDouble();
                JsonElement restore = q.get("restore_lrs");
                plateau = new PlateauState(b, required(q, "state.plateau.num_bad_epochs").getAsLong(),
                        required(q, "state.plateau.cooldown_counter").getAsLong(),
                        restore == null || restore.isJsonNull() ? null : list(restore));
            }
            return new SchedulerState(required(o, "state.scheduler").getAsString(),
                    list(required(o, "state.base_values")), list(required(o, "state.lrs")), plateau);
        } catch (IllegalStateException | UnsupportedOperationException | NumberFormatException
                | ClassCastException ex) {
            throw new IllegalArgumentException("scheduler state is malformed: " + ex.getMessage(), ex);
        }
    }

    private static JsonElement required(JsonObject o, String name) {
        JsonElement e = o.get(name.substring(name.lastIndexOf('.') + 1));
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return e;
    }

    private static JsonArray array(List<Double> values) {
        JsonArray a = new JsonArray();
        for (double v : values) {
            a.add(v);
        }
        return a;
    }

    private static List<Double> list(JsonElement e) {
        List<Double> out = new ArrayList<>();
        for (JsonElement x : e.getAsJsonArray()) {
            out.add(x.getAsDouble());
        }
        return out;
    }
}
