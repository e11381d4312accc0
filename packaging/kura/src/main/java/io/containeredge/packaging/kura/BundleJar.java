package io.containeredge.packaging.kura;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** One bundle going into the deployment package, as its own manifest describes it. */
record BundleJar(Path file, String symbolicName, String version) {

    static BundleJar read(Path file) throws IOException {
        try (JarFile jar = new JarFile(file.toFile())) {
            Manifest manifest = jar.getManifest();
            Attributes main = manifest == null ? new Attributes() : manifest.getMainAttributes();
            String symbolicName = main.getValue("Bundle-SymbolicName");
            if (symbolicName == null) {
                throw new IllegalArgumentException(file + " is not an OSGi bundle (no Bundle-SymbolicName)");
            }
            String version = main.getValue("Bundle-Version");
            // the name without directives such as ;singleton:=true, which are not part of it
            return new BundleJar(file, symbolicName.split(";")[0].trim(), version == null ? "0.0.0" : version.trim());
        }
    }

    /** The bundle's path in the archive: at the root, named after what it is rather than the Maven file name. */
    String entryName() {
        return symbolicName + "-" + version + ".jar";
    }
}
