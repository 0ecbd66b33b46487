package org.lr4j.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.util.Utils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjlEnvironmentTest {
    @Test
    void offlineNoTrackingAndCacheDirAreInForceAsDjlReadsThem() {
        DjlEnvironment.Settings s = DjlEnvironment.configure();
        Path dir = DjlEnvironment.defaultCacheDir().toAbsolutePath().normalize();
        assertTrue(s.offline());
        assertTrue(s.trackingOptOut());
        assertEquals(dir, s.cacheDir());
        assertEquals(dir, s.engineCacheDir());
        // read back through DJL itself, not through the class under test
        assertTrue(Utils.isOfflineMode());
        assertEquals("true", Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING"));
        assertEquals(dir, Utils.getEngineCacheDir());
        assertEquals("true", System.getProperty("ai.djl.offline"));
    }

    @Test
    void theEngineLoadsOfflineFromTheConfiguredCache() throws IOException {
        DjlEnvironment.Settings s = DjlEnvironment.configure();
        Engine engine = Engine.getEngine("PyTorch");
        assertEquals("PyTorch", engine.getEngineName());
        try (Stream<Path> files = Files.walk(s.engineCacheDir().resolve("pytorch"))) {
            assertTrue(files.anyMatch(p -> p.getFileName().toString().equals("libtorch_cpu.so")),
                    "the native library is extracted into " + s.engineCacheDir());
        }
        // a download attempt is refused in offline mode, before any connection
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class,
                () -> Utils.openUrl("https://example.invalid/x").close());
        assertTrue(e.getMessage().toLowerCase().contains("offline"), e.getMessage());
    }

    @Test
    void configureWithAFolderPointsDjlThere(@TempDir Path tmp) {
        Path before = DjlEnvironment.configure().cacheDir();
        try {
            DjlEnvironment.Settings s = DjlEnvironment.configure(tmp.resolve("cache"));
            assertEquals(tmp.resolve("cache").toAbsolutePath().normalize(), Utils.getCacheDir());
            assertEquals(tmp.resolve("cache").toAbsolutePath().normalize(), s.engineCacheDir());
            assertEquals(tmp.resolve("cache").toAbsolutePath().normalize(), Utils.getEngineCacheDir());
        } finally {
            DjlEnvironment.configure(before);
        }
    }
}
