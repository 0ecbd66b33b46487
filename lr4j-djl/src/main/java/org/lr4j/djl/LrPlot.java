package org.lr4j.djl;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws the run's learning rate per epoch into a PNG. lr4j-djl draws nothing itself; the command line
 * fills this with lr4j-plot. The trainer calls it once at the end of a run with every summary row (earlier
 * runs' rows too when resumed) and a temporary file in the run folder, which it then renames to
 * {@code lr.png}.
 */
@FunctionalInterface
public interface LrPlot {
    /**
     * Writes the chart of {@code rows}' {@code lr} against {@code epoch} to {@code png}.
     *
     * @throws IOException when the file cannot be written
     */
    void write(Path png, List<SummaryRow> rows) throws IOException;
}
