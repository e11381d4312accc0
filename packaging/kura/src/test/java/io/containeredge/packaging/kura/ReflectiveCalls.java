package io.containeredge.packaging.kura;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Calls into services whose API packages (Deployment Admin, SCR runtime) are exported by bundles inside the
 * framework: the test's class loader has other copies of those interfaces, so a cast would fail. Only the
 * framework API (Bundle, Version) is shared, because Equinox itself is on the test's class path.
 */
final class ReflectiveCalls {

    private ReflectiveCalls() {
    }

    /** Calls the public method {@code name} with {@code args.length} parameters; the target's exception is rethrown. */
    static Object call(Object target, String name, Object... args) {
        for (Method method : target.getClass().getMethods()) {
            if (method.getName().equals(name) && method.getParameterCount() == args.length) {
                try {
                    // implementation classes may be package-private even though the interface method is public
                    method.setAccessible(true);
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    Throwable cause = e.getCause();
                    throw new IllegalStateException(name + " failed: " + cause, cause);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException(target.getClass() + " has no method " + name + "/" + args.length);
    }

    /** The public field {@code name} of a DTO. */
    static Object field(Object dto, String name) {
        try {
            return dto.getClass().getField(name).get(dto);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalArgumentException(dto.getClass() + " has no public field " + name, e);
        }
    }
}
