package io.containeredge.modbus.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.profile.DataType;
import io.containeredge.modbus.profile.Order;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.profile.PollClass;
import io.containeredge.modbus.profile.Table;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PointCodecTest {

    static PointDef point(DataType type, Order byteOrder, Order wordOrder) {
        return new PointDef("p", Table.HOLDING_REGISTER, 0, type, type == DataType.STRING ? 4 : type.registers(),
                1.0, 0.0, "", null, null, Set.of(), true, null, PollClass.NORMAL, false, byteOrder, wordOrder,
                Map.of(), Map.of(), "");
    }

    static PointDef point(DataType type) {
        return point(type, Order.BIG, Order.BIG);
    }

    static double number(PointDef p, int... words) {
        Decoded d = PointCodec.decode(p, words, null);
        assertTrue(d.isValid(), () -> "expected valid, got " + d.invalidReason());
        return (Double) d.value();
    }

    @Test
    void decodesSignedAndUnsigned16() {
        assertEquals(-2, number(point(DataType.INT16), 0xFFFE));
        assertEquals(65534, number(point(DataType.UINT16), 0xFFFE));
    }

    @ParameterizedTest
    @CsvSource({
        "BIG, BIG, 0x1234, 0x5678",
        "BIG, LITTLE, 0x5678, 0x1234",
        "LITTLE, BIG, 0x3412, 0x7856",
        "LITTLE, LITTLE, 0x7856, 0x3412"})
    void honoursByteAndWordOrderFor32Bits(Order byteOrder, Order wordOrder, String w0, String w1) {
        PointDef p = point(DataType.UINT32, byteOrder, wordOrder);
        int[] words = {Integer.decode(w0), Integer.decode(w1)};
        assertEquals(0x12345678L, (long) number(p, words));
        int[] encoded = PointCodec.encode(p, 0x12345678L, null);
        assertEquals(words[0], encoded[0]);
        assertEquals(words[1], encoded[1]);
    }

    @Test
    void decodesInt32Int64AndFloats() {
        assertEquals(-1, number(point(DataType.INT32), 0xFFFF, 0xFFFF));
        assertEquals(-100000, number(point(DataType.INT32), 0xFFFE, 0x7960));
        assertEquals(1L << 40, (long) number(point(DataType.INT64), 0x0000, 0x0100, 0x0000, 0x0000));
        assertEquals(230.5, number(point(DataType.FLOAT32), PointCodec.encode(point(DataType.FLOAT32), 230.5, null)), 1e-6);
        assertEquals(12345.678901, number(point(DataType.FLOAT64),
                PointCodec.encode(point(DataType.FLOAT64), 12345.678901, null)), 1e-9);
        PointDef littleWords = point(DataType.FLOAT64, Order.BIG, Order.LITTLE);
        assertEquals(-0.25, number(littleWords, PointCodec.encode(littleWords, -0.25, null)));
    }

    @Test
    void accumulatorsAreUnsignedAndZeroMeansNotImplemented() {
        assertEquals(4294967295.0 - 1, number(point(DataType.ACC32), 0xFFFF, 0xFFFE));
        assertFalse(PointCodec.decode(point(DataType.ACC32), new int[] {0, 0}, null).isValid());
        assertEquals(18446744073709551615.0, number(point(DataType.ACC64), 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF), 1e4);
    }

    @ParameterizedTest
    @CsvSource({"INT16, 0x8000", "UINT16, 0xFFFF", "ENUM16, 0xFFFF", "BITFIELD16, 0xFFFF", "SUNSSF, 0x8000"})
    void typeSentinelsAreInvalid(DataType type, String word) {
        Decoded d = PointCodec.decode(point(type), new int[] {Integer.decode(word)}, null);
        assertFalse(d.isValid());
        assertTrue(d.invalidReason().contains("sentinel"));
    }

    @Test
    void thirtyTwoBitSentinelsAndNaNAreInvalid() {
        assertFalse(PointCodec.decode(point(DataType.INT32), new int[] {0x8000, 0}, null).isValid());
        assertFalse(PointCodec.decode(point(DataType.UINT32), new int[] {0xFFFF, 0xFFFF}, null).isValid());
        assertFalse(PointCodec.decode(point(DataType.FLOAT32), new int[] {0x7FC0, 0}, null).isValid());
    }

    @Test
    void declaredSentinelAppliesEvenWithoutTypeSentinels() {
        PointDef base = point(DataType.INT16);
        PointDef monitor = new PointDef("top_oil", Table.INPUT_REGISTER, 0, DataType.INT16, 1, 0.1, 0, "degC",
                null, null, Set.of(0x8000L), false, null, PollClass.NORMAL, false, Order.BIG, Order.BIG,
                Map.of(), Map.of(), "");
        assertFalse(PointCodec.decode(monitor, new int[] {0x8000}, null).isValid());
        assertEquals(65.5, number(monitor, 655), 1e-9);
        assertTrue(PointCodec.decode(base, new int[] {0x7FFF}, null).isValid());
    }

    @Test
    void scaleOffsetAndRange() {
        PointDef temp = new PointDef("supply", Table.HOLDING_REGISTER, 0, DataType.INT16, 1, 0.01, 0, "degC",
                -20.0, 120.0, Set.of(), true, null, PollClass.FAST, false, Order.BIG, Order.BIG, Map.of(), Map.of(), "");
        assertEquals(38.57, number(temp, 3857), 1e-9);
        Decoded tooHot = PointCodec.decode(temp, new int[] {15000}, null);
        assertFalse(tooHot.isValid());
        assertTrue(tooHot.invalidReason().contains("range"));
        PointDef offset = new PointDef("t", Table.HOLDING_REGISTER, 0, DataType.UINT16, 1, 0.1, -40, "degC",
                null, null, Set.of(), true, null, PollClass.FAST, false, Order.BIG, Order.BIG, Map.of(), Map.of(), "");
        assertEquals(25.0, number(offset, 650), 1e-9);
        assertEquals(650, PointCodec.encode(offset, 25.0, null)[0]);
    }

    @Test
    void scaleFactorRegister() {
        PointDef w = new PointDef("W", Table.HOLDING_REGISTER, 0, DataType.INT16, 1, 1, 0, "W", null, null,
                Set.of(), true, "W_SF", PollClass.FAST, false, Order.BIG, Order.BIG, Map.of(), Map.of(), "");
        assertEquals(1234.5, (Double) PointCodec.decode(w, new int[] {12345}, -1).value(), 1e-9);
        assertEquals(12345000.0, (Double) PointCodec.decode(w, new int[] {12345}, 3).value(), 1e-6);
        assertFalse(PointCodec.decode(w, new int[] {12345}, null).isValid());
        assertFalse(PointCodec.decode(w, new int[] {12345}, Integer.MIN_VALUE).isValid());
        assertEquals(12345, PointCodec.encode(w, 1234.5, -1)[0]);
        assertFalse(PointCodec.decode(point(DataType.SUNSSF), new int[] {11}, null).isValid());
    }

    @Test
    void bitfieldsEnumsStringsAndBools() {
        PointDef bits = new PointDef("alarms", Table.HOLDING_REGISTER, 0, DataType.BITFIELD16, 1, 1, 0, "", null, null,
                Set.of(), true, null, PollClass.FAST, false, Order.BIG, Order.BIG,
                Map.of(0, "leak", 3, "level_high"), Map.of(), "");
        Decoded d = PointCodec.decode(bits, new int[] {0b1001}, null);
        assertEquals(Map.of("leak", true, "level_high", true), d.flags());
        assertEquals(Map.of("leak", false, "level_high", true), PointCodec.decode(bits, new int[] {8}, null).flags());

        PointDef state = new PointDef("pump", Table.HOLDING_REGISTER, 0, DataType.ENUM16, 1, 1, 0, "", null, null,
                Set.of(), true, null, PollClass.FAST, false, Order.BIG, Order.BIG, Map.of(),
                Map.of(0, "stopped", 1, "running"), "");
        assertEquals("running", PointCodec.decode(state, new int[] {1}, null).value());
        assertFalse(PointCodec.decode(state, new int[] {7}, null).isValid());
        assertEquals(0, PointCodec.encode(state, "stopped", null)[0]);

        PointDef text = point(DataType.STRING);
        assertEquals("S19XP", PointCodec.decode(text, PointCodec.encode(text, "S19XP", null), null).value());
        PointDef swapped = point(DataType.STRING, Order.LITTLE, Order.BIG);
        assertEquals("ABCD", PointCodec.decode(swapped, new int[] {0x4241, 0x4443, 0, 0}, null).value());

        PointDef coil = new PointDef("socket", Table.COIL, 0, DataType.BOOL, 1, 1, 0, "", null, null, Set.of(), true,
                null, PollClass.FAST, true, Order.BIG, Order.BIG, Map.of(), Map.of(), "");
        assertEquals(true, PointCodec.decode(coil, new int[] {1}, null).value());
    }

    @Test
    void aStringOfOnlyZeroWordsIsNotImplementedNotAGoodEmptyString() {
        PointDef opt = point(DataType.STRING);
        Decoded d = PointCodec.decode(opt, new int[] {0, 0, 0, 0}, null);
        assertFalse(d.isValid(), "SunSpec marks a string it does not implement with all 0x0000");
        assertTrue(d.invalidReason().contains("not-implemented"), d.invalidReason());
        assertFalse(PointCodec.decode(opt, PointCodec.encodeSentinel(opt), null).isValid());
        assertEquals("A", PointCodec.decode(opt, new int[] {0x4100, 0, 0, 0}, null).value(),
                "a string that ends early is still a value");
    }

    @Test
    void wrongRegisterCountIsInvalidNotAnException() {
        assertFalse(PointCodec.decode(point(DataType.UINT32), new int[] {1}, null).isValid());
    }
}
