package io.containeredge.console.security;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Where the console keeps its users, how long an idle session lives, the API tokens and an automated install's setup token. */
@ObjectClassDefinition(id = ConsoleSecurity.PID, name = "ContainerEdge console security",
        description = "Users, sessions and API tokens of the web console and the JSON API")
public @interface ConsoleSecurityConfiguration {

    @AttributeDefinition(name = "Data directory", description = "The users are kept in <data dir>/console-users.json")
    String data_dir() default "containeredge-data";

    @AttributeDefinition(name = "Session idle timeout (minutes)", min = "1", max = "720")
    int session_idle_minutes() default 15;

    @AttributeDefinition(name = "API tokens file", required = false,
            description = "Lines '<name> <role> <sha256 hex of the token>'; empty: no API tokens")
    String api_tokens_file() default "";

    @AttributeDefinition(name = "Setup token", type = AttributeType.PASSWORD, required = false,
            description = "Creates the first administrator (at least 22 characters); empty: one is generated and logged")
    String setup_token() default "";
}
