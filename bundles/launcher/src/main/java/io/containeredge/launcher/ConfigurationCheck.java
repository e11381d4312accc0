package io.containeredge.launcher;

import io.containeredge.console.tokens.ApiTokenFiles;
import io.containeredge.modbus.config.ConfigError;
import io.containeredge.modbus.profile.DeviceProfile;
import io.containeredge.modbus.site.LoadedSite;
import io.containeredge.modbus.site.SiteConfig;
import io.containeredge.modbus.site.SiteLoader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --check}: everything wrong with what the gateway would be started with, found by the checks the
 * gateway itself runs, without starting anything: the configuration directory ({@link SiteLoader#check}), the
 * cloud settings ({@link CloudProperties}) and the API tokens (the console's own parser, {@link ApiTokenFiles}). Writes nothing.
 */
final class ConfigurationCheck {

    /** Where the console's parser puts the line in its message: {@code <file>:<line>: <what is wrong>}. */
    private static final Pattern TOKEN_LINE = Pattern.compile("(\\d+): (.*)", Pattern.DOTALL);

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
        SiteLoader.DirectoryCheck site = SiteLoader.check(configDir);
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
                + profiles + " profiles, " + site.miners().count() + " miners";
    }

    private static List<ConfigError> tokenErrors(Path file) {
        String name = file.toString();
        try {
            ApiTokenFiles.check(file);
            return List.of();
        } catch (IOException e) {
            return List.of(new ConfigError(name, "$", "cannot read: " + e));
        } catch (IllegalArgumentException e) {
            // the message names the file itself; take the line as the path so it reads like every other error
            String message = e.getMessage();
            Matcher line = TOKEN_LINE.matcher(message.startsWith(name + ":") ? message.substring(name.length() + 1) : "");
            return List.of(line.matches() ? new ConfigError(name, "line " + line.group(1), line.group(2))
                    : new ConfigError(name, "$", message));
        }
    }
}
