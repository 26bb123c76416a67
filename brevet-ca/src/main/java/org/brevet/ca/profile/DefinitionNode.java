package org.brevet.ca.profile;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.brevet.pki.BrevetException;
import org.brevet.pki.ErrorKind;

/**
 * A node of a profile definition tree that knows its path ({@code policy.keyTypes[0]}), so every error
 * names the field it is about. Unknown keys are errors, as in every Brevet configuration.
 */
final class DefinitionNode {
    private final JsonNode node;
    private final String path;

    private DefinitionNode(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    static DefinitionNode root(JsonNode node) {
        DefinitionNode root = new DefinitionNode(node, "");
        if (!node.isObject()) {
            throw new BrevetException(ErrorKind.MALFORMED, "profile definition must be a mapping of keys to values");
        }
        return root;
    }

    String path() {
        return path;
    }

    String pathOf(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    BrevetException error(String message) {
        return new BrevetException(ErrorKind.MALFORMED, (path.isEmpty() ? "" : path + ": ") + message);
    }

    BrevetException error(String key, String message) {
        return new BrevetException(ErrorKind.MALFORMED, pathOf(key) + ": " + message);
    }

    /** Fails on the first key that is not in {@code allowed}. */
    void allowOnly(Set<String> allowed) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw error(name, "unknown key (allowed: " + String.join(", ", allowed.stream().sorted().toList()) + ")");
            }
        }
    }

    private Optional<JsonNode> value(String key) {
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    String requiredString(String key) {
        return optionalString(key).orElseThrow(() -> error(key, "is required"));
    }

    Optional<String> optionalString(String key) {
        return value(key).map(v -> {
            if (!v.isTextual() && !v.isNumber() && !v.isBoolean()) {
                throw error(key, "must be a text value");
            }
            return v.asText();
        });
    }

    boolean bool(String key, boolean absent) {
        return value(key).map(v -> {
            if (!v.isBoolean()) {
                throw error(key, "must be true or false");
            }
            return v.booleanValue();
        }).orElse(absent);
    }

    Optional<Integer> optionalInt(String key) {
        return value(key).map(v -> {
            if (!v.isIntegralNumber() || !v.canConvertToInt()) {
                throw error(key, "must be a whole number");
            }
            return v.intValue();
        });
    }

    int requiredInt(String key) {
        return optionalInt(key).orElseThrow(() -> error(key, "is required"));
    }

    boolean has(String key) {
        return value(key).isPresent();
    }

    Optional<DefinitionNode> object(String key) {
        return value(key).map(v -> {
            if (!v.isObject()) {
                throw error(key, "must be a mapping");
            }
            return new DefinitionNode(v, pathOf(key));
        });
    }

    /** The list's elements as nodes; absent gives empty. */
    Optional<List<DefinitionNode>> list(String key) {
        return value(key).map(v -> {
            if (!v.isArray()) {
                throw error(key, "must be a list");
            }
            List<DefinitionNode> items = new ArrayList<>();
            for (int i = 0; i < v.size(); i++) {
                items.add(new DefinitionNode(v.get(i), pathOf(key) + "[" + i + "]"));
            }
            return items;
        });
    }

    /** A list of text values; each element is checked. */
    Optional<List<String>> stringList(String key) {
        return list(key).map(items -> items.stream().map(DefinitionNode::text).toList());
    }

    /** This node as a mapping (for list elements). */
    DefinitionNode asObject() {
        if (!node.isObject()) {
            throw error("must be a mapping");
        }
        return this;
    }

    /** This node as a text value (for list elements). */
    String text() {
        if (!node.isTextual() && !node.isNumber()) {
            throw error("must be a text value");
        }
        return node.asText();
    }
}
