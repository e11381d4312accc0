package io.containeredge.http.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.http.api.JsonBodyReader.EmptyBody;
import io.containeredge.http.api.JsonBodyReader.ParseErrors;
import io.containeredge.http.testing.FakeRequest;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** The one JSON body reader, with each of its options; the endpoints' own tests cover the rest. */
class JsonBodyReaderTest {

    private static final JsonBodyReader SECRET = new JsonBodyReader(1024, EmptyBody.REFUSED, ParseErrors.HIDDEN);
    private static final JsonBodyReader PARAMETERS = new JsonBodyReader(1024, EmptyBody.EMPTY_OBJECT,
            ParseErrors.QUOTED);

    private static FakeRequest post() {
        return new FakeRequest("POST", "/servlet", null);
    }

    private static RequestRefused refusal(JsonBodyReader reader, FakeRequest req) {
        return assertThrows(RequestRefused.class, () -> reader.read(req));
    }

    @Test
    void anEmptyBodyIsAnEmptyObjectOnlyWhereThatIsAllowed() throws RequestRefused {
        assertEquals(0, PARAMETERS.read(post()).size());
        assertEquals(415, refusal(SECRET, post()).status());
        assertEquals(400, refusal(SECRET, post().json("")).status());
    }

    @Test
    void aParseErrorIsQuotedOnlyWhereAllowed() {
        String broken = "{\"name\": \"tech\", \"password\": \"leak";
        assertEquals("the body is not valid JSON", refusal(SECRET, post().json(broken)).getMessage());
        RequestRefused quoted = refusal(PARAMETERS, post().json(broken));
        assertEquals(400, quoted.status());
        assertTrue(quoted.getMessage().startsWith("the body is not valid JSON: "), quoted.getMessage());
        assertEquals("the body must be a JSON object", refusal(SECRET, post().json("[1,2]")).getMessage());
    }

    @Test
    void anotherTypeIsRefusedUnreadWhereNoEmptyBodyIsTaken() throws Exception {
        FakeRequest form = post().body("application/x-www-form-urlencoded", "x".repeat(2000));
        assertEquals(415, refusal(SECRET, form).status());
        assertFalse(form.getInputStream().isFinished(), "nothing was read");
        assertEquals(413, refusal(PARAMETERS, post().body("application/x-www-form-urlencoded", "x".repeat(2000)))
                .status(), "with empty bodies taken, the bytes are read first");
        assertEquals(415, refusal(PARAMETERS, post().body("text/plain", "{}")).status());
    }

    @Test
    void aBodyIsReadNoFurtherThanOneByteOverTheLimit() throws Exception {
        CountingStream in = new CountingStream(new byte[1_000_000]);
        RequestRefused e = assertThrows(RequestRefused.class, () -> JsonBodyReader.readAtMost(in, 1024));
        assertEquals(413, e.status());
        assertTrue(in.read <= 1025, "read " + in.read + " bytes");
        assertEquals(10, JsonBodyReader.readAtMost(new ByteArrayInputStream(new byte[10]), 10).length);
    }

    private static final class CountingStream extends ByteArrayInputStream {
        int read;

        CountingStream(byte[] bytes) {
            super(bytes);
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            int n = super.read(b, off, len);
            read += Math.max(0, n);
            return n;
        }
    }
}
