package org.brevet.cli;

/** How list and show commands print: readable text, or one JSON document. */
enum OutputFormat {
    text,
    json
}
