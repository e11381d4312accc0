package io.containeredge.packaging.kura;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.osgi.framework.Version;

/**
 * The .dp as the build wrote it, read the way Deployment Admin reads it: as a stream, entry by entry, with the
 * settings the build passes to the integration tests.
 */
record DeploymentPackageArchive(List<String> entryNames, Manifest manifest, Map<String, Manifest> bundleManifests) {
    // bundleManifests: entry name to that entry's own manifest (empty if it is no jar) for every entry outside META-INF/

    static Path file() {
        return Path.of(setting("containeredge.dp.file"));
    }

    static Path platformDirectory() {
        return Path.of(setting("containeredge.platform.dir"));
    }

    static String expectedSymbolicName() {
        return setting("containeredge.dp.symbolicName");
    }

    /** major.minor.micro of the Maven project version: 0.1.0 for 0.1.0-SNAPSHOT. */
    static Version expectedBaseVersion() {
        return Version.parseVersion(setting("containeredge.project.version").replaceFirst("-.*", ""));
    }

    static DeploymentPackageArchive read() throws IOException {
        List<String> names = new ArrayList<>();
        Map<String, Manifest> bundles = new LinkedHashMap<>();
        Manifest manifest = null;
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                names.add(entry.getName());
                byte[] content = zip.readAllBytes();
                if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                    manifest = new Manifest(new ByteArrayInputStream(content));
                } else if (!entry.getName().startsWith("META-INF/")) {
                    bundles.put(entry.getName(), manifestOf(new ByteArrayInputStream(content)));
                }
            }
        }
        if (manifest == null) {
            throw new AssertionError(file() + " has no META-INF/MANIFEST.MF");
        }
        return new DeploymentPackageArchive(names, manifest, bundles);
    }

    /** DeploymentPackage-Version as the manifest states it. */
    Version version() {
        return Version.parseVersion(manifest.getMainAttributes().getValue("DeploymentPackage-Version"));
    }

    /** Symbolic name to version of every bundle the manifest lists. */
    Map<String, Version> listedBundles() {
        Map<String, Version> listed = new LinkedHashMap<>();
        manifest.getEntries().forEach((name, section) -> listed.put(section.getValue("Bundle-SymbolicName"),
                Version.parseVersion(section.getValue("Bundle-Version"))));
        return listed;
    }

    /** The symbolic name in a bundle manifest, without directives such as {@code ;singleton:=true}. */
    static String symbolicName(Manifest bundleManifest) {
        String header = bundleManifest.getMainAttributes().getValue("Bundle-SymbolicName");
        return header == null ? null : header.split(";")[0].trim();
    }

    static Version bundleVersion(Manifest bundleManifest) {
        return Version.parseVersion(bundleManifest.getMainAttributes().getValue("Bundle-Version"));
    }

    /** The bundle's manifest wherever it is in the jar (the framework does not require it to come first). */
    private static Manifest manifestOf(InputStream jar) throws IOException {
        try (ZipInputStream in = new ZipInputStream(jar)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals("META-INF/MANIFEST.MF")) {
                    return new Manifest(in);
                }
            }
        }
        return new Manifest();
    }

    private static String setting(String name) {
        String value = System.getProperty(name);
        if (value == null) {
            throw new IllegalStateException("system property " + name + " is not set: run through maven-failsafe");
        }
        return value;
    }
}
