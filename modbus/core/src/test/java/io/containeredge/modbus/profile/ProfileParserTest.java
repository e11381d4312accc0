package io.containeredge.modbus.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.config.ConfigSource;
import io.containeredge.modbus.config.YamlDocuments;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProfileParserTest {

    static DeviceProfile parse(String yaml) throws ConfigException {
        return ProfileParser.parse("test.yaml", YamlDocuments.parse("test.yaml", yaml));
    }

    static List<ConfigError> errorsOf(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml)).errors();
    }

    static boolean has(List<ConfigError> errors, String path, String reasonPart) {
        return errors.stream().anyMatch(e -> e.file().equals("test.yaml") && e.path().equals(path)
                && e.reason().contains(reasonPart));
    }

    @ParameterizedTest
    @ValueSource(strings = {"immersion-cdu", "transformer-monitor", "power-meter-float32", "pdu-20-socket",
        "sunspec-meter-203", "sunspec-meter-213", "sunspec-battery-inverter", "sunspec-pv-inverter"})
    void everyShippedProfileLoads(String id) throws ConfigException {
        DeviceProfile p = new ProfileRepository(ConfigSource.builtIn()).get(id);
        assertEquals(id, p.id());
    }

    @Test
    void cduProfileCarriesItsTypesAndFlags() throws ConfigException {
        DeviceProfile cdu = new ProfileRepository(ConfigSource.builtIn()).get("immersion-cdu");
        PointDef supply = cdu.point("supply_temp").orElseThrow();
        assertEquals(0.01, supply.scale());
        assertEquals(PollClass.FAST, supply.pollClass());
        assertEquals("leak", cdu.point("alarm_bits").orElseThrow().flags().get(0));
        assertTrue(cdu.point("pump_speed_setpoint").orElseThrow().writable());
        PointDef topOil = new ProfileRepository(ConfigSource.builtIn()).get("transformer-monitor")
                .point("top_oil_temp").orElseThrow();
        assertTrue(topOil.invalidRaw().contains(0x8000L));
    }

    @Test
    void reportsEverySchemaErrorWithPath() {
        List<ConfigError> errors = errorsOf("""
                id: bad
                points:
                  - {name: a, table: holding, address: 0, type: int17}
                  - {name: b, table: attic, address: 70000, type: int16}
                """);
        assertTrue(has(errors, "$.points[0].type", ""), errors::toString);
        assertTrue(has(errors, "$.points[1].table", ""), errors::toString);
        assertTrue(has(errors, "$.points[1].address", ""), errors::toString);
    }

    @Test
    void reportsRulesTheSchemaCannotExpress() {
        List<ConfigError> errors = errorsOf("""
                id: bad
                unreadable: [{table: holding, from: 10, to: 12}]
                points:
                  - {name: a, table: holding, address: 0, type: int16, scaleFactor: a_sf}
                  - {name: a, table: holding, address: 1, type: int16}
                  - {name: c, table: coil, address: 0, type: int16}
                  - {name: d, table: input, address: 11, type: int16, writable: true}
                  - {name: e, table: holding, address: 20, type: bitfield16, flags: {17: x}}
                  - {name: f, table: holding, address: 21, type: int16, min: 5, max: 1}
                  - {name: g, table: holding, address: 11, type: int16}
                """);
        assertTrue(has(errors, "$.points[0].scaleFactor", "not a sunssf point"), errors::toString);
        assertTrue(has(errors, "$.points[1].name", "duplicate"), errors::toString);
        assertTrue(has(errors, "$.points[2].type", "bool"), errors::toString);
        assertTrue(has(errors, "$.points[3].writable", "cannot be written"), errors::toString);
        assertTrue(has(errors, "$.points[6].address", "unreadable"), errors::toString);
        assertTrue(has(errors, "$.points[4].flags.17", "outside"), errors::toString);
        assertTrue(has(errors, "$.points[5].max", "above min"), errors::toString);
    }

    @Test
    void malformedYamlIsAClearError() {
        List<ConfigError> errors = assertThrows(ConfigException.class,
                () -> YamlDocuments.parse("x.yaml", "id: [unclosed")).errors();
        assertTrue(errors.get(0).reason().contains("not valid YAML"));
    }

    @Test
    void hexSentinelsAndPerPointOrders() throws ConfigException {
        DeviceProfile p = parse("""
                id: ok
                wordOrder: little
                points:
                  - {name: a, table: input, address: 0, type: int16, invalid: ["0x7FFF", 32767]}
                  - {name: b, table: input, address: 1, type: uint32, wordOrder: big}
                  - {name: c, table: input, address: 3, type: uint32}
                """);
        assertTrue(p.point("a").orElseThrow().invalidRaw().contains(0x7FFFL));
        assertEquals(Order.BIG, p.point("b").orElseThrow().wordOrder());
        assertEquals(Order.LITTLE, p.point("c").orElseThrow().wordOrder());
    }
}
