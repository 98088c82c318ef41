package dev.opsuite.executor.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** #13: uploads are bounded in size and in spool space before they start. */
class UploadSpoolTest {
    @TempDir
    Path dir;

    @Test
    void anUploadIsRefusedBeforeItStartsWhenTheDiskIsAtItsReserve() throws Exception {
        OpsException e = assertThrows(OpsException.class, () -> new UploadSpool(dir, 1 << 20, Long.MAX_VALUE));
        assertEquals(ErrorCode.UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("free space"), e.getMessage());
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count(), "nothing was spooled");
        }
    }

    @Test
    void anUploadPastItsLimitIsRefusedAndItsFileRemoved() throws Exception {
        Path file;
        try (UploadSpool spool = new UploadSpool(dir, 10, 0)) {
            spool.append(ByteString.copyFromUtf8("12345"));
            OpsException e = assertThrows(OpsException.class, () -> spool.append(ByteString.copyFromUtf8("123456")));
            assertEquals(ErrorCode.PAYLOAD_TOO_LARGE, e.code());
            file = spool.finish();
        }
        assertFalse(Files.exists(file));
    }
}
