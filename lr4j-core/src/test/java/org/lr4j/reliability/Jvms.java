package org.lr4j.reliability;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starting a second JVM from a test on the test's own class path (for cross-process tests). */
public final class Jvms {
    private Jvms() {
    }

    /** Everything this JVM runs the tests from, as one class path (surefire splits it over two properties). */
    public static String classPath() {
        List<String> parts = new ArrayList<>();
        for (String prop : List.of("jdk.module.path", "java.class.path")) {
            String v = System.getProperty(prop);
            if (v != null && !v.isEmpty()) {
                parts.add(v);
            }
        }
        return String.join(File.pathSeparator, parts);
    }

    /**
     * The command that runs {@code mainClass} with {@code args} in a fresh JVM: this JVM's {@code java},
     * this class path, a small heap, and only the C1 compiler (quick to start, and compiling differently
     * from the test's JVM).
     */
    public static List<String> command(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classPath(), mainClass));
        command.addAll(args);
        return command;
    }
}
