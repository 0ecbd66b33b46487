package org.lr4j.train;

import ai.djl.util.Utils;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Objects;

/**
 * Keeps DJL off the network: offline mode on, usage tracking off, and its caches (the PyTorch native
 * library it extracts from the {@code pytorch-native-cpu} jar) in a predictable folder.
 *
 * <p>DJL reads these settings as environment variables or, when the variable is unset, as system
 * properties ({@code ai.djl.util.Utils.getEnvOrSystemProperty}): {@code DJL_OFFLINE} /
 * {@code ai.djl.offline}, {@code OPT_OUT_TRACKING}, {@code DJL_CACHE_DIR}, {@code ENGINE_CACHE_DIR}.
 * {@link #configure(Path)} sets the properties; it must run before the first
 * {@code ai.djl.engine.Engine.getInstance()}, which is when DJL reports usage and extracts the engine.
 * Every entry point of lr4j-train that touches the engine ({@link ImageClassifierTrainer#run}) calls
 * {@link #configure()} first. An environment variable that says otherwise would win over the property,
 * so {@code configure} refuses an environment that turns offline mode or the tracking opt-out off.
 *
 * <pre>{@code
 * DjlEnvironment.Settings s = DjlEnvironment.configure(Path.of("/tmp/djl"));
 * s.offline();          // true
 * s.trackingOptOut();   // true
 * s.engineCacheDir();   // /tmp/djl (the PyTorch files go to /tmp/djl/pytorch/...)
 * }</pre>
 */
public final class DjlEnvironment {
    /** The system property naming lr4j's DJL cache folder. */
    public static final String CACHE_PROPERTY = "lr4j.djl.cache";

    private DjlEnvironment() {
    }

    /**
     * The settings DJL will use, as DJL itself reads them.
     *
     * @param offline DJL's offline mode ({@code Utils.isOfflineMode()})
     * @param trackingOptOut whether {@code OPT_OUT_TRACKING} is {@code true}
     * @param cacheDir DJL's cache folder ({@code Utils.getCacheDir()})
     * @param engineCacheDir DJL's engine cache folder ({@code Utils.getEngineCacheDir()})
     */
    public record Settings(boolean offline, boolean trackingOptOut, Path cacheDir, Path engineCacheDir) {
    }

    /**
     * The default cache folder: the {@value #CACHE_PROPERTY} property; else the {@code DJL_CACHE_DIR}
     * property (as the {@code ./lr4j} launcher sets it); else {@code $LR4J_HOME/djl}; else
     * {@code ~/.lr4j/djl}.
     */
    public static Path defaultCacheDir() {
        for (String p : new String[] {System.getProperty(CACHE_PROPERTY), System.getProperty("DJL_CACHE_DIR")}) {
            if (p != null && !p.isBlank()) {
                return Paths.get(p);
            }
        }
        String home = System.getenv("LR4J_HOME");
        if (home != null && !home.isBlank()) {
            return Paths.get(home, "djl");
        }
        return Paths.get(System.getProperty("user.home"), ".lr4j", "djl");
    }

    /**
     * {@link #configure(Path)} with {@link #defaultCacheDir()}.
     *
     * @throws IllegalStateException when an environment variable turns offline mode or the tracking
     *     opt-out off
     */
    public static Settings configure() {
        return configure(defaultCacheDir());
    }

    /**
     * Sets offline mode, the tracking opt-out and the cache folders ({@code cacheDir} for DJL's cache and
     * its engines' native files, as DJL's own default {@code ~/.djl.ai} holds both) as system properties, and returns the
     * settings in force as DJL reads them. Idempotent; the cache folders take effect only if no engine
     * has been loaded yet.
     *
     * @throws IllegalStateException when an environment variable turns offline mode or the tracking
     *     opt-out off (DJL would obey the variable, not the property)
     */
    public static synchronized Settings configure(Path cacheDir) {
        Objects.requireNonNull(cacheDir, "cacheDir");
        Path dir = cacheDir.toAbsolutePath().normalize();
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.setProperty("DJL_CACHE_DIR", dir.toString());
        System.setProperty("ENGINE_CACHE_DIR", dir.toString());
        // lr4j runs one model at a time: no inter-op thread pool beside the intra-op one
        if (System.getProperty("ai.djl.pytorch.num_interop_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        // DJL prints a progress bar on stdout when it extracts; lr4j's output is its own.
        System.setProperty("DJL_DISABLE_PROGRESS_BAR", "true");
        Settings s = current();
        if (!s.offline()) {
            throw new IllegalStateException("environment variable DJL_OFFLINE=" + System.getenv("DJL_OFFLINE")
                    + " turns DJL's offline mode off; unset it or set it to true");
        }
        if (!s.trackingOptOut()) {
            throw new IllegalStateException("environment variable OPT_OUT_TRACKING="
                    + System.getenv("OPT_OUT_TRACKING") + " turns DJL's usage tracking on; unset it or set it to true");
        }
        return s;
    }

    /** The settings in force now, read with DJL's own {@code ai.djl.util.Utils}. */
    public static Settings current() {
        return new Settings(Utils.isOfflineMode(),
                Boolean.parseBoolean(Utils.getEnvOrSystemProperty("OPT_OUT_TRACKING")),
                Utils.getCacheDir(), Utils.getEngineCacheDir());
    }
}
