package org.lr4j.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoErrorsTest {
    @TempDir
    Path dir;

    @Test
    void reasonsAreWordsWithoutClassNames() {
        assertEquals("no such file or folder", IoErrors.reason(new NoSuchFileException("/x/y")));
        assertEquals("permission denied", IoErrors.reason(new AccessDeniedException("/root/x")));
        assertEquals("not a folder", IoErrors.reason(new FileSystemException("/a/b", null, "Not a directory")));
        assertEquals("no space left on device", IoErrors.reason(new IOException("No space left on device")));
        assertEquals("is a folder", IoErrors.reason(new IOException("Is a directory")));
        assertEquals("input/output error", IoErrors.reason(new IOException()));
    }

    @Test
    void aReadOfAFolderOrUnderAFileSaysWhy() throws IOException {
        IOException folder = assertThrows(IOException.class, () -> Files.readString(dir));
        assertEquals("is a folder", IoErrors.reason(folder));
        Path file = Files.writeString(dir.resolve("f"), "x");
        IOException under = assertThrows(IOException.class, () -> Files.readString(file.resolve("g")));
        assertEquals("not a folder", IoErrors.reason(under));
    }

    @Test
    void atomicWritesReportTheTargetNeverTheTemporaryFile() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Path under = file.resolve("out.csv");
        FileSystemException e = assertThrows(FileSystemException.class, () -> AtomicFiles.writeString(under, "y"));
        assertEquals(under.toString(), e.getFile());
        assertEquals(file + " is a file, not a folder", IoErrors.reason(e));

        Path proc = Path.of("/proc/lr4j-test.png");
        FileSystemException p = assertThrows(FileSystemException.class, () -> AtomicFiles.writeString(proc, "y"));
        assertEquals(proc.toString(), p.getFile());
        assertEquals("cannot create a file in /proc", IoErrors.reason(p));
        assertFalse(p.getMessage().contains(".tmp"), p.getMessage());

        FileSystemException thrown = assertThrows(FileSystemException.class, () -> AtomicFiles.write(dir.resolve("z"), out -> {
            throw new IOException("No space left on device");
        }));
        assertEquals(dir.resolve("z").toString(), thrown.getFile());
        assertTrue(thrown.getMessage().endsWith("no space left on device"), thrown.getMessage());
    }
}
