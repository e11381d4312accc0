package io.containeredge.modbus.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;

/**
 * Validates documents against the JSON Schemas shipped in {@code firmware-config/schema}. The same
 * schema files are what a profile author's editor can use.
 */
public final class SchemaValidator {

    private final String name;
    private final JsonSchema schema;

    private SchemaValidator(String name, JsonSchema schema) {
        this.name = name;
        this.schema = schema;
    }

    /**
     * Loads {@code /firmware-config/schema/<name>.schema.json} from the bundle of {@code owner}: each schema
     * ships in the bundle that parses its documents.
     */
    public static SchemaValidator forSchema(Class<?> owner, String name) {
        String resource = "/firmware-config/schema/" + name + ".schema.json";
        try (InputStream in = owner.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema missing from bundle: " + resource);
            }
            JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
            return new SchemaValidator(name, factory.getSchema(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String name() {
        return name;
    }

    /** Every violation of the schema, sorted by location; empty if the document conforms. */
    public List<ConfigError> validate(String file, JsonNode document) {
        return schema.validate(document).stream()
                .map(m -> new ConfigError(file, m.getInstanceLocation().toString(), reasonOf(m)))
                .distinct()
                .sorted(Comparator.comparing(ConfigError::path).thenComparing(ConfigError::reason))
                .toList();
    }

    private static String reasonOf(ValidationMessage m) {
        String text = m.getMessage();
        String prefix = m.getInstanceLocation().toString() + ": ";
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }
}
