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
 *
 * <p>The file starts with a {@link RingHeader} naming the columns; {@link #open} brings a file of
 * another layout or format to the wanted one first ({@link RingMigration}).
 */
final class RingFile implements Closeable {

    private static final int RECORDS_PER_READ = 256;

    /** One stored record: its period and its column values. */
    record Entry(long period, double[] values) {
    }

    private final FileChannel channel;
    private final RingHeader header;
    private final int slots;
    private final int width;
    private final int recordBytes;
    private final boolean fresh;

    /** A ring over an open file whose header is {@code header}; reads need only a readable channel. */
    RingFile(FileChannel channel, RingHeader header, boolean fresh) {
        this.channel = channel;
        this.header = header;
        this.slots = header.slots();
        this.width = header.columns().size();
        this.recordBytes = header.recordBytes();
        this.fresh = fresh;
    }

    /**
     * Opens the ring of {@code slots} slots and these columns. A missing file is created empty; a file of
     * another format, size or column list is migrated first, keeping every value by column name; a file
     * that cannot be read is moved aside and the ring starts empty.
     */
    static RingFile open(Path file, int slots, List<String> columns) throws IOException {
        RingHeader wanted = RingHeader.current(slots, columns);
        boolean fresh = RingMigration.prepare(file, wanted);
        return new RingFile(FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE), wanted, fresh);
    }

    /**
     * The whole content of a ring file with {@code header} holding {@code entries}: each in the slot of its
     * period, a later entry over an earlier one of the same slot. Empty slots are zeros, which fail their CRC.
     */
    static byte[] image(RingHeader header, List<Entry> entries) {
        ByteBuffer image = ByteBuffer.allocate(Math.toIntExact(header.fileBytes()));
        image.put(header.encode());
        for (Entry e : entries) {
            image.position(Math.toIntExact(position(header, e.period())));
            image.put(record(e.period(), e.values(), header.recordBytes()));
        }
        return image.array();
    }

    /** True when {@link #open} found no usable file and started an empty one. */
    boolean fresh() {
        return fresh;
    }

    void write(long period, double[] values) throws IOException {
        if (values.length != width) {
            throw new IllegalArgumentException("expected " + width + " values, got " + values.length);
        }
        writeFully(channel, ByteBuffer.wrap(record(period, values, recordBytes)), position(header, period));
    }

    /** The valid records with a period in {@code [from, to]}, oldest first. */
    List<Entry> read(long from, long to) throws IOException {
        List<Entry> entries = new ArrayList<>();
        ByteBuffer chunk = ByteBuffer.allocate(RECORDS_PER_READ * recordBytes);
        for (int first = 0; first < slots; first += RECORDS_PER_READ) {
            int count = Math.min(RECORDS_PER_READ, slots - first);
            chunk.clear().limit(count * recordBytes);
            readFully(channel, chunk, header.bytes() + (long) first * recordBytes);
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

    private static byte[] record(long period, double[] values, int recordBytes) {
        ByteBuffer record = ByteBuffer.allocate(recordBytes);
        record.putLong(period);
        for (double v : values) {
            record.putDouble(v);
        }
        record.putInt(crc(record.array(), 0, recordBytes - Integer.BYTES));
        return record.array();
    }

    /** Where the record of {@code period} lives in a file with {@code header}. */
    private static long position(RingHeader header, long period) {
        return header.bytes() + Math.floorMod(period, header.slots()) * (long) header.recordBytes();
    }

    static int crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    /** Fills {@code buffer} from {@code position}; one {@link FileChannel#read} may read less. */
    static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
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
}
