package org.lr4j.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.group.ParamGroupList;
import org.lr4j.factory.CreatedScheduler;
import org.lr4j.internal.replay.ReferenceCase;
import org.lr4j.python.TimmKwargs;
import org.lr4j.factory.SchedulerConfig;
import org.lr4j.factory.SchedulerFactory;
import org.lr4j.factory.TrainLoop;
import org.lr4j.schedule.Profile;
import org.lr4j.state.SchedulerState;

/**
 * Save and restore on every reference case: the call sequence is split after every call; the state
 * taken there is restored into a fresh scheduler on fresh groups,
 * which then continues; its learning rates must equal the uninterrupted run's bit for bit. Training
 * runs are split at epochs and resumed with the restore alone, and with the restore followed by
 * train.py's resume call ({@link TrainLoop#resume}), which must change nothing.
 */
class StateRestoreTest {
    static Stream<Arguments> cases() {
        return Golden.all().stream().map(c -> Arguments.of(c.get("id"), c));
    }

    /** Every split point of {@code n} calls: {@code 1 .. n - 1}, so a save at any call is tested. */
    static TreeSet<Integer> splits(int n) {
        TreeSet<Integer> out = new TreeSet<>();
        for (int k = 1; k < n; k++) {
            out.add(k);
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aRestoredSchedulerContinuesBitForBit(String id, Map<String, Object> c) {
        if (c.containsKey("train_args")) {
            trainingRun(id, c);
        } else {
            schedulerCase(id, c);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // scheduler cases

    @SuppressWarnings("unchecked")
    private static LRScheduler create(Map<String, Object> c) {
        return TimmKwargs.create((String) c.get("scheduler"),
                Profile.fromLabel(c.get("timm") == null ? null : String.valueOf(c.get("timm"))),
                (Map<String, Object>) c.get("kwargs"), ReferenceCase.groups(c.get("param_groups")));
    }

    private static Double metric(List<?> metrics, int i) {
        if (metrics == null || i >= metrics.size() || metrics.get(i) == null) {
            return null;
        }
        return Golden.num(metrics.get(i));
    }

    /** Makes calls {@code from..to-1} of the case on {@code s}; the groups' lrs after each. */
    private static List<double[]> drive(LRScheduler s, Map<String, Object> c, int from, int to) {
        List<?> ts = (List<?>) c.get("t");
        List<?> metrics = (List<?>) c.get("metrics");
        boolean onEpoch = "step".equals(c.get("drive"));
        List<double[]> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            long t = ((Number) ts.get(i)).longValue();
            Double metric = metric(metrics, i);
            if (onEpoch && metric != null) {
                s.step(t, metric);
            } else if (onEpoch) {
                s.step(t);
            } else if (metric != null) {
                s.stepUpdate(t, metric);
            } else {
                s.stepUpdate(t);
            }
            out.add(s.groups().lrs());
        }
        return out;
    }

    private static void schedulerCase(String id, Map<String, Object> c) {
        int n = ((List<?>) c.get("t")).size();
        List<double[]> uninterrupted = drive(create(c), c, 0, n);
        TreeSet<Integer> splits = splits(n);
        assertTrue(n < 2 || !splits.isEmpty());
        for (int k : splits) {
            LRScheduler before = create(c);
            drive(before, c, 0, k);
            SchedulerState state = before.state();
            LRScheduler after = create(c);
            after.restore(state);
            List<double[]> rest = drive(after, c, k, n);
            for (int i = k; i < n; i++) {
                assertArrayEquals(uninterrupted.get(i), rest.get(i - k), id + ": call " + i + " after a restore at " + k);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------
    // training runs, driven as TrainLoop (train.py) drives them

    /** Every group's lr at the start of each epoch and before each update (update mode), epochs from..to-1. */
    private record Trace(List<double[]> epochLrs, List<double[]> updateLrs) {
    }

    private static Trace train(LRScheduler s, SchedulerConfig config, long upe, List<Double> metrics, long from,
            long to) {
        List<double[]> epochLrs = new ArrayList<>();
        List<double[]> updateLrs = new ArrayList<>();
        TrainLoop.drive(s, from, to, upe, metrics, new TrainLoop.Listener() {
            @Override
            public void epochStart(long epoch, double[] lrs) {
                epochLrs.add(lrs);
            }

            @Override
            public void beforeUpdate(long epoch, long numUpdates, double[] lrs) {
                updateLrs.add(lrs);
            }
        });
        return new Trace(epochLrs, updateLrs);
    }

    @SuppressWarnings("unchecked")
    private static void trainingRun(String id, Map<String, Object> c) {
        SchedulerConfig config = SchedulerConfig.fromArgs((Map<String, Object>) c.get("train_args"));
        long upe = c.get("updates_per_epoch") == null ? 1 : ((Number) c.get("updates_per_epoch")).longValue();
        List<Double> metrics = new ArrayList<>();
        if (c.get("metrics") != null) {
            for (int i = 0; i < ((List<?>) c.get("metrics")).size(); i++) {
                metrics.add(metric((List<?>) c.get("metrics"), i));
            }
        }
        CreatedScheduler first = SchedulerFactory.create(config, ReferenceCase.groups(c.get("param_groups")), upe);
        long epochs = first.numEpochs();
        Trace uninterrupted = train(first.scheduler(), config, upe, metrics, 0, epochs);
        // the drive above, started from the factory as TrainLoop.run does
        TrainLoop.Trace reference = TrainLoop.run(config, ReferenceCase.groups(c.get("param_groups")), upe, metrics, 0);
        assertEquals(reference.epochLrs().size(), uninterrupted.epochLrs().size());
        for (int e = 0; e < epochs; e++) {
            assertArrayEquals(reference.epochLrs().get(e), uninterrupted.epochLrs().get(e), id + ": epoch " + e);
        }
        for (int k : splits((int) epochs)) {
            for (boolean thenResume : new boolean[] {false, true}) {
                LRScheduler before = SchedulerFactory.create(config, ReferenceCase.groups(c.get("param_groups")), upe)
                        .scheduler();
                train(before, config, upe, metrics, 0, k);
                SchedulerState state = before.state();
                ParamGroupList fresh = ReferenceCase.groups(c.get("param_groups"));
                LRScheduler after = SchedulerFactory.create(config, fresh, upe).scheduler();
                after.restore(state);
                if (thenResume) {
                    TrainLoop.resume(after, config.schedOnUpdates(), k, upe);
                }
                Trace rest = train(after, config, upe, metrics, k, epochs);
                String how = id + (thenResume ? ": restore and resume" : ": restore") + " at epoch " + k;
                for (int e = k; e < epochs; e++) {
                    assertArrayEquals(uninterrupted.epochLrs().get(e), rest.epochLrs().get(e - k), how + ", epoch " + e);
                }
                int skipped = (int) (k * upe);
                for (int u = 0; u < rest.updateLrs().size(); u++) {
                    assertArrayEquals(uninterrupted.updateLrs().get(skipped + u), rest.updateLrs().get(u),
                            how + ", update " + (skipped + u));
                }
            }
        }
    }
}
