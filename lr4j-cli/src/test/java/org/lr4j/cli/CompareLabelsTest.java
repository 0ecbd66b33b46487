package org.lr4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The names {@code lr4j compare} gives its runs in the chart's legend and the table. */
class CompareLabelsTest {
    private static List<String> labels(String... dirs) {
        return CompareCommand.labels(List.of(dirs).stream().map(Path::of).toList());
    }

    @Test
    void distinctFolderNamesAreTheLabels() {
        assertEquals(List.of("run-a", "run-b"), labels("out/train/run-a", "elsewhere/run-b"));
    }

    @Test
    void sameFolderNamesAreToldApartByTheirPaths() {
        assertEquals(List.of("a", "b"), labels("x/a/run", "x/b/run"));
        assertEquals(List.of("a/run", "b"), labels("x/a/run/seed1", "x/b/seed1"));
    }

    @Test
    void wordsAllPathsShareAreLeftOut() {
        String p = "runs/parity/sgd_10000_sched_";
        String s = "_epochs_8_warmup-epochs_1_lr_0.05/lr4j-seed1";
        assertEquals(List.of("cosine", "multistep_decay-milestones_3_6", "step_decay-epochs_3", "tanh"),
                labels(p + "cosine" + s, p + "multistep_decay-milestones_3_6" + s, p + "step_decay-epochs_3" + s,
                        p + "tanh" + s));
    }

    @Test
    void aLabelKeepsAtLeastOneWord() {
        assertEquals(List.of("0.1", "0.1_long"), CompareCommand.trimSharedWords(List.of("lr_0.1", "lr_0.1_long")));
        assertEquals(List.of("a", "b"), CompareCommand.trimSharedWords(List.of("a", "b")));
        assertEquals(List.of("0.1", "0.2"), CompareCommand.trimSharedWords(List.of("lr_0.1", "lr_0.2")));
    }

    @Test
    void aFolderGivenTwiceIsRefused() {
        UsageError e = assertThrows(UsageError.class, () -> labels("x/run", "x/../x/run"));
        assertEquals("RUN_DIR: x/../x/run is given twice", e.getMessage());
    }
}
