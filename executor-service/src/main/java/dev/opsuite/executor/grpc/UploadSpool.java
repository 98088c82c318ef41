package dev.opsuite.executor.grpc;

import dev.opsuite.model.errors.ErrorCode;
import dev.opsuite.model.errors.OpsException;
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
    private static final long CHECK_EVERY_BYTES = 64L << 20;
    /** Free space the spool never eats into (the database and the traces share the disk). */
    private final long reserveBytes;
    private final long maxBytes;
    private final java.nio.file.FileStore store;
    private long bytes;
    private long checkedAt;
    private boolean closed;

    UploadSpool(Path dir, long maxBytes, long reserveBytes) throws IOException {
        this.reserveBytes = reserveBytes;
        Files.createDirectories(dir);
        this.store = Files.getFileStore(dir);
        // refused before it starts when the disk is already at its reserve
        ensureSpace(dir);
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
        if (bytes - checkedAt >= CHECK_EVERY_BYTES) {
            checkedAt = bytes;
            ensureSpace(file.getParent());
        }
        chunk.writeTo(out);
    }

    private void ensureSpace(Path dir) throws IOException {
        long usable = store.getUsableSpace();
        if (usable < reserveBytes) {
            throw new OpsException(ErrorCode.UNAVAILABLE, "not enough free space to spool the upload in " + dir
                    + " (" + (usable >> 20) + " MiB free, " + (reserveBytes >> 20) + " MiB kept in reserve)");
        }
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
