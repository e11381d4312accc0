package io.containeredge.modbus.sunspec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.config.ConfigException;
import io.containeredge.modbus.config.ConfigSource;
import io.containeredge.modbus.profile.DataType;
import io.containeredge.modbus.profile.PointDef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SunSpecModelsTest {

    @ParameterizedTest(name = "model {0}, L = {1}")
    @CsvSource({"1, 66", "103, 50", "124, 24", "203, 105", "213, 124", "701, 153", "704, 65", "802, 62"})
    void everyShippedModelLoadsWithItsStandardLengthAndPointsThatFitWithoutOverlap(int id, int length)
            throws ConfigException {
        SunSpecModel model = SunSpecModels.builtIn().get(id);

        assertEquals(id, model.id());
        assertEquals(length, model.length());
        String[] owner = new String[model.length()];
        Map<String, PointDef> byName = model.points().stream()
                .collect(Collectors.toMap(PointDef::name, p -> p));
        for (PointDef p : model.points()) {
            assertTrue(p.lastAddress() < model.length(), p.name() + " ends past L");
            for (int a = p.address(); a <= p.lastAddress(); a++) {
                assertNull(owner[a], p.name() + " overlaps " + owner[a]);
                owner[a] = p.name();
            }
            if (p.scaleFactor() != null) {
                assertEquals(DataType.SUNSSF, byName.get(p.scaleFactor()).type(), p.name() + " scale factor");
            }
        }
    }

    @Test
    void transcribedOffsetsMatchTheStandard() throws ConfigException {
        SunSpecModels models = SunSpecModels.builtIn();
        assertEquals(64, offset(models, 1, "DA"));
        assertEquals(13, offset(models, 124, "InOutWRte_RvrtTms"));
        assertEquals(22, offset(models, 704, "WSet"));
        assertEquals(29, offset(models, 704, "WSetRvrtTms"));
        assertEquals(17, offset(models, 802, "CtrlHb"));
        assertEquals(121, offset(models, 701, "MnAlrmInfo"));
        assertEquals(122, offset(models, 213, "Evt"));
    }

    @Test
    void anUnknownModelIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class, () -> SunSpecModels.builtIn().get(9999));
        assertTrue(e.getMessage().contains("model 9999"), e.getMessage());
    }

    @Test
    void aSiteDirectoryDefinitionIsCheckedBeyondTheSchema(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sunspec"));
        Files.writeString(dir.resolve("sunspec/model_64000.yaml"), """
                id: 64001
                name: vendor
                length: 4
                points:
                  - {name: W, offset: 0, type: int32, sf: W_SF}
                  - {name: Hz, offset: 1, type: uint16, sf: Missing_SF}
                  - {name: W_SF, offset: 4, type: sunssf}
                """);

        List<ConfigError> errors = assertThrows(ConfigException.class,
                () -> new SunSpecModels(new ConfigSource(dir)).get(64000)).errors();

        assertTrue(has(errors, "$.id", "does not match"), errors.toString());
        assertTrue(has(errors, "$.points", "overlaps W"), errors.toString());
        assertTrue(has(errors, "$.points[1].sf", "Missing_SF"), errors.toString());
        assertTrue(has(errors, "$.points[2]", "past the model length 4"), errors.toString());
    }

    @Test
    void aDefinitionBreakingTheSchemaIsRefused(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("sunspec"));
        Files.writeString(dir.resolve("sunspec/model_64000.yaml"), """
                id: 64000
                name: vendor
                length: 8
                points:
                  - {name: Label, offset: 0, type: string}
                  - {name: W, offset: 4, type: int16, scale: 10}
                """);

        List<ConfigError> errors = assertThrows(ConfigException.class,
                () -> new SunSpecModels(new ConfigSource(dir)).get(64000)).errors();

        assertTrue(errors.stream().anyMatch(e -> e.path().startsWith("$.points[0]")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.path().startsWith("$.points[1]")), errors.toString());
    }

    private static int offset(SunSpecModels models, int id, String point) throws ConfigException {
        return models.get(id).points().stream().filter(p -> p.name().equals(point)).findFirst()
                .orElseThrow().address();
    }

    private static boolean has(List<ConfigError> errors, String path, String reasonPart) {
        return errors.stream().anyMatch(e -> e.path().equals(path) && e.reason().contains(reasonPart));
    }
}
