package io.containeredge.control.miner;

import io.containeredge.control.api.MinerCommand;
import io.containeredge.site.api.MinerDialect;
import io.containeredge.site.api.MinerDialect.Request;

/** Which of a dialect's requests carries a command, and with what parameter or body: the same for every transport. */
final class DialectCommands {

    private DialectCommands() {
    }

    static Request request(MinerDialect dialect, MinerCommand command) {
        return switch (command.kind()) {
            case SLEEP -> dialect.sleep();
            case WAKE -> dialect.wake();
            case POWER_TARGET -> dialect.powerTarget();
        };
    }

    /** The request's parameter (tcp-json) or body (http-json), with a power target's whole watts filled in. */
    static String payload(Request request, MinerCommand command) {
        return command.kind() == MinerCommand.Kind.POWER_TARGET ? request.fill(command.targetW()) : request.template();
    }
}
