package io.containeredge.modbus.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads YAML (or JSON, which is YAML) configuration documents into trees. */
public final class YamlDocuments {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private YamlDocuments() {
    }

    public static JsonNode read(Path file) throws ConfigException {
        try {
            return parse(file.toString(), Files.readString(file));
        } catch (IOException e) {
            throw ConfigException.single(file.toString(), "$", "cannot read: " + e.getMessage());
        }
    }

    public static JsonNode parse(String name, String text) throws ConfigException {
        try {
            JsonNode node = YAML.readTree(text);
            if (node == null || node.isMissingNode() || node.isNull()) {
                throw ConfigException.single(name, "$", "document is empty");
            }
            return node;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw ConfigException.single(name, "$", "not valid YAML" + where + ": " + e.getOriginalMessage());
        }
    }
}
