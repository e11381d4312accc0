package io.containeredge.packaging.kura;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Writes an OSGi Deployment Admin package (Compendium chapter 114), the format Eclipse Kura installs: a JAR
 * whose first entry is a manifest naming the package and listing every bundle in a {@code Name:} section,
 * followed by the bundles at the root of the archive. Run by exec-maven-plugin in {@code package} over the
 * directory into which maven-dependency-plugin copied the bundles; the symbolic names and versions come from
 * the bundles' own manifests, because Deployment Admin refuses a bundle whose manifest disagrees with the
 * package's.
 *
 * <p>Arguments, as {@code --key value} pairs: {@code --bundles <dir>}, {@code --output <file>},
 * {@code --symbolic-name}, {@code --name}, {@code --maven-version}, {@code --timestamp} (the qualifier that
 * replaces {@code SNAPSHOT}), and optionally {@code --description}, {@code --copyright},
 * {@code --contact-address}.
 */
public final class DeploymentPackageWriter {

    private static final List<String> REQUIRED =
            List.of("bundles", "output", "symbolic-name", "name", "maven-version", "timestamp");

    private DeploymentPackageWriter() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = parseOptions(args);
        List<BundleJar> bundles = readBundles(Path.of(options.get("bundles")));
        Manifest manifest = manifest(options, osgiVersion(options.get("maven-version"), options.get("timestamp")),
                bundles);
        Path output = Path.of(options.get("output"));
        write(output, manifest, bundles);
        System.out.println("deployment package " + output + ": " + bundles.size() + " bundles");
    }

    /**
     * The package version in OSGi form: {@code 0.1.0-SNAPSHOT} becomes {@code 0.1.0.<timestamp>}, the way bnd
     * versions the bundles, so each snapshot build is a newer package than the one a site runs and Kura's
     * package list tells them apart. A release keeps its plain version.
     */
    static String osgiVersion(String mavenVersion, String timestamp) {
        int dash = mavenVersion.indexOf('-');
        String[] numbers = (dash < 0 ? mavenVersion : mavenVersion.substring(0, dash)).split("\\.");
        if (numbers.length > 3) {
            throw new IllegalArgumentException("not a major.minor.micro version: " + mavenVersion);
        }
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String number = i < numbers.length ? numbers[i] : "0";
            if (!number.matches("\\d+")) {
                throw new IllegalArgumentException("not a major.minor.micro version: " + mavenVersion);
            }
            parts.add(number);
        }
        if (dash >= 0) {
            String qualifier = mavenVersion.substring(dash + 1);
            parts.add(qualifier.equals("SNAPSHOT") ? timestamp : qualifier.replaceAll("[^A-Za-z0-9_-]", "_"));
        }
        return String.join(".", parts);
    }

    private static Map<String, String> parseOptions(String[] args) {
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("arguments must be --key value pairs");
        }
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --key, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        for (String key : REQUIRED) {
            if (options.getOrDefault(key, "").isBlank()) {
                throw new IllegalArgumentException("missing --" + key);
            }
        }
        return options;
    }

    /** Every jar of the directory, in the order of their entry names, so the archive is the same on every build. */
    private static List<BundleJar> readBundles(Path directory) throws IOException {
        List<BundleJar> bundles = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jar")).toList()) {
                bundles.add(BundleJar.read(file));
            }
        }
        bundles.sort((a, b) -> a.entryName().compareTo(b.entryName()));
        for (int i = 1; i < bundles.size(); i++) {
            if (bundles.get(i).symbolicName().equals(bundles.get(i - 1).symbolicName())) {
                // Deployment Admin refuses a package that carries one bundle twice
                throw new IllegalArgumentException("two versions of " + bundles.get(i).symbolicName() + " in "
                        + directory);
            }
        }
        if (bundles.isEmpty()) {
            throw new IllegalArgumentException("no bundles in " + directory);
        }
        return bundles;
    }

    private static Manifest manifest(Map<String, String> options, String version, List<BundleJar> bundles) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("DeploymentPackage-SymbolicName", options.get("symbolic-name"));
        main.putValue("DeploymentPackage-Version", version);
        main.putValue("DeploymentPackage-Name", options.get("name"));
        putIfGiven(main, "DeploymentPackage-Description", options.get("description"));
        putIfGiven(main, "DeploymentPackage-Copyright", options.get("copyright"));
        putIfGiven(main, "DeploymentPackage-ContactAddress", options.get("contact-address"));
        for (BundleJar bundle : bundles) {
            Attributes section = new Attributes();
            section.putValue("Bundle-SymbolicName", bundle.symbolicName());
            section.putValue("Bundle-Version", bundle.version());
            manifest.getEntries().put(bundle.entryName(), section);
        }
        return manifest;
    }

    private static void putIfGiven(Attributes attributes, String name, String value) {
        if (value != null && !value.isBlank()) {
            attributes.putValue(name, value);
        }
    }

    /** JarOutputStream writes the manifest as the first entry, which Deployment Admin requires. */
    private static void write(Path output, Manifest manifest, List<BundleJar> bundles) throws IOException {
        Files.createDirectories(output.toAbsolutePath().getParent());
        try (OutputStream file = Files.newOutputStream(output);
                JarOutputStream archive = new JarOutputStream(file, manifest)) {
            for (BundleJar bundle : bundles) {
                JarEntry entry = new JarEntry(bundle.entryName());
                entry.setTime(Files.getLastModifiedTime(bundle.file()).toMillis());
                archive.putNextEntry(entry);
                Files.copy(bundle.file(), archive);
                archive.closeEntry();
            }
        }
    }
}
