package org.lr4j.djl;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NativeMemoryTest {
    @Test
    void glibcAcceptsBothThresholds() {
        // this project's machines run glibc (Debian); mallopt returns 1 for a value it accepts
        assertTrue(NativeMemory.keepFreedMemory());
        assertTrue(NativeMemory.keepFreedMemory(), "idempotent");
    }
}
