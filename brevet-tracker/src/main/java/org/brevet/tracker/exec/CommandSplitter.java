package org.brevet.tracker.exec;

import java.util.ArrayList;
import java.util.List;
import org.brevet.pki.BrevetException;

/**
 * Splits a command line into argv the way certmonger does for helpers and hooks: whitespace separates
 * words, single quotes keep everything literal, double quotes allow backslash escapes, a backslash outside
 * quotes escapes the next character. There is no shell: no variables, globs or redirections.
 */
public final class CommandSplitter {
    private CommandSplitter() {
    }

    public static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote == '\'') {
                if (c == '\'') {
                    quote = 0;
                } else {
                    cur.append(c);
                }
            } else if (quote == '"') {
                if (c == '"') {
                    quote = 0;
                } else if (c == '\\' && i + 1 < line.length()) {
                    cur.append(line.charAt(++i));
                } else {
                    cur.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(cur.toString());
                    cur.setLength(0);
                    inWord = false;
                }
            } else {
                inWord = true;
                if (c == '\'' || c == '"') {
                    quote = c;
                } else if (c == '\\' && i + 1 < line.length()) {
                    cur.append(line.charAt(++i));
                } else {
                    cur.append(c);
                }
            }
        }
        if (quote != 0) {
            throw BrevetException.malformed("unbalanced quote in command: " + line, null);
        }
        if (inWord) {
            words.add(cur.toString());
        }
        if (words.isEmpty()) {
            throw BrevetException.malformed("empty command", null);
        }
        return words;
    }
}
