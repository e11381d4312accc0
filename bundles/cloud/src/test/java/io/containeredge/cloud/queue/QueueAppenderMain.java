package io.containeredge.cloud.queue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Child process of {@link OutboundQueueCrashTest}: appends messages and prints each id only after
 * {@code append} returned, i.e. after the queue acknowledged it to its caller.
 */
public final class QueueAppenderMain {

    private QueueAppenderMain() {
    }

    public static void main(String[] args) {
        int count = Integer.parseInt(args[1]);
        OutboundQueue q = OutboundQueue.open(Path.of(args[0]), 1L << 30);
        System.out.println("open");
        System.out.flush();
        for (int i = 0; i < count; i++) {
            MessageKind kind = i % 10 == 0 ? MessageKind.ALARM : MessageKind.TELEMETRY;
            long id = q.append(OutboundMessage.of("crash/test", ("m" + i).getBytes(StandardCharsets.UTF_8), kind));
            System.out.println(id);
            System.out.flush();
        }
    }
}
