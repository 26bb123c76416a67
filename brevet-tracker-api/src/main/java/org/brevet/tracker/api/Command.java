package org.brevet.tracker.api;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * One getcert command sent to the daemon over its control socket. The JSON form carries the variant in
 * the {@code command} field (see {@link TrackerJson}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "command")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Command.Request.class, name = "request"),
    @JsonSubTypes.Type(value = Command.StartTracking.class, name = "start-tracking"),
    @JsonSubTypes.Type(value = Command.StopTracking.class, name = "stop-tracking"),
    @JsonSubTypes.Type(value = Command.Resubmit.class, name = "resubmit"),
    @JsonSubTypes.Type(value = Command.Refresh.class, name = "refresh"),
    @JsonSubTypes.Type(value = Command.ListRequests.class, name = "list"),
    @JsonSubTypes.Type(value = Command.AddCa.class, name = "add-ca"),
    @JsonSubTypes.Type(value = Command.ModifyCa.class, name = "modify-ca"),
    @JsonSubTypes.Type(value = Command.RemoveCa.class, name = "remove-ca"),
    @JsonSubTypes.Type(value = Command.ListCas.class, name = "list-cas"),
    @JsonSubTypes.Type(value = Command.RefreshCa.class, name = "refresh-ca"),
})
public sealed interface Command {

    /** {@code getcert request}: a new request; a key is generated if none exists at the key location. */
    record Request(RequestSpec spec) implements Command {
        public Request {
            Objects.requireNonNull(spec, "spec");
        }
    }

    /** {@code getcert start-tracking}: track an existing certificate, or modify the entry {@code existing} names. */
    record StartTracking(Selector existing, RequestSpec spec) implements Command {
        public StartTracking {
            Objects.requireNonNull(spec, "spec");
        }
    }

    record StopTracking(Selector selector) implements Command {
        public StopTracking {
            Objects.requireNonNull(selector, "selector");
        }
    }

    /** {@code getcert resubmit} ({@code rekey=false}) and {@code getcert rekey} ({@code rekey=true}). */
    record Resubmit(Selector selector, RequestSpec changes, boolean rekey) implements Command {
        public Resubmit {
            Objects.requireNonNull(selector, "selector");
            Objects.requireNonNull(changes, "changes");
        }
    }

    /** {@code getcert refresh}: one request ({@code selector}), all of a CA ({@code ca}), or all. */
    record Refresh(Selector selector, String ca, boolean all) implements Command {
    }

    record ListRequests() implements Command {
    }

    record AddCa(String nickname, String helperCommand) implements Command {
        public AddCa {
            Objects.requireNonNull(nickname, "nickname");
        }
    }

    record ModifyCa(String nickname, String helperCommand) implements Command {
        public ModifyCa {
            Objects.requireNonNull(nickname, "nickname");
        }
    }

    record RemoveCa(String nickname) implements Command {
        public RemoveCa {
            Objects.requireNonNull(nickname, "nickname");
        }
    }

    record ListCas() implements Command {
    }

    /** {@code getcert refresh-ca}: re-run the CA data operations of one CA, or of all when {@code nickname} is null. */
    record RefreshCa(String nickname) implements Command {
    }
}
