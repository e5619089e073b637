package dev.dealdesk.audit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;

/**
 * A file system that runs out of space on cue, as the audit log's {@link Storage}. While full, a
 * write puts a quarter of its bytes on the file and then fails, as a write that meets a full disk
 * does; with {@link #failForceOnly}, writes succeed and forcing them fails, as with delayed
 * allocation. Cutting a file back needs no space: it always succeeds, and so does a force with
 * nothing new to put on storage.
 */
final class FullDisk implements Storage {

    private volatile boolean full;
    private volatile boolean failForceOnly;
    private volatile Predicate<Path> affected = path -> true;
    /** The latch the next write waits on, taken by that write; {@code released} opens it. */
    private volatile CountDownLatch gate;
    private volatile CountDownLatch released;
    private volatile CountDownLatch waiting;

    /** The disk is full for the files {@code affected} accepts (every file by default). */
    FullDisk fill() {
        full = true;
        return this;
    }

    /** Only the files {@code affected} accepts are out of space. */
    FullDisk only(Predicate<Path> affected) {
        this.affected = affected;
        return this;
    }

    /** Writes succeed while full, and forcing them fails. */
    FullDisk failForceOnly() {
        failForceOnly = true;
        return this;
    }

    /** Space returns. */
    FullDisk free() {
        full = false;
        return this;
    }

    /** The next write to an affected file waits until {@link #release()}; {@link #awaitHeld()} returns once it waits. */
    void holdNextWrite() {
        waiting = new CountDownLatch(1);
        released = new CountDownLatch(1);
        gate = released;
    }

    void awaitHeld() throws InterruptedException {
        waiting.await();
    }

    void release() {
        released.countDown();
    }

    @Override
    public FileChannel open(Path file, OpenOption... options) throws IOException {
        return new Channel(FileChannel.open(file, options), file);
    }

    private final class Channel extends FileChannel {

        private final FileChannel delegate;
        private final Path file;
        /** Bytes were written since the last force. */
        private volatile boolean dirty;

        Channel(FileChannel delegate, Path file) {
            this.delegate = delegate;
            this.file = file;
        }

        private boolean failing() {
            return full && affected.test(file);
        }

        private void hold() throws IOException {
            CountDownLatch held = gate;
            if (held != null && affected.test(file)) {
                gate = null;
                waiting.countDown();
                try {
                    held.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }

        /** Writes part of {@code source} at {@code position} (the channel's own when negative), then fails. */
        private int fullAfterPart(ByteBuffer source, long position) throws IOException {
            ByteBuffer part = source.duplicate();
            part.limit(part.position() + Math.max(1, part.remaining() / 4));
            int written = position < 0 ? delegate.write(part) : delegate.write(part, position);
            source.position(source.position() + written);
            throw new IOException("No space left on device");
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            hold();
            dirty = true;
            return failing() && !failForceOnly ? fullAfterPart(source, -1) : delegate.write(source);
        }

        @Override
        public int write(ByteBuffer source, long position) throws IOException {
            hold();
            dirty = true;
            return failing() && !failForceOnly ? fullAfterPart(source, position) : delegate.write(source, position);
        }

        @Override
        public long write(ByteBuffer[] sources, int offset, int length) throws IOException {
            long written = 0;
            for (int i = offset; i < offset + length; i++) {
                written += write(sources[i]);
            }
            return written;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            if (failing() && dirty) {
                throw new IOException("No space left on device");
            }
            delegate.force(metaData);
            dirty = false;
        }

        @Override
        public int read(ByteBuffer destination) throws IOException {
            return delegate.read(destination);
        }

        @Override
        public long read(ByteBuffer[] destinations, int offset, int length) throws IOException {
            return delegate.read(destinations, offset, length);
        }

        @Override
        public int read(ByteBuffer destination, long position) throws IOException {
            return delegate.read(destination, position);
        }

        @Override
        public long position() throws IOException {
            return delegate.position();
        }

        @Override
        public FileChannel position(long position) throws IOException {
            delegate.position(position);
            return this;
        }

        @Override
        public long size() throws IOException {
            return delegate.size();
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            delegate.truncate(size);
            dirty = false;
            return this;
        }

        @Override
        public long transferTo(long position, long count, WritableByteChannel target) throws IOException {
            return delegate.transferTo(position, count, target);
        }

        @Override
        public long transferFrom(ReadableByteChannel source, long position, long count) throws IOException {
            throw new UnsupportedOperationException("the audit log does not transfer into its files");
        }

        @Override
        public MappedByteBuffer map(MapMode mode, long position, long size) throws IOException {
            throw new UnsupportedOperationException("the audit log does not map its files");
        }

        @Override
        public FileLock lock(long position, long size, boolean shared) throws IOException {
            return delegate.lock(position, size, shared);
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return delegate.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            delegate.close();
        }
    }
}
