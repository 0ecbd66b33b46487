package org.lr4j.train;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Draws the run's curves as a PNG: train and eval loss and eval top-1 per epoch, with the learning rate
 * on a second axis. lr4j-train draws nothing itself; the command line fills this with lr4j-plot. The
 * trainer calls it after every epoch with every summary row so far (the earlier runs' rows too when
 * resumed) and writes what it produces to the run folder's {@code curves.png} atomically, so the file
 * shows a long run's progress while it trains.
 */
@FunctionalInterface
public interface CurvesPlot {
    /**
     * Writes the PNG chart of {@code rows} to {@code out}.
     *
     * @throws IOException when writing fails
     */
    void write(OutputStream out, List<SummaryRow> rows) throws IOException;
}
