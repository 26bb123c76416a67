package org.brevet.cli;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import picocli.CommandLine;

/**
 * Creates picocli's command objects with constructor injection: a command class with a constructor
 * taking a {@link Session} gets this run's session; {@link GlobalOptions} is the session's one instance;
 * anything else (picocli's own types, commands from other modules) comes from picocli's default factory.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final Session session;

    CommandFactory(Session session) {
        this.session = session;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        if (type == GlobalOptions.class) {
            return type.cast(session.options());
        }
        try {
            Constructor<K> c = type.getDeclaredConstructor(Session.class);
            c.setAccessible(true);
            return c.newInstance(session);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }
}
