package org.lr4j.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lr4j.state.AtomicFiles;
import org.lr4j.state.IoErrors;

/**
 * The run folder's {@code summary.csv}: header {@code epoch,train_loss,eval_loss,eval_top1,eval_top5,lr}
 * and one row per epoch, rewritten atomically after each epoch with the new row appended.
 */
final class SummaryCsv {
    static final String HEADER = "epoch,train_loss,eval_loss,eval_top1,eval_top5,lr";

    private SummaryCsv() {
    }

    static void write(Path file, List<SummaryRow> rows) throws IOException {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        for (SummaryRow r : rows) {
            sb.append(r.epoch()).append(',').append(r.trainLoss()).append(',').append(r.evalLoss()).append(',')
                    .append(r.evalTop1()).append(',').append(r.evalTop5()).append(',').append(r.lr()).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /**
     * The rows of {@code file}; none when it does not exist.
     *
     * @throws IllegalArgumentException naming the file and line when it is malformed
     */
    static List<SummaryRow> read(Path file) {
        List<SummaryRow> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("summary " + file + " cannot be read: " + IoErrors.reason(e), e);
        }
        if (lines.isEmpty() || !lines.get(0).trim().equals(HEADER)) {
            throw new IllegalArgumentException("summary " + file + " must start with the header " + HEADER);
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split(",", -1);
            try {
                if (f.length != 6) {
                    throw new NumberFormatException("6 fields expected, got " + f.length);
                }
                rows.add(new SummaryRow(Long.parseLong(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("summary " + file + " line " + (i + 1) + " is malformed: "
                        + e.getMessage(), e);
            }
        }
        return rows;
    }
}
