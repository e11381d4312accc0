package io.containeredge.launcher;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Arrays;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The console's own parser of the API tokens file ({@code ApiTokens.read}), so {@code --check} accepts exactly
 * what the console will, with no second parser to drift from it. The console bundle exports no package, so
 * the class is loaded through that bundle ({@link Bundle#loadClass}) rather than imported.
 */
final class ConsoleTokenParser implements ConfigurationCheck.TokenFileParser {

    private static final String CONSOLE_BUNDLE = "io.containeredge.console";
    private static final String API_TOKENS = "io.containeredge.console.security.ApiTokens";

    private final BundleContext context;

    ConsoleTokenParser(BundleContext context) {
        this.context = context;
    }

    @Override
    public void parse(Path file) throws IOException {
        Bundle console = Arrays.stream(context.getBundles()).filter(b -> CONSOLE_BUNDLE.equals(b.getSymbolicName()))
                .findFirst().orElseThrow(() -> new IllegalStateException("the console bundle is not installed"));
        try {
            console.loadClass(API_TOKENS).getMethod("read", Path.class).invoke(null, file);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IOException unreadable) {
                throw unreadable;
            }
            if (e.getCause() instanceof RuntimeException refused) {
                throw refused;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the console's token parser is not reachable: " + e, e);
        }
    }
}
