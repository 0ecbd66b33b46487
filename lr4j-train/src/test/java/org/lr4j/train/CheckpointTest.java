package org.lr4j.train;

import org.lr4j.state.StateJson;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lr4j.state.PlateauState;
import org.lr4j.state.SchedulerState;

class CheckpointTest {
    @Test
    void aCheckpointRoundTripsWithPlateauStateAndInfinities(@TempDir Path tmp) throws IOException {
        SchedulerState state = new SchedulerState("plateau", List.of(0.1, 0.01), List.of(0.05, 0.005),
                new PlateauState(Double.NEGATIVE_INFINITY, 3, 1, List.of(0.04, 0.004)));
        Checkpoint c = new Checkpoint(7, 70, "smallcnn", List.of("a", "b"), 32, "adamw", state, 5, 81.25,
                Map.of("sched", "plateau", "epochs", 10.0), new byte[] {1, 2, 3});
        Path file = tmp.resolve("last.ckpt");
        c.write(file);
        Checkpoint r = Checkpoint.read(file);
        assertEquals(7, r.epoch());
        assertEquals(70, r.numUpdates());
        assertEquals("smallcnn", r.model());
        assertEquals(List.of("a", "b"), r.classes());
        assertEquals(32, r.imgSize());
        assertEquals("adamw", r.opt());
        assertEquals(state, r.schedulerState());
        assertEquals(5, r.bestEpoch());
        assertEquals(81.25, r.bestMetric());
        assertEquals(Map.of("sched", "plateau", "epochs", 10.0), r.args());
        assertArrayEquals(new byte[] {1, 2, 3}, r.modelParams());

        // overwriting replaces the file whole and leaves no temporary file
        new Checkpoint(8, 80, "smallcnn", List.of("a", "b"), 32, "adamw",
                new SchedulerState("tanh", List.of(0.1), List.of(0.1), null), -1, Double.NaN, null, new byte[0])
                .write(file);
        Checkpoint again = Checkpoint.read(file);
        assertEquals(8, again.epoch());
        assertNull(again.schedulerState().plateau());
        assertTrue(Double.isNaN(again.bestMetric()));
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void schedulerStateJsonKeepsInfinityAsAString() {
        SchedulerState s = new SchedulerState("plateau", List.of(0.1), List.of(0.1),
                new PlateauState(Double.POSITIVE_INFINITY, 0, 0, null));
        assertEquals("\"Infinity\"", com.google.gson.JsonParser.parseString(StateJson.toJson(s)).getAsJsonObject()
                .getAsJsonObject("plateau").get("best").toString());
        assertEquals(s, StateJson.fromJson(StateJson.toJson(s)));
    }
}
