package org.lr4j.train;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lr4j.compose.TrainLoopScheduler;
import org.lr4j.torch.TorchState;

/**
 * A {@code --schedule} run's scheduler state ({@link TrainLoopScheduler.LoopState}) as the checkpoint's
 * {@code meta.json} field {@code torch_schedule}: {@code {"steps": n, "state": {...}}}, the state's fields by
 * PyTorch's names ({@code scheduler}, {@code last_epoch}, {@code _step_count}, {@code base_lrs},
 * {@code _last_lr}, {@code lrs}, {@code initial_lrs}, {@code momentums}, {@code counters}, {@code children}).
 * Numbers are written as Java's shortest round-trip decimal (non-finite ones as {@code Infinity}, {@code NaN}),
 * so a state read back is equal to the one written.
 */
final class LoopStateJson {
    private LoopStateJson() {
    }

    static JsonObject toJson(TrainLoopScheduler.LoopState s) {
        JsonObject o = new JsonObject();
        o.addProperty("steps", s.steps());
        o.add("state", toJson(s.scheduler()));
        return o;
    }

    static TrainLoopScheduler.LoopState fromJson(JsonElement e) {
        JsonObject o = e.getAsJsonObject();
        return new TrainLoopScheduler.LoopState(required(o, "steps").getAsLong(), state(required(o, "state")));
    }

    private static JsonObject toJson(TorchState s) {
        JsonObject o = new JsonObject();
        o.addProperty("scheduler", s.scheduler());
        o.addProperty("last_epoch", s.lastEpoch());
        o.addProperty("_step_count", s.stepCount());
        o.add("base_lrs", numbers(s.baseLrs()));
        o.add("_last_lr", numbers(s.lastLr()));
        o.add("lrs", numbers(s.lrs()));
        o.add("initial_lrs", numbers(s.initialLrs()));
        o.add("momentums", numbers(s.momentums()));
        JsonObject counters = new JsonObject();
        s.counters().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(c -> counters.add(c.getKey(), new JsonPrimitive(c.getValue())));
        o.add("counters", counters);
        JsonArray children = new JsonArray();
        s.children().forEach(c -> children.add(toJson(c)));
        o.add("children", children);
        return o;
    }

    private static TorchState state(JsonElement e) {
        JsonObject o = e.getAsJsonObject();
        Map<String, Double> counters = new TreeMap<>();
        for (Map.Entry<String, JsonElement> c : required(o, "counters").getAsJsonObject().entrySet()) {
            counters.put(c.getKey(), c.getValue().getAsDouble());
        }
        List<TorchState> children = new ArrayList<>();
        for (JsonElement c : required(o, "children").getAsJsonArray()) {
            children.add(state(c));
        }
        return new TorchState(required(o, "scheduler").getAsString(), required(o, "last_epoch").getAsLong(),
                required(o, "_step_count").getAsLong(), doubles(o, "base_lrs"), doubles(o, "_last_lr"),
                doubles(o, "lrs"), doubles(o, "initial_lrs"), doubles(o, "momentums"), counters, children);
    }

    private static JsonArray numbers(List<Double> values) {
        JsonArray a = new JsonArray();
        values.forEach(v -> a.add(new JsonPrimitive(v)));
        return a;
    }

    private static List<Double> doubles(JsonObject o, String name) {
        List<Double> out = new ArrayList<>();
        for (JsonElement v : required(o, name).getAsJsonArray()) {
            out.add(v.getAsDouble());
        }
        return out;
    }

    private static JsonElement required(JsonObject o, String name) {
        JsonElement e = o.get(name);
        if (e == null || e.isJsonNull()) {
            throw new IllegalArgumentException("its torch_schedule has no " + name);
        }
        return e;
    }
}
