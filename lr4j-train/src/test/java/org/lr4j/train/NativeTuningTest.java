package org.lr4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NativeTuningTest {
    @Test
    void glibcAcceptsBothMallocThresholds() {
        // this project's machines run glibc (Debian); mallopt returns 1 for a value it accepts
        assertTrue(NativeTuning.keepFreedMemory());
        assertTrue(NativeTuning.keepFreedMemory(), "idempotent");
    }

    @Test
    void threadsSpinOnlyWithAnIdleCpuForEach() {
        assertTrue(NativeTuning.spin(2.0, 2));
        assertTrue(NativeTuning.spin(1.8, 2), "a quarter of a CPU busy is still free enough");
        assertFalse(NativeTuning.spin(1.7, 2));
        assertFalse(NativeTuning.spin(0.0, 1));
        assertTrue(NativeTuning.spin(0.9, 1));
    }

    @Test
    void idleCpusIsBetweenZeroAndTheProcessorCount() {
        double idle = NativeTuning.idleCpus(50);
        assertTrue(idle >= 0 && idle <= Runtime.getRuntime().availableProcessors(), "idle " + idle);
    }

    @Test
    void aPolicyTheUserSetIsKept() {
        String user = System.getenv("OMP_WAIT_POLICY");
        String now = NativeTuning.openMpWait(1);
        if (user != null) {
            assertEquals(user, now);
        } else {
            assertTrue(now.equals("PASSIVE") || now.equals("default"), now);
        }
    }

    @Test
    void quietlyRunsTheActionAndGivesStandardErrorBack() throws Exception {
        java.nio.file.Path fd2 = java.nio.file.Path.of("/proc/self/fd/2");
        java.nio.file.Path before = java.nio.file.Files.readSymbolicLink(fd2);
        boolean[] ran = new boolean[1];
        java.nio.file.Path[] during = new java.nio.file.Path[1];
        assertTrue(NativeTuning.quietly(() -> {
            ran[0] = true;
            try {
                during[0] = java.nio.file.Files.readSymbolicLink(fd2);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        assertTrue(ran[0]);
        assertEquals(java.nio.file.Path.of("/dev/null"), during[0]);
        assertEquals(before, java.nio.file.Files.readSymbolicLink(fd2));
    }

    @Test
    void quietlyRestoresStandardErrorWhenTheActionThrows() throws Exception {
        java.nio.file.Path fd2 = java.nio.file.Path.of("/proc/self/fd/2");
        java.nio.file.Path before = java.nio.file.Files.readSymbolicLink(fd2);
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> NativeTuning.quietly(() -> {
                    throw new IllegalStateException("boom");
                }));
        assertEquals("boom", e.getMessage());
        assertEquals(before, java.nio.file.Files.readSymbolicLink(fd2));
    }
}
