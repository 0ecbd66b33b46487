package org.lr4j.plot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.lr4j.schedule.LRScheduler;
import org.lr4j.schedule.TimeScheduler;
import org.lr4j.group.ParamGroupList;
import org.lr4j.schedule.Profile;
import org.lr4j.schedule.TanhLRScheduler;
import org.lr4j.state.AtomicFiles;

/**
 * The figures of the tanh tutorial: one per plot cell, with the tutorial's parameters (timm 0.4 profile,
 * one group with {@code lr = 1e-4}, {@code t_initial = 50}), plus a comparison of the 0.4 defaults with
 * the current ones, one with noise and one with {@code lr_min} decaying with the cycles (log scale).
 *
 * <p>The series are the schedules' own values ({@link ScheduleSeries#values}); the noise figure also
 * shows what the group receives when the scheduler is stepped ({@link ScheduleSeries#received}).
 *
 * <pre>{@code
 * List<TutorialGallery.Figure> figures = TutorialGallery.write(Path.of("tutorial"));
 * figures.size();                        // 12
 * figures.get(1).file().getFileName();   // t_mul-2.png
 * }</pre>
 */
public final class TutorialGallery {
    /** The tutorial's learning rate (its optimizer's one group). */
    public static final double LR = 1e-4;
    /** The tutorial's {@code num_epoch}, used as {@code t_initial}. */
    public static final int NUM_EPOCH = 50;

    /** A figure written to disk and what it shows. */
    public record Figure(Path file, String description) {
    }

    /** A figure before it is written: its file name (without extension), what it shows, the chart. */
    public record Cell(String name, String description, LrChart chart) {
    }

    private TutorialGallery() {
    }

    private static TanhLRScheduler.Builder tanh(ParamGroupList groups, long tInitial) {
        return TanhLRScheduler.builder(groups, tInitial).profile(Profile.TIMM_0_4);
    }

    private static TanhLRScheduler.Builder tanh() {
        return tanh(ParamGroupList.of(LR), NUM_EPOCH);
    }

    private static LrChart chart(String title, String xLabel, boolean logY, LrSeries... series) {
        LrChart.Builder b = LrChart.builder().title(title).xLabel(xLabel).logY(logY);
        for (LrSeries s : series) {
            b.series(s);
        }
        return b.build();
    }

    private static Cell single(String name, String params, String what, TimeScheduler s, int epochs) {
        String title = "TanhLRScheduler(" + params + "), timm 0.4";
        LrSeries series = ScheduleSeries.values(params, s, epochs);
        return new Cell(name, describe(params, epochs, "epochs") + ": " + what,
                chart(title, "epoch", false, series));
    }

    private static String describe(String params, int n, String unit) {
        return "TanhLRScheduler(lr=1e-4, t_initial=" + NUM_EPOCH + (params.isEmpty() ? "" : ", " + params)
                + "), timm 0.4, " + unit + " 0.." + (n - 1);
    }

    /** {@return every figure of the gallery, in the tutorial's order, not yet written} */
    public static List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        int n = NUM_EPOCH;

        cells.add(single("t_mul-1", "t_mul=1.0", "equal cycles of 50 epochs, restarting at 50 and 100",
                tanh().tMul(1.).build(), n * 3));
        cells.add(single("t_mul-2", "t_mul=2.0",
                "restarts at epoch 50 (unlimited cycles in 0.4), the second cycle lasts 100 epochs",
                tanh().tMul(2.).build(), n * 3));
        cells.add(single("decay_rate-1", "decay_rate=1.0", "every cycle restarts at the full rate",
                tanh().decayRate(1.).build(), n * 2));
        cells.add(single("decay_rate-0.5", "decay_rate=0.5", "the second cycle restarts at half the rate",
                tanh().decayRate(0.5).build(), n * 2));

        LrSeries withWarmup = ScheduleSeries.values("With warmup (warmup_t=5, warmup_lr_init=1e-5)",
                tanh().warmupT(5).warmupLrInit(1e-5).build(), n);
        LrSeries withoutWarmup = ScheduleSeries.values("Without warmup", tanh().build(), n);
        cells.add(new Cell("warmup",
                describe("warmup_t=5, warmup_lr_init=1e-5", n, "epochs") + " against " + describe("", n, "epochs")
                        + ": a linear rise from 1e-5 to the schedule's value at epoch 5, then the same curve",
                chart("With and without warmup: TanhLRScheduler(t_initial=50), timm 0.4", "epoch", false,
                        withWarmup, withoutWarmup)));

