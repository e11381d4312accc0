package io.containeredge.packaging.kura;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Version;
import org.osgi.framework.VersionRange;

/** The .dp the build wrote is a well-formed Deployment Admin package (OSGi Compendium 114) with the right bundles. */
class DeploymentPackageFormatIT {

    static final Set<String> OUR_BUNDLES = Set.of("io.containeredge.modbus", "io.containeredge.site",
            "io.containeredge.gateway", "io.containeredge.control", "io.containeredge.gpio", "io.containeredge.cloud",
            "io.containeredge.http", "io.containeredge.api", "io.containeredge.console");
    /** The site model logs nothing (its callers report the errors it returns), so it imports no SLF4J at all. */
    static final Set<String> WITHOUT_LOGGING = Set.of("io.containeredge.site");
    /** Only the standalone jar needs these: on Kura the site is configured through ConfigAdmin. */
    static final Set<String> STANDALONE_ONLY = Set.of("io.containeredge.launcher", "io.containeredge.simulator",
            "io.containeredge.systemd");

    private static final Pattern SLF4J_IMPORT = Pattern.compile("(?:^|,)org\\.slf4j;version=\"([^\"]+)\"");

    private static DeploymentPackageArchive archive;

    @BeforeAll
    static void readArchive() throws IOException {
        archive = DeploymentPackageArchive.read();
    }

    @Test
    void manifestIsTheFirstEntry() {
        List<String> names = archive.entryNames();
        int first = names.get(0).equals("META-INF/") ? 1 : 0;
        assertEquals("META-INF/MANIFEST.MF", names.get(first), "entries: " + names);
    }

    @Test
    void manifestNamesThePackageWithTheProjectVersion() {
        Attributes main = archive.manifest().getMainAttributes();
        assertEquals(DeploymentPackageArchive.expectedSymbolicName(), main.getValue("DeploymentPackage-SymbolicName"));
        assertNotNull(main.getValue("DeploymentPackage-Name"));
        Version version = archive.version();
        Version base = DeploymentPackageArchive.expectedBaseVersion();
        assertEquals(base, new Version(version.getMajor(), version.getMinor(), version.getMicro()),
                "DeploymentPackage-Version " + version);
    }

    @Test
    void everyNameSectionIsABundleAtTheRootWithThatSymbolicNameAndVersion() {
        assertFalse(archive.manifest().getEntries().isEmpty(), "no bundle listed");
        archive.manifest().getEntries().forEach((name, section) -> {
            assertFalse(name.contains("/"), name + " is not at the root of the archive");
            var bundle = archive.bundleManifests().get(name);
            assertNotNull(bundle, name + " is listed in the manifest but not in the archive");
            assertEquals(DeploymentPackageArchive.symbolicName(bundle), section.getValue("Bundle-SymbolicName"), name);
            assertEquals(DeploymentPackageArchive.bundleVersion(bundle),
                    Version.parseVersion(section.getValue("Bundle-Version")), name);
        });
    }

    @Test
    void everyEntryAfterTheManifestIsAListedBundle() {
        for (String name : archive.entryNames()) {
            if (!name.startsWith("META-INF/")) {
                assertNotNull(archive.manifest().getAttributes(name), name + " is in the archive but not listed");
                assertNotNull(DeploymentPackageArchive.symbolicName(archive.bundleManifests().get(name)),
                        name + " is not an OSGi bundle");
            }
        }
    }

    @Test
    void carriesOurBundlesButNoStandaloneOnlyOne() {
        Set<String> names = archive.listedBundles().keySet();
        assertTrue(names.containsAll(OUR_BUNDLES), "missing: " + difference(OUR_BUNDLES, names));
        for (String name : names) {
            assertFalse(STANDALONE_ONLY.contains(name) || name.contains("systemd"), name + " must not be in the package");
        }
    }

    /** Kura 5 ships SLF4J 1.7: a bundle that asks for 2.x does not resolve there. */
    @Test
    void ourBundlesAcceptTheSlf4jOfKura() {
        Version kuraSlf4j = Version.parseVersion("1.7.36");
        archive.bundleManifests().values().stream()
                .filter(m -> OUR_BUNDLES.contains(DeploymentPackageArchive.symbolicName(m)))
                .filter(m -> !WITHOUT_LOGGING.contains(DeploymentPackageArchive.symbolicName(m)))
                .forEach(m -> {
                    String imports = m.getMainAttributes().getValue("Import-Package");
                    Matcher slf4j = SLF4J_IMPORT.matcher(imports);
                    String bundle = DeploymentPackageArchive.symbolicName(m);
                    assertTrue(slf4j.find(), bundle + " does not import org.slf4j with a version: " + imports);
                    assertTrue(new VersionRange(slf4j.group(1)).includes(kuraSlf4j),
                            bundle + " imports org.slf4j " + slf4j.group(1));
                });
    }

    /** A bundle both in the package and on the platform would be installed twice or clash with Kura's own. */
    @Test
    void carriesNothingThePlatformProvides() throws IOException {
        Set<String> platform = new HashSet<>(Set.of("org.eclipse.osgi"));
        try (Stream<Path> jars = Files.list(DeploymentPackageArchive.platformDirectory())) {
            for (Path jar : jars.filter(f -> f.toString().endsWith(".jar")).toList()) {
                try (JarFile file = new JarFile(jar.toFile())) {
                    platform.add(DeploymentPackageArchive.symbolicName(file.getManifest()));
                }
            }
        }
        Map<String, Version> listed = archive.listedBundles();
        Set<String> both = new HashSet<>(listed.keySet());
        both.retainAll(platform);
        assertTrue(both.isEmpty(), "in the package and on the platform: " + both);
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> rest = new HashSet<>(a);
        rest.removeAll(b);
        return rest;
    }
}
