package dev.opsuite.executor.estate.grpc;

import dev.opsuite.kit.errors.ErrorCode;
import dev.opsuite.kit.errors.OpsException;
import com.google.protobuf.ByteString;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One upload spooled to a temp file (owner-only permissions), bounded in size. The importer reads
 * files twice or three times, so the stream cannot be consumed in place.
 */
final class UploadSpool implements AutoCloseable {
    private final Path file;
    private final OutputStream out;
    private final long maxBytes;
    private long bytes;
    private boolean closed;

    UploadSpool(Path dir, long maxBytes) throws IOException {
        Files.createDirectories(dir);
        this.file = Files.createTempFile(dir, "estate-upload-", ".csv");
        this.out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        this.maxBytes = maxBytes;
    }

    void append(ByteString chunk) throws IOException {
        bytes += chunk.size();
        if (bytes > maxBytes) {
            throw new OpsException(ErrorCode.PAYLOAD_TOO_LARGE,
                    "upload larger than the limit of " + maxBytes + " bytes");
        }
        chunk.writeTo(out);
    }

    /** Flushes and closes the file for reading. */
    Path finish() throws IOException {
        closeStream();
        return file;
    }

    long bytes() {
        return bytes;
    }

    /** Deletes the spooled file; safe to call more than once. */
    @Override
    public void close() {
        try {
            closeStream();
        } catch (IOException ignored) {
            // the file is deleted next; a failed flush no longer matters
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete upload spool " + file, e);
        }
    }

    private void closeStream() throws IOException {
        if (!closed) {
            closed = true;
            out.close();
        }
    }
}
