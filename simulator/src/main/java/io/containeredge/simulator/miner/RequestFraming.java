package io.containeredge.simulator.miner;

/**
 * When a miner API request is complete: cgminer clients send one JSON object (or one plain-text
 * command) and wait, often without closing their side, so the server must see the end by itself.
 */
final class RequestFraming {

    private RequestFraming() {
    }

    /** A balanced JSON object (strings and escapes respected), or any plain-text command. */
    static boolean complete(String text) {
        String t = text.stripLeading();
        if (t.isEmpty()) {
            return false;
        }
        if (t.charAt(0) != '{') {
            // plain text ("summary", "powertarget|3000"): cgminer takes what one recv() returns
            return true;
        }
        int depth = 0;
        boolean inString = false;
        boolean escaped = false;
        for (int i = 0; i < t.length(); i++) {
            char ch = t.charAt(i);
            if (inString) {
                if (escaped) {
                    escaped = false;
                } else if (ch == '\\') {
                    escaped = true;
                } else if (ch == '"') {
                    inString = false;
                }
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '{' || ch == '[') {
                depth++;
            } else if (ch == '}' || ch == ']') {
                depth--;
                if (depth == 0) {
                    return true;
                }
            }
        }
        return false;
    }
}
