package org.lr4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lr4j.group.ParamGroupList;
import org.lr4j.plot.ImageChecks;
import org.lr4j.plot.LrChart;
import org.lr4j.plot.LrSeries;
import org.lr4j.schedule.Profile;
import org.lr4j.schedule.TanhLRScheduler;
import org.w3c.dom.Document;
import picocli.CommandLine;

class PlotCommandTest {
    @TempDir
    Path dir;

    /** The chart {@code lr4j plot ARGS} would write (parsed as the command line parses it). */
    private static LrChart chartOf(String... args) {
        CommandLine cl = new CommandLine(new Lr4j());
        CommandLine.ParseResult r = cl.parseArgs(args);
        PlotCommand plot = (PlotCommand) r.subcommand().commandSpec().userObject();
        return plot.chart();
    }

    private static double[] lrColumn(String csv) {
        return csv.lines().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[2])).toArray();
    }

    @Test
    void onePngOfTheScheduleTableDrives() throws Exception {
        Path png = dir.resolve("tanh.png");
        Cli r = Cli.run("plot", "--sched", "tanh", "--epochs", "50", "-o", png.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals(png + "\n", r.out().replace("\r", ""));
        assertEquals("", r.err());
        BufferedImage image = ImageChecks.readPng(png);
        assertEquals(900, image.getWidth());
        assertEquals(560, image.getHeight());

        LrChart chart = chartOf("plot", "--sched", "tanh", "--epochs", "50", "-o", png.toString());
        assertEquals(1, chart.series().size());
        assertEquals("--sched=tanh --epochs=50", chart.series().get(0).label());
        assertEquals("epoch", chart.xLabel());
        Cli table = Cli.run("table", "--sched", "tanh", "--epochs", "50");
        assertArrayEquals(lrColumn(table.out()), chart.series().get(0).y(), "plot draws what table prints");
    }

    @Test
    void aScheduleThatCannotWorkIsDrawnWithOneWarningLine() throws Exception {
        Path png = dir.resolve("warn.png");
        Cli r = Cli.run("plot", "--sched", "step", "--epochs", "10", "--warmup-epochs", "0", "-o", png.toString(),
                "--series", "early: --decay-epochs 3", "--series", "late: --decay-epochs 30");
        assertEquals(0, r.status(), r.err());
        assertEquals(png + "\n", r.out().replace("\r", ""));
        assertEquals("lr4j: warning: --series 'late': --decay-epochs 30 is never reached in this 10-epoch run: the rate"
                + " never decays; set --decay-epochs to at most 9 (or raise --epochs)\n", r.err());
        ImageChecks.readPng(png);
    }

    @Test
    void seriesOverlayInSvgWithLabelsTitleAndLogScale() throws Exception {
        Path svg = dir.resolve("warmup.svg");
        Cli r = Cli.run("plot", "--sched", "tanh", "--timm", "0.4", "--epochs", "50", "--lr", "1e-4",
                "--lr-cycle-limit", "0", "--warmup-lr", "1e-5", "--title", "With and without warmup", "--log-y",
                "--series", "With warmup: --warmup-epochs 5", "--series", "Without warmup: --warmup-epochs 0",
                "-o", svg.toString());
        assertEquals(0, r.status(), r.err());
        Document d = ImageChecks.readSvg(svg);
        assertEquals("With and without warmup", ImageChecks.svgChild(d, "title"));
        assertEquals("x: epoch; y: learning rate, log scale; series: With warmup, Without warmup",
                ImageChecks.svgChild(d, "desc"));
    }

    @Test
    void seriesLayerTheirFlagsOverTheCommandsFlags() {
        LrChart chart = chartOf("plot", "--sched", "tanh", "--timm", "0.4", "--epochs", "50", "--lr", "1e-4",
                "--lr-cycle-limit", "0", "--warmup-lr", "1e-5", "--end-epoch", "50",
                "--series", "With warmup: --warmup-epochs 5", "--series", "Without warmup: --warmup-epochs 0",
                "-o", "unused.png");
        List<LrSeries> s = chart.series();
        assertEquals(List.of("With warmup", "Without warmup"), s.stream().map(LrSeries::label).toList());
        assertEquals("Learning rate: --sched=tanh --timm=0.4 --epochs=50 --lr=1e-4 --lr-cycle-limit=0 --warmup-lr=1e-5",
                chart.title());
        // train.py's drive: the rate in effect during epoch e is the value at e (step(e) ran at the end of
        // epoch e - 1); epoch 0 holds what the constructor wrote. These are the tutorial's schedulers.
        TanhLRScheduler warm = TanhLRScheduler.builder(ParamGroupList.of(1e-4), 50).profile(Profile.TIMM_0_4)
                .warmupT(5).warmupLrInit(1e-5).build();
        TanhLRScheduler cold = TanhLRScheduler.builder(ParamGroupList.of(1e-4), 50).profile(Profile.TIMM_0_4).build();
        assertEquals(1e-5, s.get(0).y()[0]);
        assertEquals(1e-4, s.get(1).y()[0]);
        for (int e = 1; e < 50; e++) {
            assertEquals(warm.lrAt(e)[0], s.get(0).y()[e], "with warmup, epoch " + e);
            assertEquals(cold.lrAt(e)[0], s.get(1).y()[e], "without warmup, epoch " + e);
        }
    }

    @Test
    void aSeriesFlagReplacesAListFlagAndEndEpochGoesPastTheRun() {
        LrChart chart = chartOf("plot", "--sched", "multistep", "--epochs", "30", "--warmup-epochs", "0", "--lr", "0.1",
                "--decay-milestones", "10", "20", "--end-epoch", "40",
                "--series", "outer: ", "--series", "inner: --decay-milestones 5", "-o", "unused.svg");
        double[] outer = chart.series().get(0).y();
        double[] inner = chart.series().get(1).y();
        assertEquals(40, outer.length, "past the run's 30 epochs");
        // timm's multistep counts milestones with bisect_right(milestones, t + 1): the rate of epoch 9 is decayed
        assertEquals(0.1, outer[8]);
        assertEquals(0.1 * 0.1, outer[9], 1e-15);
        assertEquals(0.1 * 0.1 * 0.1, outer[25], 1e-15);
        assertEquals(0.1, inner[3]);
        assertEquals(0.1 * 0.1, inner[4], 1e-15);
        assertEquals(0.1 * 0.1, inner[25], 1e-15, "milestones replaced (5), not appended (10 20 5)");
    }

    @Test
    void updateModeDrawsUpdates() {
        LrChart chart = chartOf("plot", "--sched", "cosine", "--epochs", "4", "--warmup-epochs", "0",
                "--sched-on-updates", "--updates-per-epoch", "10", "-o", "u.png");
        assertEquals("update", chart.xLabel());
        assertEquals(40, chart.series().get(0).size());
        assertEquals(39.0, chart.series().get(0).x()[39]);
    }

    @Test
    void badInputIsOneLineAndWritesNothing() throws Exception {
        Path png = dir.resolve("x.png");
        String o = png.toString();
        Cli.run("plot", "--sched", "tanh", "-o", dir.resolve("x.jpg").toString()).assertBadInput("-o: output file must end in .png or .svg");
        Cli.run("plot", "--sched", "tanh").assertBadInput("-o");
        Cli.run("plot", "--sched", "nope", "-o", o).assertBadInput("--sched");
        Cli.run("plot", "--series", "no colon here", "-o", o).assertBadInput("--series must be 'LABEL: FLAGS'");
        Cli.run("plot", "--series", ": --epochs 5", "-o", o).assertBadInput("--series needs a label");
        Cli.run("plot", "--series", "a: --bogus 1", "-o", o).assertBadInput("--series 'a': Unknown option");
        Cli.run("plot", "--series", "a: --epochs zero", "-o", o).assertBadInput("--series 'a'");
        Cli.run("plot", "--series", "a: --min-lr -1", "-o", o).assertBadInput("--series 'a': --min-lr");
        Cli.run("plot", "--series", "a: --epochs 5", "--series", "a: --epochs 6", "-o", o)
                .assertBadInput("labels must be unique");
        Cli.run("plot", "--series", "a: --epochs 5", "--series", "b: --sched-on-updates --updates-per-epoch 2", "-o", o)
                .assertBadInput("--series");
        Cli.run("plot", "--sched", "step", "--warmup-epochs", "0", "--min-lr", "0", "--lr", "0", "--log-y", "-o", o)
                .assertBadInput("--log-y needs learning rates > 0");
        Cli.run("plot", "--end-epoch", "0", "-o", o).assertBadInput("--end-epoch must be > 0");
        Cli.run("plot", "--end-epoch", "2000000", "-o", o).assertBadInput("--end-epoch");
        Cli.run("plot", "--width", "5", "-o", o).assertBadInput("--width must be in 200..8000");
        Cli.run("plot", "--series", "a: --lb 'x", "-o", o).assertBadInput("unclosed quote");
        assertFalse(Files.exists(png), "nothing written on bad input");
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void unwritableOutputIsBadInput() throws Exception {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        Cli.run("plot", "-o", file.resolve("x.png").toString()).assertBadInput("cannot write");
    }

    @Test
    void splitHonoursQuotes() {
        assertEquals(List.of("--lr", "0.1", "--eval-metric", "top 1"),
                PlotCommand.split(" --lr 0.1  --eval-metric 'top 1' ", "l"));
        assertEquals(List.of("--x", ""), PlotCommand.split("--x \"\"", "l"));
        assertTrue(PlotCommand.split("   ", "l").isEmpty());
    }
}
