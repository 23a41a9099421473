package io.tastemaker.web.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;

/** Messages for the person at the console: global, shown by the page's {@code p:messages}. */
final class ConsoleMessages {

    private ConsoleMessages() {
    }

    static void error(String text) {
        add(FacesMessage.SEVERITY_ERROR, text);
    }

    static void info(String text) {
        add(FacesMessage.SEVERITY_INFO, text);
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
