package org.brevet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code brevet profile}: enrollment profiles (reading: anyone; changing: administrators or agents). */
@Command(name = "profile", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, sortOptions = false,
        description = "List, show, add, modify, enable and disable enrollment profiles.")
final class ProfileCommand implements Runnable {
    /** The shared connection and output options, inherited by the subcommands. */
    @Mixin
    GlobalOptions options;

    private final Session session;

    @Spec
    CommandSpec spec;

    ProfileCommand(Session session) {
        this.session = session;
    }

    @Override
    public void run() {
        throw Groups.missingSubcommand(spec);
    }

    @Command(name = "list", description = {"List profiles.",
        "With a client credential: all profiles; anonymously: those open to enrollment."})
    int list() {
        boolean authenticated = session.options().connection().pkcs12().isPresent();
        ProfileList profiles = authenticated ? session.client().profiles() : session.client().enrollmentProfiles();
        Output out = session.output();
        if (out.isJson()) {
            out.json(profiles);
        } else if (profiles.profiles().isEmpty()) {
            out.line("No profiles found.");
        } else {
            out.table(List.of("ID", "ENABLED", "VISIBLE", "NAME"), profiles.profiles().stream()
                    .map(p -> List.of(p.id(), yesNo(p.enabled()), yesNo(p.visible()), p.name() == null ? "" : p.name()))
                    .toList());
        }
        return ExitCode.OK;
    }

    @Command(name = "show", description = "Show a profile's definition.")
    int show(@Parameters(paramLabel = "ID", description = "Profile id.") String id) {
        ProfileDetails p = session.client().profile(id);
        Output out = session.output();
        if (out.isJson()) {
            out.json(p);
            return ExitCode.OK;
        }
        Map<String, String> f = new LinkedHashMap<>();
        f.put("Profile ID", p.id());
        f.put("Enabled", yesNo(p.enabled()));
        f.put("Updated", p.updatedAt());
        f.put("Updated by", p.updatedBy());
        out.fields(f);
        if (p.definition() != null) {
            out.line("");
            out.line(p.definition().stripTrailing());
        }
        return ExitCode.OK;
    }

    @Command(name = "add", description = "Add a profile from a definition file (YAML or JSON).")
    int add(@Option(names = "--file", paramLabel = "FILE", required = true, description = "The definition.") Path file) {
        String definition = LocalFiles.readText(file, "profile definition");
        JsonNode answer = session.client().addProfile(definition, contentType(file, definition));
        return done(answer, "added", answer.path("id").asText(file.getFileName().toString()));
    }

    @Command(name = "modify", description = "Replace a profile's definition.")
    int modify(@Parameters(paramLabel = "ID", description = "Profile id.") String id,
            @Option(names = "--file", paramLabel = "FILE", required = true, description = "The new definition.") Path file) {
        String definition = LocalFiles.readText(file, "profile definition");
        return done(session.client().modifyProfile(id, definition, contentType(file, definition)), "modified", id);
    }

    @Command(name = "enable", description = "Enable a profile: requests to it are accepted.")
    int enable(@Parameters(paramLabel = "ID", description = "Profile id.") String id) {
        return done(session.client().enableProfile(id), "enabled", id);
    }

    @Command(name = "disable", description = "Disable a profile: new requests to it are refused.")
    int disable(@Parameters(paramLabel = "ID", description = "Profile id.") String id) {
        return done(session.client().disableProfile(id), "disabled", id);
    }

    private int done(JsonNode answer, String verb, String id) {
        Output out = session.output();
        if (out.isJson()) {
            out.json(answer);
        } else {
            out.line("Profile " + id + " " + verb + ".");
        }
        return ExitCode.OK;
    }

    /** JSON if the file says so by name or by its first character, YAML otherwise. */
    static String contentType(Path file, String definition) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean json = name.endsWith(".json") || definition.stripLeading().startsWith("{");
        return json ? "application/json" : "application/yaml";
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }
}
