package io.containeredge.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import aQute.bnd.header.Parameters;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * The bundles' boundaries as the OSGi framework enforces them, read from the manifests bnd computed from
 * the bytecode of the bundles inside {@code deploy/target/containeredge.jar} (what really runs): every
 * bundle of ours exports only its {@code .api} packages, and imports of our packages are {@code .api}
 * packages or a library's. So nobody can reach another bundle's guards or internals, at build time or at
 * run time.
 *
 * <p>The libraries are the two bundles without services or state of their own: the Modbus protocol layer
 * ({@code io.containeredge.modbus}: codec, client, pollers, profiles, process image) and the site
 * simulator the launcher's {@code --demo} runs (it reads the site document through the site bundle's API).
 * They export their packages like any third-party library.
 */
class BundleBoundariesTest {

    static final Set<String> LIBRARIES = Set.of("io.containeredge.modbus", "io.containeredge.simulator");

    @Test
    void everyBundleExportsOnlyApiAndImportsOnlyApiOrLibraries() throws IOException {
        Map<String, Manifest> bundles = deployedBundles();
        assertTrue(bundles.keySet().containsAll(Set.of("io.containeredge.gateway", "io.containeredge.control",
                "io.containeredge.cloud", "io.containeredge.console", "io.containeredge.api")), bundles.keySet()::toString);
        assertEquals(List.of(), violations(bundles));
    }

    @Test
    void theCheckNamesABundleThatReachesIntoAnotherOnesInternals() {
        Manifest control = manifest("io.containeredge.control", "io.containeredge.control.api", "");
        Manifest console = manifest("io.containeredge.console", "io.containeredge.console.api",
                "io.containeredge.control.api,io.containeredge.control.thermal;version=\"[1.0,2)\"");
        Manifest leaky = manifest("io.containeredge.cloud", "io.containeredge.cloud.api,io.containeredge.cloud.queue", "");
        Map<String, Manifest> bundles = new TreeMap<>(Map.of("io.containeredge.control", control,
                "io.containeredge.console", console, "io.containeredge.cloud", leaky));
        assertEquals(List.of("io.containeredge.cloud exports io.containeredge.cloud.queue, not an .api package",
                "io.containeredge.console imports io.containeredge.control.thermal, neither an .api package nor a library's"),
                violations(bundles));
    }

    /** What breaks the rule, one line each; empty when every bundle keeps to it. */
    static List<String> violations(Map<String, Manifest> bundles) {
        Set<String> libraryPackages = new java.util.HashSet<>();
        bundles.forEach((name, m) -> {
            if (LIBRARIES.contains(name)) {
                libraryPackages.addAll(packages(m, "Export-Package"));
            }
        });
        List<String> found = new ArrayList<>();
        bundles.forEach((name, m) -> {
            boolean library = LIBRARIES.contains(name);
            for (String exported : packages(m, "Export-Package")) {
                if (!library && !exported.endsWith(".api")) {
                    found.add(name + " exports " + exported + ", not an .api package");
                }
            }
            Set<String> own = packages(m, "Export-Package");
            for (String imported : packages(m, "Import-Package")) {
                boolean ours = imported.startsWith("io.containeredge.");
                boolean allowed = own.contains(imported) || libraryPackages.contains(imported)
                        || imported.endsWith(".api");
                if (ours && !allowed) {
                    found.add(name + " imports " + imported + ", neither an .api package nor a library's");
                }
            }
        });
        return found;
    }

    private static Set<String> packages(Manifest m, String header) {
        String value = m.getMainAttributes().getValue(header);
        Set<String> names = new java.util.TreeSet<>();
        if (value != null) {
            // bnd's own header parser: quoted attributes (version ranges) carry commas
            new Parameters(value).keySet().forEach(k -> names.add(k.replace("~", "")));
        }
        return names;
    }

    /** Our bundles in the executable jar, by symbolic name. */
    private static Map<String, Manifest> deployedBundles() throws IOException {
        Map<String, Manifest> bundles = new TreeMap<>();
        try (JarFile jar = new JarFile(ChildProcess.root().resolve("deploy/target/containeredge.jar").toFile())) {
            for (ZipEntry e : java.util.Collections.list(jar.entries())) {
                if (!e.getName().startsWith("jar/containeredge-")) {
                    continue;
                }
                try (InputStream in = jar.getInputStream(e); JarInputStream bundle = new JarInputStream(in)) {
                    Manifest m = bundle.getManifest();
                    String name = m.getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0].trim();
                    bundles.put(name, m);
                }
            }
        }
        return bundles;
    }

    private static Manifest manifest(String name, String exports, String imports) {
        Manifest m = new Manifest();
        Attributes a = m.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-SymbolicName", name);
        a.putValue("Export-Package", exports);
        if (!imports.isEmpty()) {
            a.putValue("Import-Package", imports);
        }
        return m;
    }
}
