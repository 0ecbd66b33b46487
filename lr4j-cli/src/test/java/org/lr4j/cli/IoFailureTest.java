package org.lr4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every command's I/O failures (a write, a read, a missing folder) answer with status 2 and one line
 * on stderr that names the user's path and the reason in words: never an exception class name, never a
 * temporary file's name, never a stack trace. The machine's {@code /proc} refuses new files and folders
 * even to root, and a path under a regular file cannot be created: both fail for any user.
 */
class IoFailureTest {
    @TempDir
    static Path dir;
    private static Path aFile;
    private static Path run;

    @BeforeAll
    static void files() throws IOException {
        aFile = Files.writeString(dir.resolve("a-file"), "x");
        run = Files.createDirectories(dir.resolve("run"));
        Files.writeString(run.resolve("summary.csv"), "epoch,train_loss,eval_loss,eval_top1,eval_top5,lr\n"
                + "0,1.5,1.4,40.0,90.0,0.05\n1,1.2,1.1,55.0,95.0,0.025\n");
    }

    /** Status 2, nothing on stdout, one line naming {@code path} with {@code reason}, in words. */
    private static void fails(Cli r, String path, String reason) {
        r.assertBadInput(path);
        assertTrue(r.err().contains(reason), () -> "reason '" + reason + "' in: " + r.err());
        assertFalse(r.err().matches("(?s).*[A-Z][a-z]+(Exception|Error)\\b.*"), () -> "a class name in: " + r.err());
        assertFalse(r.err().contains(".tmp"), () -> "a temporary file in: " + r.err());
    }

    private static void noTemporaryFileLeft(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            assertEquals(List.of(), files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList());
        }
    }

    @Test
    void plot() throws IOException {
        fails(Cli.run("plot", "--sched", "tanh", "-o", "/proc/x.png"), "/proc/x.png: cannot write: cannot create a file in /proc", "in /proc");
        fails(Cli.run("plot", "-o", aFile.resolve("x.svg").toString()), aFile.resolve("x.svg").toString(),
                aFile + " is a file, not a folder");
        fails(Cli.run("plot", "--from-args", dir.toString(), "-o", dir.resolve("p.png").toString()),
                dir + ": cannot read: is a folder", "is a folder");
        fails(Cli.run("plot", "--from-args", dir.resolve("none/args.yaml").toString(), "-o", dir.resolve("p.png").toString()),
                dir.resolve("none/args.yaml") + ": no such file", "no such file");
        noTemporaryFileLeft(dir);
    }

    @Test
    void table() throws IOException {
        fails(Cli.run("table", "-o", "/proc/t.csv"), "/proc/t.csv: cannot write", "cannot create a file in /proc");
        fails(Cli.run("table", "--format", "json", "-o", aFile.resolve("t.json").toString()),
                aFile.resolve("t.json") + ": cannot write", "is a file, not a folder");
        fails(Cli.run("table", "--state-out", "/proc/s.json"), "/proc/s.json: cannot write", "cannot create a file in /proc");
        fails(Cli.run("table", "--state-in", dir.toString()), dir + ": cannot read", "is a folder");
        fails(Cli.run("table", "--state-in", dir.resolve("none/s.json").toString()), dir.resolve("none/s.json").toString(),
                "no such file");
        fails(Cli.run("table", "--from-args", aFile.resolve("a.yaml").toString()), aFile.resolve("a.yaml") + ": cannot read",
                "not a folder");
        noTemporaryFileLeft(dir);
    }

    @Test
    void replay() throws IOException {
        Path in = Files.writeString(dir.resolve("in.jsonl"), "{\"id\": \"x\", \"scheduler\": \"tanh\"}\n");
        fails(Cli.run("replay", in.toString(), "-o", "/proc/r.jsonl"), "/proc/r.jsonl: cannot write", "in /proc");
        fails(Cli.run("replay", dir.toString()), dir + ": cannot read", "is a folder");
        fails(Cli.run("replay", dir.resolve("none/in.jsonl").toString()), dir.resolve("none/in.jsonl").toString(),
                "no such file");
    }

    @Test
    void tutorial() throws IOException {
        fails(Cli.run("tutorial", "-o", "/proc/tutorial"), "/proc/tutorial: cannot write", "cannot create a folder in /proc");
        fails(Cli.run("tutorial", "-o", aFile.resolve("t").toString()), aFile.resolve("t").toString(),
                aFile + " is a file, not a folder");
        Path missing = dir.resolve("new/deeper");
        Cli ok = Cli.run("tutorial", "-o", missing.toString());
        assertEquals(0, ok.status(), ok.err());
        assertTrue(Files.isRegularFile(missing.resolve("warmup.png")), "missing folders are created");
    }

    @Test
    void compare() throws IOException {
        fails(Cli.run("compare", run.toString(), "-o", "/proc/c.png"), "/proc/c.png: cannot write", "in /proc");
        fails(Cli.run("compare", run.toString(), dir.resolve("none").toString()), dir.resolve("none") + ": no such folder",
                "no such folder");
        fails(Cli.run("compare", run.toString(), aFile.toString()), aFile + ": not a folder", "not a folder");
        Path hollow = Files.createDirectories(dir.resolve("hollow/summary.csv"));
        fails(Cli.run("compare", hollow.getParent().toString()), "summary " + hollow + " cannot be read", "is a folder");
        fails(Cli.run("compare", dir.toString()), dir + ": no summary.csv", "not an lr4j train run folder");
    }

    @Test
    void train() throws IOException {
        fails(Cli.run("train", "--epochs", "1", "--output", "/proc/run"), "/proc/run: cannot write",
                "cannot create a folder in /proc");
        fails(Cli.run("train", "--epochs", "1", "--output", aFile.toString()), aFile.toString(), "is a file, not a folder");
        fails(Cli.run("train", dir.resolve("none").toString()), dir.resolve("none").toString(), "does not exist");
        fails(Cli.run("train", "--resume", dir.toString()), dir.toString(), "checkpoint");
    }
}
