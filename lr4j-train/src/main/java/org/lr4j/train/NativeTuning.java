package org.lr4j.train;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Two settings of the native libraries under PyTorch, made in-process before the engine loads (both
 * measured on the 2-core machines this project runs on, with other processes sharing the cores):
 *
 * <ul>
 *   <li>{@link #passiveOpenMpWait()}: {@code OMP_WAIT_POLICY=PASSIVE} in the process environment, unless
 *       already set. PyTorch's OpenMP threads otherwise spin while they wait for each other; when another
 *       process holds a core, a spinning thread burns the time its partner needs, and a default
 *       {@code lr4j train} took 140 to 175 s instead of 36 to 43 s.</li>
 *   <li>{@link #keepFreedMemory()}: glibc's trim and mmap thresholds raised
 *       ({@code mallopt(M_TRIM_THRESHOLD, 1 GiB)}, {@code mallopt(M_MMAP_THRESHOLD, 32 MiB)}, as the
 *       variables {@code MALLOC_TRIM_THRESHOLD_} and {@code MALLOC_MMAP_THRESHOLD_} would). PyTorch
 *       allocates and frees its large activation buffers at every step; by default glibc returns them to
 *       the system each time, so every step faults their pages in again (about 6,000 faults per step of
 *       the small CNN). Peak memory is unchanged; memory freed after the peak stays with the process.</li>
 *   <li>{@link #oneDnnIsa(String)}: {@code ONEDNN_MAX_CPU_ISA} in the process environment, unless already
 *       set. The PyTorch 2.7.1 build's oneDNN dies with SIGFPE (in
 *       {@code brgemm_convolution_bwd_utils::brg_blocking_t::est_eff_1x1}) in the first backward pass of
 *       ResNet-50 on this project's machines (AMD EPYC virtual machines that report no cache sizes), at
 *       every image size tried, with AVX2 and AVX-512 kernels alike; with {@code SSE41} it does not use
 *       those kernels and trains. ResNet-18/34 and the small CNN are not affected.</li>
 * </ul>
 *
 * <p>They do nothing where the C library lacks the call (then they return false).
 */
final class NativeTuning {
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;

    private NativeTuning() {
    }

    /** The C library calls used. */
    interface LibC extends Library {
        int mallopt(int param, int value);

        int setenv(String name, String value, int overwrite);

        String getenv(String name);
    }

    private static LibC libc() {
        return Native.load("c", LibC.class);
    }

    /**
     * Raises glibc's malloc thresholds (idempotent).
     *
     * @return whether both thresholds were accepted
     */
    static synchronized boolean keepFreedMemory() {
        try {
            LibC c = libc();
            return c.mallopt(M_TRIM_THRESHOLD, 1 << 30) == 1 && c.mallopt(M_MMAP_THRESHOLD, 32 << 20) == 1;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return false;
        }
    }

    /**
     * Sets {@code ONEDNN_MAX_CPU_ISA=isa} in the process environment unless it is set; it takes effect
     * when oneDNN loads, with the engine.
     *
     * @return the value in force afterwards, or null when the C library could not be called
     */
    static synchronized String oneDnnIsa(String isa) {
        try {
            LibC c = libc();
            c.setenv("ONEDNN_MAX_CPU_ISA", isa, 0);
            return c.getenv("ONEDNN_MAX_CPU_ISA");
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    /**
     * Sets {@code OMP_WAIT_POLICY=PASSIVE} in the process environment unless it is set; it takes effect
     * when OpenMP loads, with the engine.
     *
     * @return the value in force afterwards, or null when the C library could not be called
     */
    static synchronized String passiveOpenMpWait() {
        try {
            LibC c = libc();
            c.setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
            return c.getenv("OMP_WAIT_POLICY");
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }
}
