package org.lr4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.lr4j.plot.TutorialGallery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code lr4j tutorial [-o DIR]}: writes the figure of every plot cell of the tanh tutorial (timm 0.4
 * profile, {@code lr = 1e-4}, {@code t_initial = 50}) into DIR, one PNG per cell, plus the 0.4-vs-current
 * defaults, noise and {@code lr_min} decay figures ({@link TutorialGallery}), and prints each file with the
 * parameters that made it.
 */
@Command(name = "tutorial", mixinStandardHelpOptions = true, versionProvider = Lr4j.Version.class,
        description = "Write the tanh tutorial's figures (timm 0.4 profile), one PNG per cell, and say what each shows.")
final class TutorialCommand implements Callable<Integer> {
    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "tutorial",
            description = "Directory for the figures, created if missing (default: ${DEFAULT-VALUE}).")
    Path output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new UsageError("-o " + output + ": not a directory");
        }
        List<TutorialGallery.Figure> figures;
        try {
            figures = TutorialGallery.write(output);
        } catch (IOException e) {
            throw Output.cannotWrite(output, e);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (TutorialGallery.Figure f : figures) {
            out.println(f.file() + "  " + f.description());
        }
        out.flush();
        return 0;
    }
}