        LrSeries prefix = ScheduleSeries.values("warmup_prefix=True",
                tanh().warmupT(5).warmupLrInit(1e-5).warmupPrefix(true).build(), n);
        LrSeries noPrefix = ScheduleSeries.values("warmup_prefix=False",
                tanh().warmupT(5).warmupLrInit(1e-5).build(), n);
        cells.add(new Cell("warmup_prefix",
                describe("warmup_t=5, warmup_lr_init=1e-5, warmup_prefix=True", n, "epochs")
                        + " (against warmup_prefix=False): the warmup rises to lr and the tanh curve starts "
                        + "after it, shifted by 5 epochs",
                chart("warmup_t=5, warmup_lr_init=1e-5: with and without warmup_prefix, timm 0.4", "epoch", false,
                        prefix, noPrefix)));

        cells.add(single("cycle_limit-1", "cycle_limit=1", "one cycle, then lr_min = 0",
                tanh().cycleLimit(1).build(), n * 2));
        cells.add(single("cycle_limit-2", "cycle_limit=2", "two cycles, the second restarting at epoch 50",
                tanh().cycleLimit(2).build(), n * 2));

        TimeScheduler updates = tanh().tInEpochs(false).build();
        cells.add(new Cell("t_in_epochs-false",
                describe("t_in_epochs=False", n, "updates")
                        + ": get_epoch_values gives None at every epoch; the schedule counts updates instead",
                chart("t_in_epochs=False: epoch values are None; the schedule by update, timm 0.4", "update", false,
                        ScheduleSeries.values("t_in_epochs=False (update values)", updates, n))));

        LrSeries old = ScheduleSeries.values("timm 0.4 defaults: lb=-6, ub=4, cycle_limit=0 (unlimited)",
                tanh().build(), n * 3);
        LrSeries current = ScheduleSeries.values("current defaults: lb=-7, ub=3, cycle_limit=1",
                TanhLRScheduler.builder(ParamGroupList.of(LR), n).build(), n * 3);
        cells.add(new Cell("defaults-0.4-vs-current",
                "TanhLRScheduler(lr=1e-4, t_initial=50), timm 0.4 defaults against current defaults, epochs 0..149:"
                        + " 0.4 sweeps tanh over [-6, 4] and restarts forever; current sweeps [-7, 3] once, then 0",
                chart("TanhLRScheduler(t_initial=50): the tutorial's 0.4 defaults and current timm", "epoch", false,
                        old, current)));

        Function<ParamGroupList, TimeScheduler> noisy = g -> tanh(g, n).noiseRangeT(10).noisePct(0.3).lrMin(1e-6)
                .decayRate(0.5).build();
        LrSeries received = ScheduleSeries.received("with noise from epoch 10 (what the group receives)", noisy,
                ParamGroupList.of(LR), 120);
        LrSeries pure = ScheduleSeries.values("without noise", noisy.apply(ParamGroupList.of(LR)), 120);
        cells.add(new Cell("noise",
                "TanhLRScheduler(lr=1e-4, t_initial=50, noise_range_t=10, noise_pct=0.3, lr_min=1e-6, "
                        + "decay_rate=0.5), timm 0.4, epochs 0..119: from epoch 10 each step multiplies the rate "
                        + "by 1 + n, n normal with |n| < 0.3, seeded with 42 + epoch",
                chart("noise_range_t=10, noise_pct=0.3 (lr_min=1e-6, decay_rate=0.5), timm 0.4", "epoch", false,
                        received, pure)));

        TimeScheduler lrMinDecay = tanh(ParamGroupList.of(LR), 20).lrMin(1e-5).decayRate(0.5).cycleLimit(3)
                .tMul(1.5).build();
        cells.add(new Cell("lr_min-decay",
                "TanhLRScheduler(lr=1e-4, t_initial=20, lr_min=1e-5, decay_rate=0.5, cycle_limit=3, t_mul=1.5), "
                        + "timm 0.4, epochs 0..89, log scale: cycles of 20, 30 and 45 epochs (restarts at 20 and 50); "
                        + "in 0.4 lr_min decays with the rate: 1e-5, 5e-6, 2.5e-6",
                chart("lr_min decays with the cycles in timm 0.4 (t_initial=20, t_mul=1.5, cycle_limit=3)",
                        "epoch", true,
                        ScheduleSeries.values("lr_min=1e-5, decay_rate=0.5, cycle_limit=3, t_mul=1.5", lrMinDecay,
                                90))));
        return cells;
    }

    /**
     * Writes every figure as {@code DIR/NAME.png} (creating {@code dir} if needed), each through a
     * temporary file, and returns the files with what they show, in the tutorial's order.
     *
     * @param dir the folder for the PNG files
     * @return the figures written, in the tutorial's order
     * @throws IOException when the directory cannot be created or a file cannot be written
     */
    public static List<Figure> write(Path dir) throws IOException {
        AtomicFiles.createDirectories(dir);
        List<Figure> out = new ArrayList<>();
        for (Cell c : cells()) {
            Path file = dir.resolve(c.name() + ".png");
            c.chart().writePng(file);
            out.add(new Figure(file, c.description()));
        }
        return out;
    }
}
