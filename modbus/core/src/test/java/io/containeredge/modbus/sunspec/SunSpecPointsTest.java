package io.containeredge.modbus.sunspec;

import static io.containeredge.modbus.sunspec.SunSpecLayoutTest.byName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.codec.Decoded;
import io.containeredge.modbus.codec.PointCodec;
import io.containeredge.modbus.profile.PointDef;
import io.containeredge.modbus.profile.PollClass;
import io.containeredge.modbus.profile.SunSpecSpec;
import io.containeredge.modbus.profile.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SunSpecPointsTest {

    static final SunSpecModels MODELS = SunSpecModels.builtIn();
    static final SunSpecSpec SPEC = new SunSpecSpec(SunSpecSpec.DEFAULT_BASES, List.of(1, 103, 213, 701, 704, 802),
            Map.of(1, PollClass.SLOW, 802, PollClass.FAST));

    FakeSunSpecDevice device;
    List<PointDef> points;

    @BeforeEach
    void discoverADevice() throws Exception {
        SunSpecLayout layout = SunSpecLayout.build(MODELS, 40000, List.of(1, 103, 124, 213, 701, 802));
        device = FakeSunSpecDevice.serving(layout);
        points = SunSpecPoints.pointsFor(SPEC, SunSpecDiscoveryTest.discover(device), MODELS);
    }

    @Test
    void pointsHaveAbsoluteAddressesAndModelQualifiedNames() {
        int body103 = 40000 + 2 + (2 + 66) + 2;
        PointDef w = byName(points, "m103.W");
        assertEquals(body103 + 12, w.address());
        assertEquals("m103.W_SF", w.scaleFactor());
        assertEquals(body103 + 13, byName(points, "m103.W_SF").address());
        assertEquals(Table.HOLDING_REGISTER, w.table());
        assertTrue(w.typeSentinels());

        int body802 = body103 + 50 + 2 + 24 + 2 + 124 + 2 + 153 + 2;
        PointDef soc = byName(points, "m802.SoC");
        assertEquals(body802 + 9, soc.address());
        assertEquals("m802.SoC_SF", soc.scaleFactor());
        assertTrue(byName(points, "m802.CtrlHb").writable());
    }

    @Test
    void onlyModelsBothListedAndPresentGivePoints() throws Exception {
        assertTrue(points.stream().noneMatch(p -> p.name().startsWith("m124.")), "124 is not in the profile");
        assertTrue(points.stream().noneMatch(p -> p.name().startsWith("m704.")), "704 is not on the device");
        int expected = 0;
        for (int id : List.of(1, 103, 213, 701, 802)) {
            expected += MODELS.get(id).points().size();
        }
        assertEquals(expected, points.size());
    }

    @Test
    void pollClassComesFromTheProfile() {
        assertEquals(PollClass.SLOW, byName(points, "m1.SN").pollClass());
        assertEquals(PollClass.NORMAL, byName(points, "m103.W").pollClass());
        assertEquals(PollClass.FAST, byName(points, "m802.SoC").pollClass());
    }

    @Test
    void pointsPastADeclaredShorterLengthAreLeftOut() {
        DiscoveredModel shortInverter = new DiscoveredModel(103, 14, 100);

        List<PointDef> placed = SunSpecPoints.pointsFor(SPEC, List.of(shortInverter), MODELS);

        assertEquals(100 + 13, placed.get(placed.size() - 1).lastAddress());
        assertTrue(placed.stream().noneMatch(p -> p.name().equals("m103.Hz")));
    }

    @Test
    void scaledValueDecodesWithItsScaleFactor() throws Exception {
        PointDef w = byName(points, "m103.W");
        PointDef wSf = byName(points, "m103.W_SF");
        device.set(w.address(), 12345);
        device.set(wSf.address(), 0xFFFF);

        int sf = ((Double) decode(wSf).value()).intValue();
        Decoded watts = PointCodec.decode(w, read(w), sf);

        assertEquals(-1, sf);
        assertEquals(1234.5, (Double) watts.value(), 1e-9);
    }

    @Test
    void notImplementedSentinelsAreInvalid() throws Exception {
        device.set(byName(points, "m103.W").address(), 0x8000);
        assertFalse(PointCodec.decode(byName(points, "m103.W"), read(byName(points, "m103.W")), 0).isValid());

        PointDef wh = byName(points, "m103.WH");
        device.set(wh.address(), 0, 0);
        assertFalse(PointCodec.decode(wh, read(wh), 0).isValid(), "acc32 0 means not accumulated");

        PointDef meterW = byName(points, "m213.W");
        device.set(meterW.address(), 0x7FC0, 0x0000);
        assertFalse(decode(meterW).isValid(), "float32 NaN");

        PointDef energy = byName(points, "m701.TotWhInj");
        device.set(energy.address(), 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF);
        assertFalse(PointCodec.decode(energy, read(energy), 0).isValid(), "uint64 not-implemented marker");

        PointDef soc = byName(points, "m802.SoC");
        device.set(soc.address(), 0xFFFF);
        assertFalse(PointCodec.decode(soc, read(soc), 0).isValid());
    }

    @Test
    void enumsAndBitfieldsCarryTheirLabels() throws Exception {
        device.set(byName(points, "m701.St").address(), 0);
        assertEquals("off", decode(byName(points, "m701.St")).value());
        device.set(byName(points, "m802.State").address(), 3);
        assertEquals("connected", decode(byName(points, "m802.State")).value());
        PointDef evt = byName(points, "m802.Evt1");
        device.set(evt.address(), 0, 0b10);
        assertEquals(Boolean.TRUE, decode(evt).flags().get("over_temp_alarm"));
    }

    private int[] read(PointDef p) throws Exception {
        return device.read(1, p.table(), p.address(), p.count());
    }

    private Decoded decode(PointDef p) throws Exception {
        return PointCodec.decode(p, read(p), null);
    }
}
