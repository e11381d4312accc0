package io.containeredge.modbus.sunspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.client.ModbusClient;
import io.containeredge.modbus.client.ModbusFailure;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.profile.SunSpecSpec;
import io.containeredge.modbus.profile.Table;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SunSpecDiscoveryTest {

    static final SunSpecModels MODELS = SunSpecModels.builtIn();
    static final List<Integer> BATTERY_INVERTER = List.of(1, 103, 124, 802);

    static List<DiscoveredModel> discover(ModbusClient device) throws Exception {
        return SunSpecDiscovery.discover(device, 1, SunSpecSpec.DEFAULT_BASES);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 40000, 50000})
    void findsTheChainTheLayoutServesAtEachBase(int base) throws Exception {
        SunSpecLayout layout = SunSpecLayout.build(MODELS, base, BATTERY_INVERTER);

        List<DiscoveredModel> chain = discover(FakeSunSpecDevice.serving(layout));

        assertEquals(List.of(
                new DiscoveredModel(1, 66, base + 4),
                new DiscoveredModel(103, 50, base + 4 + 66 + 2),
                new DiscoveredModel(124, 24, base + 4 + 66 + 2 + 50 + 2),
                new DiscoveredModel(802, 62, base + 4 + 66 + 2 + 50 + 2 + 24 + 2)), chain);
    }

    @Test
    void markerOnlyAt50000IsFoundAfterExceptionResponsesAtTheOtherBases() throws Exception {
        FakeSunSpecDevice device = FakeSunSpecDevice.serving(SunSpecLayout.build(MODELS, 50000, List.of(1, 213)));

        List<DiscoveredModel> chain = discover(device);

        assertEquals(List.of(1, 213), chain.stream().map(DiscoveredModel::id).toList());
        assertEquals(6, device.reads, "probes at 0, 40000 and 50000, two model headers, the end marker");
    }

    @Test
    void noMarkerAtAnyBaseIsASunSpecException() {
        FakeSunSpecDevice device = new FakeSunSpecDevice();
        device.set(40000, 0x1234, 0x5678);

        SunSpecException e = assertThrows(SunSpecException.class, () -> discover(device));
        assertTrue(e.getMessage().contains("no 'SunS' marker"), e.getMessage());
    }

    @Test
    void aDeviceThatDoesNotAnswerIsNotMistakenForAMissingMarker() {
        FakeSunSpecDevice device = new FakeSunSpecDevice();
        device.failure = new ModbusFailure(ModbusFailure.Kind.TIMEOUT, "no response", null);

        ModbusFailure f = assertThrows(ModbusFailure.class, () -> discover(device));
        assertEquals(ModbusFailure.Kind.TIMEOUT, f.kind());
    }

    @Test
    void aModelLengthRunningPast65535IsRefused() {
        FakeSunSpecDevice device = new FakeSunSpecDevice();
        device.set(65000, SunSpecDiscovery.MARKER_HIGH, SunSpecDiscovery.MARKER_LOW, 1, 1000);

        SunSpecException e = assertThrows(SunSpecException.class,
                () -> SunSpecDiscovery.discover(device, 1, List.of(65000)));
        assertTrue(e.getMessage().contains("past register 65535"), e.getMessage());
    }

    @Test
    void aChainEndingExactlyAtTheTopOfTheAddressSpaceWithoutEndMarkerIsRefused() {
        FakeSunSpecDevice device = new FakeSunSpecDevice();
        device.set(65530, SunSpecDiscovery.MARKER_HIGH, SunSpecDiscovery.MARKER_LOW, 1, 2, 0, 0);

        SunSpecException e = assertThrows(SunSpecException.class,
                () -> SunSpecDiscovery.discover(device, 1, List.of(65530)));
        assertTrue(e.getMessage().contains("without an end marker"), e.getMessage());
    }

    @Test
    void aMissingEndMarkerIsRefused() throws ConfigException {
        SunSpecLayout layout = SunSpecLayout.build(MODELS, 40000, List.of(1, 103));
        FakeSunSpecDevice device = FakeSunSpecDevice.serving(layout);
        int end = layout.base() + layout.length() - 2;
        device.holding.remove(end);
        device.holding.remove(end + 1);

        SunSpecException e = assertThrows(SunSpecException.class, () -> discover(device));
        assertTrue(e.getMessage().contains("refuses register " + end), e.getMessage());
        assertTrue(e.getMessage().contains("[1, 103]"), e.getMessage());
    }

    @Test
    void modelIdZeroIsRefused() {
        FakeSunSpecDevice device = new FakeSunSpecDevice();
        device.set(0, SunSpecDiscovery.MARKER_HIGH, SunSpecDiscovery.MARKER_LOW, 0, 0);

        assertThrows(SunSpecException.class, () -> discover(device));
    }

    @Test
    void aChainThatNeverEndsStopsAfterABoundedNumberOfReads() {
        // A device that ignores the upper address bits: the same (id 1, L 2) header every 4 registers.
        FakeSunSpecDevice mirrored = new FakeSunSpecDevice() {
            @Override
            public int[] read(int unitId, Table table, int start, int count) {
                reads++;
                int[] words = new int[count];
                for (int i = 0; i < count; i++) {
                    int a = start + i;
                    words[i] = a == 0 ? SunSpecDiscovery.MARKER_HIGH : a == 1 ? SunSpecDiscovery.MARKER_LOW
                            : switch ((a - 2) % 4) {
                                case 0 -> 1;
                                case 1 -> 2;
                                default -> 0;
                            };
                }
                return words;
            }
        };

        SunSpecException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(SunSpecException.class, () -> discover(mirrored)));
        assertTrue(e.getMessage().contains("does not end"), e.getMessage());
        assertTrue(mirrored.reads <= SunSpecDiscovery.MAX_MODELS + 2, "reads: " + mirrored.reads);
    }
}
