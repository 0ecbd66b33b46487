package org.lr4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void openMpWaitPolicyIsPassiveUnlessTheUserSetIt() {
        String user = System.getenv("OMP_WAIT_POLICY");
        assertEquals(user != null ? user : "PASSIVE", NativeTuning.passiveOpenMpWait());
    }
}
