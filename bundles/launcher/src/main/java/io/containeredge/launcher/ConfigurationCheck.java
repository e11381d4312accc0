package io.containeredge.launcher;

import io.containeredge.console.api.ApiTokenFiles;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.profile.DeviceProfile;
import io.containeredge.site.api.AiSettings;
import io.containeredge.site.api.GridSettings;
import io.containeredge.site.api.LoadedSite;
import io.containeredge.site.api.SiteConfig;
import io.containeredge.site.api.SiteCheck;
import io.containeredge.site.api.SiteDocuments;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code --check}: everything wrong with what the gateway would be started with, found by the checks the
 * gateway itself runs, without starting anything: the configuration directory ({@link SiteDocuments#check}), the
 * cloud settings ({@link CloudProperties}) and the API tokens (the console's own parser, {@link ApiTokenFiles}). Writes nothing.
 */
final class ConfigurationCheck {

    /**
     * @param summary what was checked, for the success line
     * @param errors  every error; empty when the gateway would start with all of it
     */
    record Report(String summary, List<ConfigError> errors) {
    }

    private ConfigurationCheck() {
    }

    /**
     * @param cloudFile     the {@code --cloud} file, or null
     * @param apiTokensFile the {@code --api-tokens} file, or null
     */
    static Report run(Path configDir, Path cloudFile, Path apiTokensFile) {
        SiteCheck site = SiteDocuments.check(configDir);
        List<ConfigError> errors = new ArrayList<>(site.errors());
        StringBuilder summary = new StringBuilder(site.site().map(ConfigurationCheck::describe).orElse("no site"));
        if (cloudFile != null) {
            errors.addAll(CloudProperties.check(cloudFile));
            summary.append(", cloud settings");
        }
        if (apiTokensFile != null) {
            errors.addAll(tokenErrors(apiTokensFile));
            summary.append(", API tokens");
        }
        return new Report(summary.toString(), List.copyOf(errors));
    }

    private static String describe(LoadedSite loaded) {
        SiteConfig site = loaded.config();
        long profiles = loaded.profilesByDevice().values().stream().map(DeviceProfile::id).distinct().count();
        return "site " + site.site() + ", container " + site.container() + ", " + site.devices().size() + " devices, "
                + profiles + " profiles, " + site.miners().count() + " miners"
                + site.ai().map(ConfigurationCheck::describe).orElse("") + describe(site.grid());
    }

    private static String describe(GridSettings grid) {
        StringBuilder s = new StringBuilder();
        grid.frequency().ifPresent(f -> s.append(String.format(Locale.ROOT, ", under-frequency guard on %s below %.2f Hz",
                f.pointPath(), f.thresholdHz())));
        grid.openAdr().ifPresent(o -> s.append(", OpenADR 3 VEN of ").append(o.vtnUrl()));
        grid.peaks().ifPresent(p -> s.append(", ").append(p.windows().size())
                .append(p.windows().size() == 1 ? " peak window" : " peak windows"));
        return s.toString();
    }

    private static String describe(AiSettings ai) {
        int tenants = ai.tenants().size();
        return ", " + tenants + (tenants == 1 ? " AI tenant" : " AI tenants") + " with " + ai.servers().size()
                + " GPU servers";
    }

    private static List<ConfigError> tokenErrors(Path file) {
        String name = file.toString();
        try {
            return ApiTokenFiles.firstBadLine(file).stream()
                    .map(bad -> new ConfigError(name, "line " + bad.line(), bad.reason())).toList();
        } catch (IOException e) {
            return List.of(new ConfigError(name, "$", "cannot read: " + e));
        }
    }
}
