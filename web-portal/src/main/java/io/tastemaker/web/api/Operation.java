package io.tastemaker.web.api;

/** One control-plane operation: parses its request members, calls one domain service, formats the reply. */
@FunctionalInterface
public interface Operation {
    JsonOut handle(JsonIn request);
}
