package io.containeredge.console.history;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * The start of a ring file: which format it is in, how many slots it has and which column each value
 * of a record belongs to. Records follow at {@link #bytes()}.
 *
 * <p>Format 2 (written now), big-endian:
 * <pre>
 * long  magic      "CEHIST" + format (0x434548495354_0002)
 * int   bytes      size of the whole header, records start here
 * int   slots
 * int   columns
 * per column: unsigned short length, that many bytes of UTF-8 name
 * int   CRC-32 of everything before it
 * </pre>
 * Format 1 (the first release) had a 32-byte header of magic, slots, width and a hash of the column
 * names; it is still read, with the names that release used ({@link #FORMAT_1_COLUMNS}).
 *
 * @param format the format the file is in
 * @param bytes  the header's size: where the first record starts
 */
record RingHeader(int format, int slots, List<String> columns, int bytes) {

    static final int CURRENT_FORMAT = 2;
    /** The columns of the release that wrote format 1; its header holds only their hash. */
    static final List<String> FORMAT_1_COLUMNS = List.of("import-kw", "miner-kw", "max-miner-kw", "supply-c",
            "return-c", "battery-soc", "battery-kw");

    /** "CEHIST": the high 48 bits of the magic of every format; the low 16 bits are the format. */
    private static final long MAGIC_FAMILY = 0x4345_4849_5354L;
    private static final int FORMAT_1_BYTES = 32;
    /** Magic, size, slots, columns: the part of a format 2 header before the names. */
    private static final int FORMAT_2_FIXED_BYTES = Long.BYTES + 3 * Integer.BYTES;
    /** Far more than any column list needs; a larger size field means the header is damaged. */
    private static final int MAX_BYTES = 64 * 1024;

    RingHeader {
        columns = List.copyOf(columns);
    }

    /** The header of the current format for these slots and columns. */
    static RingHeader current(int slots, List<String> columns) {
        if (slots <= 0 || columns.isEmpty() || new HashSet<>(columns).size() != columns.size()) {
            throw new IllegalArgumentException("a ring needs slots and distinct column names: " + slots + " " + columns);
        }
        int bytes = FORMAT_2_FIXED_BYTES + Integer.BYTES;
        for (String c : columns) {
            bytes += Short.BYTES + c.getBytes(StandardCharsets.UTF_8).length;
        }
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("column names too long for a ring header: " + columns);
        }
        return new RingHeader(CURRENT_FORMAT, slots, columns, bytes);
    }

    /** Bytes of one record: period, one double per column, CRC-32. */
    int recordBytes() {
        return Long.BYTES + columns.size() * Double.BYTES + Integer.BYTES;
    }

    /** The size of a ring file with this header: constant, whatever was written. */
    long fileBytes() {
        return bytes + (long) slots * recordBytes();
    }

    /** This header in format 2. */
    byte[] encode() {
        ByteBuffer h = ByteBuffer.allocate(bytes);
        h.putLong(MAGIC_FAMILY << 16 | CURRENT_FORMAT).putInt(bytes).putInt(slots).putInt(columns.size());
        for (String c : columns) {
            byte[] name = c.getBytes(StandardCharsets.UTF_8);
            h.putShort((short) name.length).put(name);
        }
        h.putInt(RingFile.crc(h.array(), 0, h.position()));
        return h.array();
    }

    /**
     * Reads the header at the start of {@code channel}.
     *
     * @throws UnreadableRingException when it is not a ring header this code can read: another kind of
     *                                 file, a newer format, a damaged header
     */
    static RingHeader read(FileChannel channel) throws IOException, UnreadableRingException {
        ByteBuffer start = readAt(channel, 0, FORMAT_2_FIXED_BYTES);
        long magic = start.getLong(0);
        if (magic >>> 16 != MAGIC_FAMILY) {
            throw new UnreadableRingException("not a history ring file");
        }
        int format = (int) (magic & 0xFFFF);
        return switch (format) {
            case 1 -> format1(readAt(channel, 0, FORMAT_1_BYTES));
            case 2 -> format2(channel, start.getInt(Long.BYTES));
            default -> throw new UnreadableRingException("ring format " + format + ", this release reads formats 1"
                    + " to " + CURRENT_FORMAT);
        };
    }

    private static RingHeader format1(ByteBuffer h) throws UnreadableRingException {
        int slots = h.getInt(8);
        int width = h.getInt(12);
        int layoutHash = h.getInt(16);
        if (slots <= 0 || width != FORMAT_1_COLUMNS.size() || layoutHash != FORMAT_1_COLUMNS.hashCode()) {
            throw new UnreadableRingException("ring format 1 with columns of no released layout");
        }
        return new RingHeader(1, slots, FORMAT_1_COLUMNS, FORMAT_1_BYTES);
    }

    private static RingHeader format2(FileChannel channel, int bytes) throws IOException, UnreadableRingException {
        if (bytes < FORMAT_2_FIXED_BYTES + Integer.BYTES || bytes > MAX_BYTES) {
            throw new UnreadableRingException("damaged ring header (size " + bytes + ")");
        }
        ByteBuffer h = readAt(channel, 0, bytes);
        if (RingFile.crc(h.array(), 0, bytes - Integer.BYTES) != h.getInt(bytes - Integer.BYTES)) {
            throw new UnreadableRingException("damaged ring header (checksum)");
        }
        h.position(Long.BYTES + Integer.BYTES);
        int slots = h.getInt();
        int count = h.getInt();
        List<String> columns = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                byte[] name = new byte[Short.toUnsignedInt(h.getShort())];
                h.get(name);
                columns.add(new String(name, StandardCharsets.UTF_8));
            }
            if (h.position() != bytes - Integer.BYTES) {
                throw new UnreadableRingException("damaged ring header (column names)");
            }
            return current(slots, columns);
        } catch (RuntimeException e) {
            throw new UnreadableRingException("damaged ring header (" + e.getMessage() + ")");
        }
    }

    /** {@code length} bytes from {@code position}; zeros past the end of the file. */
    private static ByteBuffer readAt(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        RingFile.readFully(channel, buffer, position);
        return buffer.flip();
    }
}
