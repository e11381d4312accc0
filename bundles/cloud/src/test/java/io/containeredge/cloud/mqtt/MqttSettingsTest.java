package io.containeredge.cloud.mqtt;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttSettingsTest {

    @TempDir
    Path dir;

    @Test
    void validatesAndHidesThePassword() {
        MqttSettings s = MqttSettings.of(List.of("tcp://127.0.0.1:1", "ssl://b:8883"), "gw").withCredentials("u", "secret");
        assertFalse(s.toString().contains("secret"));
        assertThrows(IllegalArgumentException.class, () -> MqttSettings.of(List.of(), "gw"));
        assertThrows(IllegalArgumentException.class, () -> MqttSettings.of(List.of("http://x"), "gw"));
        assertThrows(IllegalArgumentException.class, () -> MqttSettings.of(List.of("tcp://x:1"), ""));
        assertThrows(IllegalArgumentException.class, () -> s.withDrainRate(0));
    }

    @Test
    void buildsTlsFromPkcs12StoresAndNamesAMissingStore() throws Exception {
        Path ks = dir.resolve("client.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "gw", "-keyalg", "EC", "-dname", "CN=gw",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool");
        assertNotNull(TlsSocketFactory.create(new MqttSettings.Tls(ks, "changeit", ks, "changeit")));

        Path missing = dir.resolve("nope.p12");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TlsSocketFactory.create(new MqttSettings.Tls(missing, "changeit", null, null)));
        assertTrue(e.getMessage().contains("trust store") && e.getMessage().contains(missing.toString()), e.getMessage());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> TlsSocketFactory.create(new MqttSettings.Tls(ks, "wrong", null, null)));
        assertTrue(wrong.getMessage().contains(ks.toString()), wrong.getMessage());
    }
}
