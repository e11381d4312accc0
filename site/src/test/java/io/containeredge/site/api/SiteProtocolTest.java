package io.containeredge.site.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The site protocol as the network delivers it: what one side writes the other reads, anything else is refused. */
class SiteProtocolTest {

    private static final SiteLease LEASE = new SiteLease("demo-site", "c-01", 7, 4211, 812.5, 400, 1_796_000_000_000L,
            1_796_000_030_000L);

    private static String refusal(Runnable parse) {
        return assertThrows(IllegalArgumentException.class, parse::run).getMessage();
    }

    @Test
    void aLeaseReadsBackAsWritten() {
        assertEquals(LEASE, SiteLease.fromJson(LEASE.toJson()));
    }

    @Test
    void aLeaseWithAnUnknownDuplicateMissingOrMistypedFieldIsRefusedNamingIt() {
        String body = LEASE.toJson();
        assertTrue(refusal(() -> SiteLease.fromJson(body.replace("}", ",\"admin\":true}"))).contains("[admin]"));
        assertTrue(refusal(() -> SiteLease.fromJson(body.replace("\"seq\":4211", "\"seq\":4211,\"seq\":9999")))
                .contains("not JSON"));
        assertTrue(refusal(() -> SiteLease.fromJson(body.replace(",\"fallbackKw\":400.0", ""))).contains(
                "fallbackKw is missing"));
        assertTrue(refusal(() -> SiteLease.fromJson(body.replace("\"epoch\":7", "\"epoch\":\"7\""))).contains(
                "epoch must be an integer"));
        assertTrue(refusal(() -> SiteLease.fromJson(body.replace("812.5", "-1"))).contains("not negative"));
        assertTrue(refusal(() -> SiteLease.fromJson(body.replace("\"container\":\"c-01\"", "\"container\":\"c/01\"")))
                .contains("container must be"));
        assertTrue(refusal(() -> SiteLease.fromJson("[]")).contains("expected a JSON object"));
        assertTrue(refusal(() -> SiteLease.fromJson("x".repeat(70_000))).contains("longer than"));
    }

    @Test
    void aLeaseForLongerThanTenMinutesOrEndingBeforeItsIssueIsRefused() {
        assertTrue(refusal(() -> new SiteLease("s", "c", 1, 0, 1, 1, 0, SiteLease.MAX_TERM.toMillis() + 1))
                .contains("at most 10 minutes"));
        assertTrue(refusal(() -> new SiteLease("s", "c", 1, 0, 1, 1, 5, 5)).contains("after issuedAt"));
        assertTrue(refusal(() -> new SiteLease("s", "c", 0, 0, 1, 1, 0, 5)).contains("epoch must be at least 1"));
    }

    @Test
    void aReportReadsBackWithAnUnknownImportAsNull() {
        SiteReport r = new SiteReport("demo-site", "c-01", 1_796_000_000_000L, Double.NaN, 1012, 1500, 61, 120,
                List.of(new SiteReport.Offer(3.5, 0.042), new SiteReport.Offer(2, 0.01)), 400,
                new SiteReport.LeaseState(7, 4211, 1100, 1_796_000_030_000L, "LEASED"), new SiteReport.Battery(63, -20));
        String json = r.toJson();
        assertTrue(json.contains("\"importKw\":null"), json);
        SiteReport back = SiteReport.fromJson(json);
        assertTrue(Double.isNaN(back.importKw()));
        assertEquals(1012, back.committedKw());
        assertEquals(r.offers(), back.offers());
        assertEquals(r.lease(), back.lease());
        assertEquals(r.battery(), back.battery());
        assertEquals(r.hardImportKw(), back.hardImportKw());
    }

    @Test
    void aHostileReportIsRefusedNamingWhatIsWrong() {
        String good = new SiteReport("s", "c", 1, 10, 9, 100, 5, 0, List.of(), 50, null, null).toJson();
        assertTrue(refusal(() -> SiteReport.fromJson(good.replace("\"offers\":[]", "\"offers\":[{\"kw\":-3,"
                + "\"valuePerKw\":1}]"))).contains("must not be negative"));
        assertTrue(refusal(() -> SiteReport.fromJson(good.replace("\"offers\":[]", "\"offers\":{}")))
                .contains("offers must be an array"));
        assertTrue(refusal(() -> SiteReport.fromJson(good.replace("\"fallbackKw\":50.0", "\"fallbackKw\":50.0,"
                + "\"lease\":{\"epoch\":1,\"seq\":1,\"budgetKw\":1,\"expiresAt\":1,\"state\":\"MINE\"}")))
                .contains("LEASED, FALLBACK or NONE"));
        assertTrue(refusal(() -> SiteReport.fromJson(good.replace("\"hardImportKw\":100.0", "\"hardImportKw\":1e999")))
                .contains("finite"));
        assertTrue(refusal(() -> SiteReport.fromJson("{\"site\":")).contains("not JSON"));
        assertTrue(refusal(() -> SiteReport.fromJson(good.replace("\"committedKw\":9.0", "\"committedKw\":\"9\"")))
                .contains("committedKw"));
    }

    @Test
    void aReportOfAGatewayThatDoesNotSendItsCommittedLoadReadsItAsUnknown() {
        String old = new SiteReport("s", "c", 1, 10, 9, 100, 5, 0, List.of(), 50, null, null).toJson()
                .replace("\"committedKw\":9.0,", "");
        assertTrue(Double.isNaN(SiteReport.fromJson(old).committedKw()), old);
    }

    @Test
    void aSignatureMatchesOnlyItsTextAndSecret() {
        byte[] secret = "correct-horse-battery-staple-4-containeredge".getBytes(StandardCharsets.US_ASCII);
        String body = "{\"id\":\"dr-2026-11-24-001\",\"expires\":1795000000000,\"site\":\"demo-site\",\"container\":"
                + "\"c-01\",\"action\":\"curtail\",\"params\":{\"kw\":1500,\"minutes\":30}}";
        // the worked example of the remote-request documentation, computed there with openssl
        String signature = "737a784f06b0fec4cbc07b071267b5d1dc8cb0bf6d40aa382ef727600fd8dffe";
        assertEquals(signature, SignedText.signHex(secret, body));
        assertTrue(SignedText.matches(secret, body, signature));
        assertFalse(SignedText.matches(secret, body.replace("c-01", "c-02"), signature));
        assertFalse(SignedText.matches(secret, body, "not hex"));
        assertFalse(SignedText.matches(secret, body, null));
    }
}
