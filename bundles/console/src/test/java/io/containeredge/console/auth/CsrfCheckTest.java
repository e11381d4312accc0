package io.containeredge.console.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsrfCheckTest {

    @ParameterizedTest(name = "{0} to {1} (https {2}) -> {3}")
    @CsvSource({
        "http://127.0.0.1:8080,      127.0.0.1:8080,    false, true",
        "http://GATEWAY.local:8080,  gateway.local:8080, false, true",
        "https://gateway.local,      gateway.local,     true,  true",
        "https://gateway.local,      gateway.local:443, true,  true",
        "https://gateway.local:443,  gateway.local,     true,  true",
        "http://[::1]:8080,          [::1]:8080,        false, true",
        "http://127.0.0.1:8081,      127.0.0.1:8080,    false, false",
        "http://evil.example:8080,   127.0.0.1:8080,    false, false",
        "http://gateway.local,       gateway.local,     true,  false",
        "https://gateway.local,      gateway.local,     false, false",
        "null,                       127.0.0.1:8080,    false, false",
        "http://127.0.0.1:8080,      '',                false, false",
        "http://127.0.0.1:8080,      127.0.0.1:80x,     false, false",
        "':not a uri',               127.0.0.1:8080,    false, false",
    })
    void theOriginMustBeTheHostTheRequestWasSentTo(String origin, String host, boolean secure, boolean same) {
        assertEquals(same, CsrfCheck.sameOrigin(origin, host, secure));
    }
}
