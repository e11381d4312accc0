package io.containeredge.console.history;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.zip.CRC32;

/**
 * A fixed number of fixed-size records in one file of constant size: the record of period {@code p}
 * (an epoch second or minute) lives in slot {@code p mod slots} and overwrites the record a full
 * ring earlier. So the file never grows, needs no clean-up, and costs one small positional write per
 * record.
 *
 * <p>Record: period (long), one double per column, CRC-32 of both (int). A record torn by a power cut
 * fails its CRC and is skipped; a slot whose period does not map to it is skipped too, so nothing is
 * ever read at the wrong time. A write reaches the operating system at once (a killed process loses
 * nothing); {@link #force} puts it on the disk.
 */
final class RingFile implements Closeable {

    private static final long MAGIC = 0x4345_4849_5354_0001L;
    static final int HEADER_BYTES = 32;
    private static final int RECORDS_PER_READ = 256;

    /** One stored record: its period and its column values. */
    record Entry(long period, double[] values) {
    }

    private final FileChannel channel;
    private final int slots;
    private final int width;
    private final int recordBytes;
    private final boolean fresh;

    private RingFile(FileChannel channel, int slots, int width, boolean fresh) {
        this.channel = channel;
        this.slots = slots;
        this.width = width;
        this.recordBytes = Long.BYTES + width * Double.BYTES + Integer.BYTES;
        this.fresh = fresh;
    }

    /**
     * Opens the ring, or starts it empty when the file is missing or was made for another layout
     * (slots, width, {@code layout} tag) or size.
     */
    static RingFile open(Path file, int slots, int width, int layout) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            RingFile ring = new RingFile(channel, slots, width, false);
            ByteBuffer header = ring.header(layout);
            ByteBuffer found = ByteBuffer.allocate(HEADER_BYTES);
            readFully(channel, found, 0);
            if (found.flip().equals(header.rewind()) && channel.size() == ring.fileBytes()) {
                return ring;
            }
            channel.truncate(0);
            writeFully(channel, header.rewind(), 0);
            // sparse zeros: an all-zero slot fails its CRC, so it reads as empty
            writeFully(channel, ByteBuffer.allocate(1), ring.fileBytes() - 1);
            channel.force(true);
            return new RingFile(channel, slots, width, true);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** True when {@link #open} found no usable file and started an empty one. */
    boolean fresh() {
        return fresh;
    }

    void write(long period, double[] values) throws IOException {
        if (values.length != width) {
            throw new IllegalArgumentException("expected " + width + " values, got " + values.length);
        }
        ByteBuffer record = ByteBuffer.allocate(recordBytes);
        record.putLong(period);
        for (double v : values) {
            record.putDouble(v);
        }
        record.putInt(crc(record.array(), 0, recordBytes - Integer.BYTES));
        writeFully(channel, record.flip(), position(period));
    }

    /** The valid records with a period in {@code [from, to]}, oldest first. */
    List<Entry> read(long from, long to) throws IOException {
        List<Entry> entries = new ArrayList<>();
        ByteBuffer chunk = ByteBuffer.allocate(RECORDS_PER_READ * recordBytes);
        for (int first = 0; first < slots; first += RECORDS_PER_READ) {
            int count = Math.min(RECORDS_PER_READ, slots - first);
            chunk.clear().limit(count * recordBytes);
            readFully(channel, chunk, HEADER_BYTES + (long) first * recordBytes);
            for (int i = 0; i < count; i++) {
                Entry e = decode(chunk, i * recordBytes, first + i);
                if (e != null && e.period() >= from && e.period() <= to) {
                    entries.add(e);
                }
            }
        }
        entries.sort(Comparator.comparingLong(Entry::period));
        return entries;
    }

    void force() throws IOException {
        channel.force(false);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private Entry decode(ByteBuffer chunk, int offset, int slot) {
        int crcAt = offset + recordBytes - Integer.BYTES;
        if (crc(chunk.array(), offset, recordBytes - Integer.BYTES) != chunk.getInt(crcAt)) {
            return null;
        }
        long period = chunk.getLong(offset);
        if (Math.floorMod(period, slots) != slot) {
            return null;
        }
        double[] values = new double[width];
        for (int c = 0; c < width; c++) {
            values[c] = chunk.getDouble(offset + Long.BYTES + c * Double.BYTES);
        }
        return new Entry(period, values);
    }

    private ByteBuffer header(int layout) {
        ByteBuffer h = ByteBuffer.allocate(HEADER_BYTES);
        h.putLong(MAGIC).putInt(slots).putInt(width).putInt(layout);
        return h.rewind();
    }

    private long position(long period) {
        return HEADER_BYTES + Math.floorMod(period, slots) * (long) recordBytes;
    }

    private long fileBytes() {
        return fileBytes(slots, width);
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                // past the end of a short file: the rest reads as zeros, i.e. empty slots
                while (buffer.hasRemaining()) {
                    buffer.put((byte) 0);
                }
                return;
            }
            at += n;
        }
    }

    private static void writeFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += channel.write(buffer, at);
        }
    }

    /** The size of the file of a ring of this shape: constant, whatever was written. */
    static long fileBytes(int slots, int width) {
        return HEADER_BYTES + (long) slots * (Long.BYTES + width * Double.BYTES + Integer.BYTES);
    }
}
