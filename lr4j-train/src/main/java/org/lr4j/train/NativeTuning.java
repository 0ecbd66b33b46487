package org.lr4j.train;

import com.sun.jna.Library;
import com.sun.jna.Native;

/**
 * Two settings of the native libraries under PyTorch, made in-process before the engine loads (both
 * measured on the 2-core machines this project runs on, with other processes sharing the cores):
 *
 * <ul>
 *   <li>{@link #openMpWait(int)}: how PyTorch's OpenMP threads wait for each other, chosen from how busy
 *       the machine is when the run starts (unless {@code OMP_WAIT_POLICY} or {@code GOMP_SPINCOUNT} is
 *       set). With a free core for each thread, libgomp's default (a thread spins for a while before it
 *       sleeps, as in every PyTorch program) is the fastest: 5,375 to 5,714 training images/s against 3,581
 *       to 5,324 with {@code OMP_WAIT_POLICY=PASSIVE} (smallcnn, 2 threads, idle 2-core machine, five
 *       pairs). When other processes hold the cores, a spinning thread burns the time its partner needs:
 *       there {@code PASSIVE} is set, and a default {@code lr4j train} took 36 to 43 s instead of 140 to
 *       175 s.</li>
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
 * <p>And one for the output: {@link #quietly(Runnable)} runs the first array copy of the process with the
 * native standard error pointed at {@code /dev/null}, so that PyTorch 2.7.1's one-time warning about DJL's
 * native code ({@code [W...] Warning: AutoNonVariableTypeMode is deprecated ...}, printed the first time
 * DJL copies one array into another) does not open every {@code lr4j train} run.
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

        int dup(int fd);

        int dup2(int oldFd, int newFd);

        int open(String path, int flags);

        int close(int fd);
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
     * Runs {@code action} with file descriptor 2 (the native standard error) pointed at {@code /dev/null},
     * then restores it. Java's {@code System.err} is flushed first; anything written to stderr meanwhile is
     * lost, so keep {@code action} to a native call whose only output is a warning not meant for the user.
     * Runs {@code action} plainly where the C library cannot be called.
     *
     * @return whether standard error was redirected
     */
    static synchronized boolean quietly(Runnable action) {
        LibC c;
        int saved;
        int devNull;
        try {
            c = libc();
            System.err.flush();
            saved = c.dup(2);
            devNull = c.open("/dev/null", 1); // O_WRONLY
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            action.run();
            return false;
        }
        if (saved < 0 || devNull < 0 || c.dup2(devNull, 2) < 0) {
            closeAll(c, saved, devNull);
            action.run();
            return false;
        }
        try {
            action.run();
        } finally {
            c.dup2(saved, 2);
            closeAll(c, saved, devNull);
        }
        return true;
    }

    private static void closeAll(LibC c, int... fds) {
        for (int fd : fds) {
            if (fd >= 0) {
                c.close(fd);
            }
        }
    }

    /**
     * Chooses OpenMP's wait policy before the engine loads: sets {@code OMP_WAIT_POLICY=PASSIVE} in the
     * process environment when the machine has fewer idle CPUs than {@code threads} (measured over 150 ms
     * from {@code /proc/stat}, this process's own use counted as idle); leaves libgomp's default otherwise,
     * and whenever the user set {@code OMP_WAIT_POLICY} or {@code GOMP_SPINCOUNT}.
     *
     * @param threads the intra-op threads the run will use
     * @return the policy in force afterwards ({@code "PASSIVE"}, the user's value, or {@code "default"}), or
     *     null when the C library could not be called
     */
    static synchronized String openMpWait(int threads) {
        try {
            LibC c = libc();
            String user = c.getenv("OMP_WAIT_POLICY");
            if (user != null) {
                return user;
            }
            if (c.getenv("GOMP_SPINCOUNT") == null && !spin(idleCpus(150), threads)) {
                c.setenv("OMP_WAIT_POLICY", "PASSIVE", 0);
            }
            String now = c.getenv("OMP_WAIT_POLICY");
            return now == null ? "default" : now;
        } catch (UnsatisfiedLinkError | RuntimeException e) {
            return null;
        }
    }

    /** Whether threads may spin while they wait: an idle CPU for each, less a quarter of one. */
    static boolean spin(double idleCpus, int threads) {
        return idleCpus >= threads - 0.25;
    }

    /**
     * The CPUs idle over {@code millis} milliseconds, counting this process's own use as idle; the number of
     * available processors when {@code /proc} cannot be read (then nothing is known to compete).
     */
    static double idleCpus(long millis) {
        int cpus = Runtime.getRuntime().availableProcessors();
        try {
            long[] a = cpuTicks();
            long ownA = ownTicks();
            Thread.sleep(millis);
            long[] b = cpuTicks();
            long ownB = ownTicks();
            long total = b[0] - a[0];
            if (total <= 0) {
                return cpus;
            }
            double idle = (double) (b[1] - a[1] + ownB - ownA) / total;
            return Math.min(1.0, idle) * cpus;
        } catch (java.io.IOException | RuntimeException e) {
            return cpus;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return cpus;
        }
    }

    /** {total, idle + iowait} clock ticks of all CPUs, from the first line of {@code /proc/stat}. */
    private static long[] cpuTicks() throws java.io.IOException {
        String line = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0);
        String[] f = line.trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
            total += Long.parseLong(f[i]);
        }
        return new long[] {total, Long.parseLong(f[4]) + Long.parseLong(f[5])};
    }

    /** This process's user + system clock ticks, from {@code /proc/self/stat}. */
    private static long ownTicks() throws java.io.IOException {
        String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15: utime, stime
    }
}
