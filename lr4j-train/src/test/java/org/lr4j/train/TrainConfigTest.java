package org.lr4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lr4j.factory.SchedulerConfig;

class TrainConfigTest {
    private static final SchedulerConfig TANH = SchedulerConfig.builder().sched("tanh").epochs(10).build();

    @Test
    void defaultsFollowTheData() {
        TrainConfig builtin = TrainConfig.builder(TANH).output(Path.of("runs/tanh")).build();
        assertEquals("smallcnn", builtin.model());
        assertEquals(32, builtin.imgSize());
        assertEquals(0.9, builtin.momentum());
        assertEquals(2e-5, builtin.weightDecay());
        assertNull(builtin.threads());
        TrainConfig folder = TrainConfig.builder(TANH).dataDir(Path.of("imagenette2-320")).build();
        assertEquals("resnet50", folder.model());
        assertEquals(224, folder.imgSize());
    }

    @Test
    void argsUseTrainPyNames() {
        Map<String, Object> args = TrainConfig.builder(TANH).dataDir(Path.of("d")).model("ResNet18").imgSize(64)
                .weightDecay(1e-4).build().toArgs();
        assertEquals("tanh", args.get("sched"));
        assertEquals(10L, args.get("epochs"));
        assertEquals("d", args.get("data_dir"));
        assertEquals("resnet18", args.get("model"));
        assertEquals(64, args.get("img_size"));
        assertEquals(1e-4, args.get("weight_decay"));
        assertEquals(SchedulerConfig.fromArgs(args), TANH.toBuilder().build());
    }
}
