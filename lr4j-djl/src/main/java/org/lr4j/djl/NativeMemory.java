package org.lr4j.djl;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Keeps freed native memory in the process for reuse. PyTorch allocates and frees its large
 * activation buffers at every training step; glibc's default thresholds return them to the system each
 * time, so every step faults its pages in again (measured: about 6,000 page faults, a quarter of the
 * step's time in the kernel, for the small CNN). Raising glibc's trim and mmap thresholds
 * ({@code mallopt(M_TRIM_THRESHOLD, 1 GiB)}, {@code mallopt(M_MMAP_THRESHOLD, 32 MiB)}, the same as the
 * environment variables {@code MALLOC_TRIM_THRESHOLD_} and {@code MALLOC_MMAP_THRESHOLD_}) keeps them.
 * Peak memory is unchanged; memory freed after the peak stays with the process until it exits.
 */
final class NativeMemory {
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    private static volatile boolean done;

    private NativeMemory() {
    }

    /** The C library's {@code mallopt}. */
    interface LibC extends Library {
        int mallopt(int param, int value);
    }

    /**
     * Raises glibc's thresholds, once per process; does nothing where there is no glibc
     * {@code mallopt}.
     *
     * @return whether both thresholds were set
     */
    static synchronized boolean keepFreedMemory() {
        if (done) {
            return true;
        }
        try {
            LibC c = Native.load("c", LibC.class);
            done = c.mallopt(M_TRIM_THRESHOLD, 1 << 30) == 1 && c.mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            done = false;
        }
        return done;
    }
}
