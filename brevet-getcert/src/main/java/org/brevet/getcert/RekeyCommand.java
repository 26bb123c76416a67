package org.brevet.getcert;

/** {@code getcert rekey}: as resubmit, with a new key pair (swapped in when the new certificate is saved). */
@picocli.CommandLine.Command(name = "rekey", description = "Generate a new key and resubmit the request.")
final class RekeyCommand extends ResubmitCommand {
    @Override
    boolean rekey() {
        return true;
    }
}
