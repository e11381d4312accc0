package io.containeredge.modbus.codec;

import io.containeredge.modbus.profile.Order;

/** Turns registers into the bits of one value and back, honouring byte and word order. */
final class WordCodec {

    private WordCodec() {
    }

    /** Assembles up to four 16-bit registers into a long, most significant word first. */
    static long join(int[] words, Order byteOrder, Order wordOrder) {
        long bits = 0;
        int n = words.length;
        for (int i = 0; i < n; i++) {
            int w = words[wordOrder == Order.BIG ? i : n - 1 - i] & 0xFFFF;
            if (byteOrder == Order.LITTLE) {
                w = swapBytes(w);
            }
            bits = (bits << 16) | w;
        }
        return bits;
    }

    /** Splits the low {@code n * 16} bits of a long into registers, the inverse of {@link #join}. */
    static int[] split(long bits, int n, Order byteOrder, Order wordOrder) {
        int[] words = new int[n];
        for (int i = n - 1; i >= 0; i--) {
            int w = (int) (bits & 0xFFFF);
            if (byteOrder == Order.LITTLE) {
                w = swapBytes(w);
            }
            words[wordOrder == Order.BIG ? i : n - 1 - i] = w;
            bits >>>= 16;
        }
        return words;
    }

    static int swapBytes(int w) {
        return ((w & 0xFF) << 8) | ((w >> 8) & 0xFF);
    }
}
