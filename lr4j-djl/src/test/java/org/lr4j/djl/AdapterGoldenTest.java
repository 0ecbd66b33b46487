package org.lr4j.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.types.Shape;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import com.google.gson.Gson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lr4j.factory.TrainLoop;
import org.lr4j.factory.CreatedScheduler;
import org.lr4j.factory.SchedulerConfig;
import org.lr4j.factory.SchedulerFactory;

/**
 * The adapter against the reference traces: every train.py-driven case of the golden files
 * ({@code lr4j-core/src/test/resources/golden}) is run on real DJL optimizers (the seven names in turn),
 * one parameter per group, driven by {@link TrainLoop} as the trainer drives it. The learning rate
 * each optimizer reads through the tracker, for every parameter and every update, equals (as a float) the
 * reference's rate of the parameter's group (epoch_lrs, or update_lrs with sched_on_updates); the groups'
 * own rates at each epoch start equal epoch_lrs to the golden tolerance; and the optimizer's
 * {@code numUpdate} counts from 1, one per update.
 */
class AdapterGoldenTest {
    private static final Path GOLDEN = Paths.get("..", "lr4j-core", "src", "test", "resources", "golden");

    @BeforeAll
    static void offline() {
    }

    @TestFactory
    Stream<DynamicTest> learningRatesSeenByDjlOptimizersEqualTheReference() throws IOException {
        List<Map<String, Object>> cases = new ArrayList<>();
        for (String f : List.of("timm-curated.jsonl", "timm-random.jsonl")) {
            for (String line : Files.readAllLines(GOLDEN.resolve(f), StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> c = new Gson().fromJson(line, Map.class);
                    if (c.containsKey("train_args")) {
                        cases.add(c);
                    }
                }
            }
        }
        assertTrue(cases.size() >= 60, "train cases found: " + cases.size());
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Map<String, Object> c = cases.get(i);
            String opt = Optimizers.NAMES.get(i % Optimizers.NAMES.size());
            tests.add(DynamicTest.dynamicTest(c.get("id") + " on " + opt, () -> check(c, opt)));
        }
        return tests.stream();
    }

    /** What an optimizer asked the tracker. */
    private record Ask(String parameterId, int numUpdate, float value) {
    }

    @SuppressWarnings("unchecked")
    private static void check(Map<String, Object> c, String opt) {
        SchedulerConfig config = SchedulerConfig.fromArgs((Map<String, Object>) c.get("train_args"));
        long upe = c.get("updates_per_epoch") == null ? 1 : ((Number) c.get("updates_per_epoch")).longValue();
        List<Map<String, Object>> pg = (List<Map<String, Object>>) c.get("param_groups");
        List<Object> metrics = (List<Object>) c.get("metrics");
        List<List<Number>> epochLrs = (List<List<Number>>) c.get("epoch_lrs");
        List<List<Number>> updateLrs = (List<List<Number>>) c.get("update_lrs");
        long errorAt = c.get("error_at_epoch") == null ? Long.MAX_VALUE : ((Number) c.get("error_at_epoch")).longValue();
        int n = pg.size();
        String[] names = new String[n];
        Shape[] shapes = new Shape[n];
        float[][] values = new float[n][];
        float[][] grads = new float[n][];
        for (int g = 0; g < n; g++) {
            names[g] = "p" + g;
            shapes[g] = new Shape(2);
            values[g] = new float[] {0.5f, -0.25f};
            grads[g] = new float[] {0.1f * (g + 1), -0.2f};
        }
        try (TwoParams p = new TwoParams(names, shapes, values, grads)) {
            DjlParamGroups.Builder b = DjlParamGroups.builder(0.0);
            double scale = config.warmupLr();
            for (int g = 0; g < n; g++) {
                String name = names[g];
                DjlParamGroups.Rule rule = (k, param) -> k.equals(name);
                Object lrScale = pg.get(g).get("lr_scale");
                if (lrScale == null) {
                    b.group("g" + g, 0.0, rule);
                } else {
                    b.group("g" + g, 0.0, ((Number) lrScale).doubleValue(), rule);
                }
            }
            DjlParamGroups groups = b.build(p.params);
            for (int g = 0; g < n; g++) {
                double lr = ((Number) pg.get(g).get("lr")).doubleValue();
                groups.setLr(g, lr);
                double s = Math.abs(lr);
                if (pg.get(g).get("initial_lr") != null) {
                    double init = ((Number) pg.get(g).get("initial_lr")).doubleValue();
                    groups.setInitialLr(g, init);
                    s = Math.max(s, Math.abs(init));
                }
                double ls = pg.get(g).get("lr_scale") == null ? 1 : Math.abs(((Number) pg.get(g).get("lr_scale")).doubleValue());
                scale = Math.max(scale, Math.max(s, s * ls));
            }
            List<Ask> asks = new ArrayList<>();
            ParameterTracker inner = groups.tracker();
            ParameterTracker recording = (id, num) -> {
                float v = inner.getNewValue(id, num);
                asks.add(new Ask(id, num, v));
                return v;
            };
            CreatedScheduler created = SchedulerFactory.create(config, groups, upe);
            assertEquals(((Number) c.get("num_epochs")).longValue(), created.numEpochs(), "num_epochs");
            Optimizer optimizer = Optimizers.create(opt, groups, recording, 0.9, 0);
            TrainLoop driver = TrainLoop.of(created.scheduler(), upe);
            driver.resume(0);
            long update = 0;
            for (long e = 0; e < created.numEpochs() && e < errorAt; e++) {
                driver.beginEpoch(e);
                for (int g = 0; g < n; g++) {
                    double exp = epochLrs.get((int) e).get(g).doubleValue();
                    assertEquals(exp, groups.lr(g), 1e-12 * Math.max(Math.abs(exp), scale), "epoch " + e + " group " + g);
                }
                for (long u = 0; u < upe; u++) {
                    List<Number> expected = config.schedOnUpdates() ? updateLrs.get((int) update) : epochLrs.get((int) e);
                    asks.clear();
                    p.update(optimizer);
                    update++;
                    assertEquals(n, asks.size(), "one question per parameter per update");
                    for (Ask a : asks) {
                        int g = groups.groupOf(a.parameterId());
                        assertEquals((float) expected.get(g).doubleValue(), a.value(), 1e-6f * (float) scale,
                                "update " + update + " group " + g);
                        assertEquals(update, a.numUpdate(), "numUpdate");
                    }
                    driver.afterUpdate();
                }
                Object m = metrics == null || e >= metrics.size() ? null : metrics.get((int) e);
                Double metric = m == null ? null : m instanceof Number num ? num.doubleValue() : Double.NaN;
                if (metric == null) {
                    driver.endEpoch(e);
                } else {
                    driver.endEpoch(e, metric);
                }
            }
        }
    }
}
