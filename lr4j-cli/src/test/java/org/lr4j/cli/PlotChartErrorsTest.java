package org.lr4j.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chart's refusals reach the user under their flags, for train.py's flags and for a Python call
 * alike: the typed error's parameter is renamed ({@code width} to {@code --width}); no message is parsed.
 */
class PlotChartErrorsTest {
    @TempDir
    Path dir;

    @Test
    void chartRefusalsNameTheFlagForAPythonCallToo() {
        String png = dir.resolve("x.png").toString();
        String call = "get_wsd_schedule(num_warmup_steps=10, num_decay_steps=20, num_training_steps=100)";
        Cli.run("plot", "--schedule", call, "--width", "5", "-o", png).assertBadInput("--width must be in 200..8000, got 5");
        Cli.run("plot", "--schedule", call, "--height", "9000", "-o", png)
                .assertBadInput("--height must be in 200..8000, got 9000");
        Cli.run("plot", "--schedule", call, "--log-y", "-o", png).assertBadInput("--log-y needs learning rates > 0");
        Cli.run("plot", "--sched", "step", "--height", "9000", "-o", png)
                .assertBadInput("--height must be in 200..8000, got 9000");
    }
}
