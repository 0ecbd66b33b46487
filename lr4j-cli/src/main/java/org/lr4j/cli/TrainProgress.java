package org.lr4j.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;
import org.lr4j.train.EpochResult;
import org.lr4j.train.RunInfo;
import org.lr4j.train.TrainListener;

/**
 * What {@code lr4j train} shows while it trains: one line before the first epoch and one line per epoch
 * on stdout (with the training images per second and the run's time left), and, on a terminal, a
 * progress bar on stderr within each epoch that is redrawn in place: updates done/total, elapsed and time
 * left in the epoch, images per second, the current learning rate and the mean loss so far
 * (me.tongfei:progressbar). When the output is not a terminal (CI logs, pipes) there is no bar: only the
 * per-epoch lines. A schedule warning ({@code lr4j: warning:}) is printed on stderr when training starts.
 *
 * <pre>
 * epoch 2/9  34% [=========&gt;                 ] 160/468 (0:00:03 / 0:00:06) 6,215 img/s lr 0.0497 loss 0.5123
 * </pre>
 */
final class TrainProgress implements TrainListener {
    private final PrintWriter out;
    private final PrintWriter err;
    private final int width;
    private final long batchSize;
    private final List<String> warnings;
    private long numEpochs;
    private long epochStartNanos;
    private long trainNanos;
    private long updates;
    private double secondsThisSession;
    private long epochsThisSession;
    private ProgressBar bar;

    /**
     * @param width the bar's line width on a terminal, or 0 for no bar (not a terminal)
     * @param batchSize images per update
     * @param warnings printed as one line on stderr when training starts
     */
    TrainProgress(PrintWriter out, PrintWriter err, int width, long batchSize, List<String> warnings) {
        this.out = out;
        this.err = err;
        this.width = width;
        this.batchSize = batchSize;
        this.warnings = List.copyOf(warnings);
    }

    /**
     * The bar's width when stderr is an interactive terminal, else 0: {@code System.console()} present
     * (stdin and stdout are a terminal), stderr a terminal too where {@code /proc} tells, {@code TERM} not
     * {@code dumb}, and not in CI ({@code CI} unset).
     */
    static int terminalWidth() {
        if (System.console() == null || "dumb".equals(System.getenv("TERM")) || System.getenv("CI") != null) {
            return 0;
        }
        Path fd2 = Path.of("/proc/self/fd/2");
        try {
            if (Files.isSymbolicLink(fd2)) {
                String target = Files.readSymbolicLink(fd2).toString();
                if (!target.startsWith("/dev/pts/") && !target.startsWith("/dev/tty")) {
                    return 0;
                }
            }
        } catch (java.io.IOException | SecurityException e) {
            // cannot tell: trust System.console()
        }
        return new ConsoleProgressBarConsumer(System.err).getMaxRenderedLength();
    }

    @Override
    public void onStart(RunInfo i) {
        Output.warn(err, warnings);
        numEpochs = i.numEpochs();
        out.printf(Locale.ROOT, "train: %s, %d classes, %d train / %d val images; %s (%,d parameters); opt %s;"
                + " epochs %d to %d of %d, %d updates each; %d threads (OpenMP wait %s); run folder %s%n", i.data(),
                i.classes().size(), i.trainImages(), i.valImages(), i.model(), i.parameters(), i.opt(),
                i.startEpoch(), i.numEpochs() - 1, i.numEpochs(), i.updatesPerEpoch(), i.threads(), i.openMpWait(),
                i.runDir());
        out.flush();
    }

    @Override
    public void onEpochStart(long epoch) {
        clearBar();
        epochStartNanos = System.nanoTime();
        trainNanos = 0;
        updates = 0;
    }

    @Override
    public void onBatch(long epoch, long batch, long batches, double lossAvg, double lr) {
        if (epochStartNanos == 0) {
            onEpochStart(epoch);
        }
        trainNanos = System.nanoTime() - epochStartNanos;
        updates = batch;
        if (width <= 0) {
            return;
        }
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName("epoch " + epoch + "/" + (numEpochs - 1))
                    .setInitialMax(batches).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200)
                    .setMaxRenderedLength(width).clearDisplayOnFinish().setConsumer(new InPlace(err, width))
                    .startsFrom(0, java.time.Duration.ofNanos(trainNanos)).build();
        }
        bar.stepTo(batch);
        bar.setExtraMessage(String.format(Locale.ROOT, "%,.0f img/s lr %.4g loss %.4f", imagesPerSecond(), lr, lossAvg));
    }

    @Override
    public void onEpoch(EpochResult r) {
        clearBar();
        secondsThisSession += r.seconds();
        epochsThisSession++;
        var row = r.row();
        long left = r.numEpochs() - 1 - row.epoch();
        out.printf(Locale.ROOT, "epoch %d/%d  train_loss %.4f  eval_loss %.4f  top1 %.2f  top5 %.2f  lr %.6g"
                + "  %.1fs  %,.0f img/s%s%s%n", row.epoch(), r.numEpochs() - 1, row.trainLoss(), row.evalLoss(),
                row.evalTop1(), row.evalTop5(), row.lr(), r.seconds(), imagesPerSecond(),
                left > 0 ? "  left " + clock(left * secondsThisSession / epochsThisSession) : "", r.best() ? "  *best" : "");
        out.flush();
        epochStartNanos = 0;
    }

    /** Removes the bar, if shown (before a line on stdout, or when the run stops). */
    void clearBar() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /** Training images per second in this epoch so far (updates only, evaluation excluded). */
    private double imagesPerSecond() {
        return trainNanos <= 0 ? 0 : updates * batchSize / (trainNanos / 1e9);
    }

    /** {@code H:MM:SS}. */
    static String clock(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /** Draws the bar in place on {@code err}: carriage return, the bar, no newline. */
    private static final class InPlace implements ProgressBarConsumer {
        private final PrintWriter err;
        private final int width;

        InPlace(PrintWriter err, int width) {
            this.err = err;
            this.width = width;
        }

        @Override
        public int getMaxRenderedLength() {
            return width;
        }

        @Override
        public void accept(String rendered) {
            synchronized (err) {
                err.print('\r');
                err.print(rendered);
                err.flush();
            }
        }

        @Override
        public void close() {
            // err belongs to the command line
        }
    }
}
