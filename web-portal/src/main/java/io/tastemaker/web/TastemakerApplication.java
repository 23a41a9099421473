package io.tastemaker.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The AWS-compatible API at the root of the server: the JSON 1.1 control plane ({@code POST /}),
 * the runtime ({@code /recommendations}) and events ({@code /events}, {@code /items},
 * {@code /users}) on one endpoint, so that one endpoint override serves all three SDK clients.
 * The console is a separate servlet under {@code /console}.
 */
@ApplicationPath("/")
public class TastemakerApplication extends Application {
}
