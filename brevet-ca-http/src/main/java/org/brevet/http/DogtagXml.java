package org.brevet.http;

import java.util.ArrayDeque;
import java.util.Deque;

/** A small writer for the XML documents Dogtag's legacy servlets answer with {@code xml=true}. */
final class DogtagXml {
    private final StringBuilder out = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
    private final Deque<String> open = new ArrayDeque<>();

    DogtagXml open(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    DogtagXml close() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    DogtagXml text(String name, String value) {
        out.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append('>');
        return this;
    }

    String document() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed element " + open.peek());
        }
        return out.toString();
    }

    static String escape(String value) {
        StringBuilder s = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&apos;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }
}
