package io.containeredge.cloud.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class DcmdCanonicalTest {

    static String value(Object v) throws Refusal {
        return DcmdCanonical.value("id", "m", v);
    }

    @Test
    void numbersArePlainDecimalsWithoutExponentOrTrailingZeros() throws Refusal {
        assertEquals("1500", value(1500.0));
        assertEquals("0.25", value(0.25));
        assertEquals("-3", value(-3));
        assertEquals("0", value(0.0));
        assertEquals("0.1", value(0.1));
        assertEquals("0.1", value(0.1f));
        assertEquals("10000000000", value(1e10));
        assertEquals("0.0000001", value(1e-7));
        assertEquals("18446744073709551615", value(new BigInteger("18446744073709551615")));
        assertEquals("true", value(true));
        assertEquals("auto mode", value("auto mode"));
    }

    @Test
    void whatCannotBeReadOneWayOnlyIsRefused() {
        assertThrows(Refusal.class, () -> value("two\nlines"));
        assertThrows(Refusal.class, () -> value(Double.NaN));
        assertThrows(Refusal.class, () -> value(null));
        assertThrows(Refusal.class, () -> value(new byte[] {1}));
        TreeMap<String, Object> bad = new TreeMap<>();
        bad.put("a=b", 1);
        assertThrows(Refusal.class, () -> DcmdCanonical.text("id", 1, new DcmdCanonical.Target("s", "c", "d"), bad));
    }

    @Test
    void theTextIsIdExpiresSiteContainerDeviceThenTheMetricsSortedByName() throws Refusal {
        TreeMap<String, Object> metrics = new TreeMap<>();
        metrics.put("m704.WSetEna", 1);
        metrics.put("m704.WSet", -50000.0);

        assertEquals("dcmd-7\n1795000000000\ndemo-site\nc-01\nbattery\nm704.WSet=-50000\nm704.WSetEna=1\n",
                DcmdCanonical.text("dcmd-7", 1_795_000_000_000L, new DcmdCanonical.Target("demo-site", "c-01", "battery"),
                        metrics));
    }

    @Test
    void theDocumentedExampleSignatureIsWhatOpensslPrints() {
        assertEquals("51cd406f697738f978a426f6f5e0a40da144ea45d26ef77c89c1b9527267601b", Signer.hmacHex(Signer.KEY_TEXT,
                "dcmd-7\n1795000000000\ndemo-site\nc-01\nbattery\nm704.WSet=-50000\nm704.WSetEna=1\n"));
        assertEquals("737a784f06b0fec4cbc07b071267b5d1dc8cb0bf6d40aa382ef727600fd8dffe", Signer.hmacHex(Signer.KEY_TEXT,
                "{\"id\":\"dr-2026-11-24-001\",\"expires\":1795000000000,\"site\":\"demo-site\",\"container\":\"c-01\","
                        + "\"action\":\"curtail\",\"params\":{\"kw\":1500,\"minutes\":30}}"));
    }
}
