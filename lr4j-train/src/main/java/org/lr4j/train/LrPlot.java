package org.lr4j.train;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Draws the run's learning rate per epoch as a PNG. lr4j-djl draws nothing itself; the command line
 * fills this with lr4j-plot. The trainer calls it once at the end of a run with every summary row (the
 * earlier runs' rows too when resumed) and writes what it produces to the run folder's {@code lr.png}
 * atomically.
 */
@FunctionalInterface
public interface LrPlot {
    /**
     * Writes the PNG chart of {@code rows}' {@code lr} against {@code epoch} to {@code out}.
     *
     * @throws IOException when writing fails
     */
    void write(OutputStream out, List<SummaryRow> rows) throws IOException;
}
