package org.lr4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lr4j.plot.ImageChecks;
import picocli.CommandLine;

class TutorialCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesEveryCellsFigureAndSaysWhatEachShows() throws Exception {
        Path out = dir.resolve("docs/tutorial");
        Cli r = Cli.run("tutorial", "-o", out.toString());
        assertEquals(0, r.status(), r.err());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertTrue(lines.size() >= 10, "figures: " + lines.size());
        Set<Path> files = new HashSet<>();
        for (String line : lines) {
            int gap = line.indexOf("  ");
            Path file = Path.of(line.substring(0, gap));
            String what = line.substring(gap + 2);
            assertTrue(files.add(file), "duplicate " + file);
            assertEquals(out, file.getParent());
            assertTrue(file.getFileName().toString().endsWith(".png"), line);
            assertTrue(what.startsWith("TanhLRScheduler(lr=1e-4, t_initial="), line);
            assertTrue(what.contains("timm 0.4"), line);
            assertEquals(900, ImageChecks.readPng(file).getWidth());
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(out.resolve("t_mul-2.png") + "  ") && l.contains("t_mul=2.0")));
        assertTrue(lines.stream().anyMatch(l -> l.contains("t_in_epochs=False") && l.contains("updates 0..49")));
        try (var listed = Files.list(out)) {
            assertEquals(files, new HashSet<>(listed.toList()));
        }
    }

    @Test
    void defaultDirectoryIsTutorial() {
        CommandLine tutorial = new CommandLine(new Lr4j()).getSubcommands().get("tutorial");
        assertEquals("tutorial", tutorial.getCommandSpec().findOption("-o").defaultValue());
    }

    @Test
    void anOutputThatIsAFileIsBadInput() throws Exception {
        Path file = dir.resolve("taken");
        Files.writeString(file, "x");
        Cli.run("tutorial", "-o", file.toString()).assertBadInput("not a directory");
        assertEquals("x", Files.readString(file));
    }
}
