package io.containeredge.control.openadr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.containeredge.control.api.EventInterval;
import io.containeredge.control.api.EventTarget;
import io.containeredge.control.api.EventTarget.Kind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OpenADR 3 events onto the controller's: periods, payload types and their units. */
class EventMapperTest {

    private static final long T0 = Instant.parse("2026-07-14T19:00:00Z").toEpochMilli();
    private static final long MIN = 60_000;
    private final ObjectMapper json = new ObjectMapper();
    private final EventMapper mapper = new EventMapper("c-01", "openadr:vtn.example");

    private JsonNode read(String text) throws Exception {
        return json.readTree(text.replace('\'', '"'));
    }

    private VtnEvent.Limit limit(String event, Map<String, JsonNode> programs) throws Exception {
        return (VtnEvent.Limit) mapper.map(read(event), programs, 42);
    }

    /** One interval of {@code type} {@code value}, with optional descriptor units. */
    private static String oneInterval(String type, String value, String descriptor) {
        return "{'id':'e1','programID':'p1','payloadDescriptors':[" + descriptor + "],"
                + "'intervalPeriod':{'start':'2026-07-14T19:00:00Z','duration':'PT1H'},"
                + "'intervals':[{'id':0,'payloads':[{'type':'" + type + "','values':[" + value + "]}]}]}";
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "IMPORT_CAPACITY_LIMIT|600||IMPORT_LIMIT_KW|600",
        "IMPORT_CAPACITY_LIMIT|600000|{'payloadType':'IMPORT_CAPACITY_LIMIT','units':'W'}|IMPORT_LIMIT_KW|600",
        "IMPORT_CAPACITY_LIMIT|1.5|{'payloadType':'IMPORT_CAPACITY_LIMIT','units':'MW'}|IMPORT_LIMIT_KW|1500",
        "EXPORT_CAPACITY_LIMIT|250|{'payloadType':'EXPORT_CAPACITY_LIMIT','units':'KW'}|EXPORT_LIMIT_KW|250",
        "SIMPLE|2||LEVEL|2",
        "LOAD_SHED|3||LEVEL|3",
        "PRICE|0.12||PRICE_USD_PER_MWH|120",
        "PRICE|0.12|{'payloadType':'PRICE','units':'KWH','currency':'USD'}|PRICE_USD_PER_MWH|120",
        "PRICE|95|{'payloadType':'PRICE','units':'MWH'}|PRICE_USD_PER_MWH|95",
    })
    void eachPayloadTypeBecomesItsTargetInTheControllersUnits(String type, String value, String descriptor,
            Kind kind, double expected) throws Exception {
        VtnEvent.Limit l = limit(oneInterval(type, value, descriptor == null ? "" : descriptor), Map.of());
        EventTarget t = l.event().intervals().get(0).target();
        assertEquals(kind, t.kind());
        assertEquals(expected, t.value(), 1e-9);
        assertEquals("openadr:e1", l.event().id());
        assertEquals("openadr:vtn.example", l.event().source());
        assertEquals(42, l.event().notifiedMillis());
        assertEquals("p1", l.programId());
    }

    @Test
    void theProgramsDescriptorsGiveTheUnitsTheEventLeavesOut() throws Exception {
        JsonNode program = read("{'id':'p1','programName':'ers','payloadDescriptors':[{'objectType':"
                + "'EVENT_PAYLOAD_DESCRIPTOR','payloadType':'IMPORT_CAPACITY_LIMIT','units':'W'}]}");
        VtnEvent.Limit l = limit(oneInterval("IMPORT_CAPACITY_LIMIT", "450000", ""), Map.of("p1", program));
        assertEquals(450, l.event().intervals().get(0).target().value(), 1e-9);
        assertEquals("ers", l.event().name(), "no event name: the program's");
    }

    @Test
    void intervalsFollowEachOtherWithTheEventsDurationUnlessTheyHaveTheirOwnPeriod() throws Exception {
        VtnEvent.Limit l = limit("{'id':'e2','programID':'p1','eventName':'4CP',"
                + "'intervalPeriod':{'start':'2026-07-14T19:00:00Z','duration':'PT15M'},'intervals':["
                + "{'id':0,'payloads':[{'type':'IMPORT_CAPACITY_LIMIT','values':[900]}]},"
                + "{'id':1,'payloads':[{'type':'IMPORT_CAPACITY_LIMIT','values':[600]}]},"
                + "{'id':2,'intervalPeriod':{'start':'2026-07-14T15:00:00-05:00','duration':'PT1H'},"
                + "'payloads':[{'type':'IMPORT_CAPACITY_LIMIT','values':[300]},{'type':'PRICE','values':[0.5]}]}]}",
                Map.of());
        assertEquals(List.of(new EventInterval(T0, T0 + 15 * MIN, new EventTarget(Kind.IMPORT_LIMIT_KW, 900)),
                new EventInterval(T0 + 15 * MIN, T0 + 30 * MIN, new EventTarget(Kind.IMPORT_LIMIT_KW, 600)),
                new EventInterval(T0 + 60 * MIN, T0 + 120 * MIN, new EventTarget(Kind.IMPORT_LIMIT_KW, 300))),
                l.event().intervals(), "the limit outranks the price beside it");
        assertEquals("4CP", l.event().name());
    }

    @Test
    void anAlertEventIsAnAlertWithItsWindows() throws Exception {
        VtnEvent.Alert a = (VtnEvent.Alert) mapper.map(read(oneInterval("ALERT_FLEX_ALERT", "'conserve'", "")),
                Map.of(), 0);
        assertEquals("ALERT_FLEX_ALERT", a.type());
        assertEquals(List.of(new VtnEvent.Window(T0, T0 + 60 * MIN)), a.windows());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PRICE|0.12|{'payloadType':'PRICE','currency':'EUR'}|PRICE.currency 'EUR'",
        "PRICE|0.12|{'payloadType':'PRICE','units':'THERM'}|PRICE.units 'THERM' is not an energy",
        "SIMPLE|true||values is not a number",
    })
    void whatTheControllerCannotTakeIsMalformed(String type, String value, String descriptor, String part)
            throws Exception {
        MalformedEventException e = assertThrows(MalformedEventException.class,
                () -> limit(oneInterval(type, value, descriptor == null ? "" : descriptor), Map.of()));
        assertTrue(e.getMessage().startsWith("OpenADR event e1: "), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
