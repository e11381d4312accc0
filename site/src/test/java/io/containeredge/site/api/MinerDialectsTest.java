package io.containeredge.site.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.site.api.MinerDialect.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped firmware dialects, and how a broken dialect document is reported (file, path, reason). */
class MinerDialectsTest {

    @TempDir
    Path dir;

    @Test
    void everyShippedDialectLoadsAndTheIndexListsExactlyTheShippedFiles() throws IOException {
        MinerDialects dialects = MinerDialects.builtIn();
        assertEquals(List.of(), dialects.errors());
        List<String> files;
        try (Stream<Path> listed = Files.list(Path.of("../firmware-config/dialects"))) {
            files = listed.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        }
        assertEquals(files, List.copyOf(dialects.ids()));
    }

    @Test
    void theCgminerDialectIsOneSummaryWithItsFieldsInGigahashes() {
        MinerDialect d = MinerDialects.defaultDialect();
        assertEquals("cgminer", d.id());
        assertEquals(Transport.TCP_JSON, d.transport());
        assertEquals(List.of("summary"), d.status().stream().map(MinerDialect.Request::target).toList());
        assertEquals("wakeup", d.wake().target());
        assertEquals("3001", d.powerTarget().fill(3000.6), "whole watts");
        assertEquals(1e-3, d.fields().hashrate().get(0).scale(), "GH/s read as TH/s");
        assertTrue(d.fields().state().orElseThrow().sleeping().contains("going-to-sleep"));
    }

    @Test
    void theBraiinsDialectLogsInAndSendsJsonBodies() {
        MinerDialect d = MinerDialects.builtIn().get("braiins-rest").orElseThrow();
        assertEquals(Transport.HTTP_JSON, d.transport());
        MinerDialect.Login login = d.login().orElseThrow();
        assertEquals("/api/v1/auth/login", login.path());
        assertEquals("/token", login.tokenPointer());
        assertEquals("PUT", d.sleep().method());
        assertEquals("/api/v1/actions/pause", d.sleep().target());
        assertEquals("{\"watt\": 2500}", d.powerTarget().fill(2500));
        assertEquals("/detailed_status/pause_reason", d.fields().pauseReason().orElseThrow().pointer());
    }

    @Test
    void aBrokenDialectIsRefusedWithItsFilePathAndReason() throws IOException {
        Files.createDirectories(dir.resolve("dialects"));
        Files.writeString(dir.resolve("dialects/odd.yaml"), """
                id: odd
                name: Odd firmware
                transport: tcp-json
                login: {method: POST, path: /login, token: /t, header: X-Token}
                status:
                  - {name: status, method: GET, path: /status}
                  - {name: status, command: summary}
                sleep: {command: sleep}
                wake: {command: wakeup}
                powerTarget: {command: powertarget, parameter: "{watts}"}
                fields:
                  hashrate: [{from: summary, pointer: /h, unit: TH/s}]
                  power: [{from: status, pointer: /p}]
                  powerTarget: [{from: status, pointer: /t}]
                """);
        MinerDialects dialects = MinerDialects.load(dir);
        assertTrue(dialects.get("odd").isEmpty(), "refused");
        assertTrue(dialects.get("cgminer").isPresent(), "the shipped ones stay");
        List<String> found = dialects.errors().stream()
                .map(e -> e.file().replace(dir + "/", "") + " " + e.path() + ": " + e.reason()).toList();
        assertEquals(List.of(
                "dialects/odd.yaml $.status[0].method: 'method' is not part of a tcp-json request",
                "dialects/odd.yaml $.status[0].path: 'path' is not part of a tcp-json request",
                "dialects/odd.yaml $.status[0]: a tcp-json request needs 'command'",
                "dialects/odd.yaml $.status[1].name: status request 'status' is named twice",
                "dialects/odd.yaml $.login: a login is part of http-json only",
                "dialects/odd.yaml $.fields.hashrate[0].from: no status request 'summary'; the status requests: status"),
                found);
    }

    @Test
    void aBodyThatIsNotJsonAndASchemaErrorAreRefused() throws IOException {
        Files.createDirectories(dir.resolve("dialects"));
        String rest = """
                id: rest
                name: Some REST firmware
                transport: http-json
                status: [{name: s, method: GET, path: /s}]
                sleep: {method: PUT, path: /pause}
                wake: {method: PUT, path: /resume}
                powerTarget: {method: PUT, path: /target, body: '{"watt": {watts}'}
                fields:
                  hashrate: [{from: s, pointer: /h, unit: GH/s}]
                  power: [{from: s, pointer: /p}]
                  powerTarget: [{from: s, pointer: /t}]
                """;
        Files.writeString(dir.resolve("dialects/rest.yaml"), rest);
        Files.writeString(dir.resolve("dialects/bad.yaml"), rest.replace("id: rest", "id: bad")
                .replace("transport: http-json", "transport: grpc"));
        List<ConfigError> errors = MinerDialects.load(dir).errors();
        ConfigError body = errors.stream().filter(e -> e.file().endsWith("rest.yaml")).findFirst().orElseThrow();
        assertEquals("$.powerTarget.body", body.path());
        assertTrue(body.reason().startsWith("not JSON once {watts} is filled in"), body.reason());
        ConfigError transport = errors.stream().filter(e -> e.file().endsWith("bad.yaml")).findFirst().orElseThrow();
        assertEquals("$.transport", transport.path(), transport::toString);
    }

    @Test
    void aModelNamingAnUnknownDialectIsRefused() throws IOException {
        MinerModelsTest.writeModel(dir, "odd-unit", MinerModelsTest.model("odd-unit", 3000, 150, """
                  - {powerW: 1000, hashrateTh: 70}
                  - {powerW: 3000, hashrateTh: 150}
                """).replace("dialect: cgminer", "dialect: btminer"));
        List<ConfigError> errors = MinerModels.load(dir).errors();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals("$.dialect", errors.get(0).path());
        assertEquals("no firmware dialect 'btminer'; known dialects: braiins-rest, cgminer", errors.get(0).reason());
    }
}
