package io.containeredge.packaging.kura;

import static io.containeredge.packaging.kura.ReflectiveCalls.call;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.osgi.framework.Bundle;
import org.osgi.framework.Version;

/** The calls a Kura-like installer makes on {@code org.osgi.service.deploymentadmin.DeploymentAdmin}. */
final class DeploymentAdminClient {

    static final String SERVICE = "org.osgi.service.deploymentadmin.DeploymentAdmin";

    private final Object deploymentAdmin;

    DeploymentAdminClient(Object deploymentAdmin) {
        this.deploymentAdmin = deploymentAdmin;
    }

    /** Installs the package the way Kura does: from a stream of the .dp file. */
    InstalledPackage install(Path deploymentPackage) throws IOException {
        try (InputStream in = Files.newInputStream(deploymentPackage)) {
            return new InstalledPackage(call(deploymentAdmin, "installDeploymentPackage", in));
        }
    }

    /** An installed {@code DeploymentPackage}. */
    static final class InstalledPackage {
        private final Object deploymentPackage;

        private InstalledPackage(Object deploymentPackage) {
            this.deploymentPackage = deploymentPackage;
        }

        String name() {
            return (String) call(deploymentPackage, "getName");
        }

        Version version() {
            return (Version) call(deploymentPackage, "getVersion");
        }

        /** Symbolic name to version of every bundle Deployment Admin recorded for the package, in its order. */
        Map<String, Version> bundleInfos() {
            Map<String, Version> infos = new LinkedHashMap<>();
            for (Object info : (Object[]) call(deploymentPackage, "getBundleInfos")) {
                infos.put((String) call(info, "getSymbolicName"), (Version) call(info, "getVersion"));
            }
            return infos;
        }

        Bundle bundle(String symbolicName) {
            return (Bundle) call(deploymentPackage, "getBundle", symbolicName);
        }

        void uninstall() {
            call(deploymentPackage, "uninstall");
        }
    }
}
