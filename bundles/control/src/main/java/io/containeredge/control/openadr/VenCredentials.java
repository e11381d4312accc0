package io.containeredge.control.openadr;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The VEN's OAuth2 client from its credentials file: one line {@code clientId:clientSecret}. */
record VenCredentials(String clientId, String clientSecret) {

    @Override
    public String toString() {
        return "VenCredentials[" + clientId + ", secret hidden]";
    }

    /**
     * Reads the file afresh: an operator may put it in place after the gateway started.
     *
     * @throws VtnException naming the file and what is wrong with it; the secret is never quoted
     */
    static VenCredentials read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(String::strip)
                    .filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new VtnException(0, "the OpenADR credentials file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + "): it must hold one line clientId:clientSecret");
        }
        int colon = lines.size() == 1 ? lines.get(0).indexOf(':') : -1;
        if (colon <= 0 || colon == lines.get(0).length() - 1) {
            throw new VtnException(0, "the OpenADR credentials file " + file
                    + " must hold exactly one line clientId:clientSecret");
        }
        return new VenCredentials(lines.get(0).substring(0, colon), lines.get(0).substring(colon + 1));
    }
}
