package org.lr4j.train;

import java.nio.file.Path;
import java.util.List;

/**
 * What the trainer reports before its first epoch.
 *
 * @param runDir the run folder
 * @param data where the data comes from
 * @param classes the class names
 * @param trainImages training images
 * @param valImages validation images
 * @param model the model name
 * @param parameters the model's number of trainable scalars
 * @param opt the optimizer name
 * @param groups the parameter groups, described ({@code name{lr, weight_decay, params}})
 * @param updatesPerEpoch optimizer updates per epoch
 * @param startEpoch the first epoch to run (0, or the checkpoint's on resume)
 * @param numEpochs the number of epochs of the run (the factory's)
 * @param threads PyTorch's intra-op threads
 * @param openMpWait how those threads wait: {@code "default"} (libgomp's: spin, then sleep), {@code "PASSIVE"}, or
 *     the user's {@code OMP_WAIT_POLICY}; {@code "unknown"} when the C library could not be asked
 */
public record RunInfo(Path runDir, String data, List<String> classes, int trainImages, int valImages, String model,
        long parameters, String opt, String groups, long updatesPerEpoch, long startEpoch, long numEpochs, int threads,
        String openMpWait) {
    /** Copies the class list. */
    public RunInfo {
        classes = List.copyOf(classes);
        java.util.Objects.requireNonNull(openMpWait, "openMpWait");
    }
}
