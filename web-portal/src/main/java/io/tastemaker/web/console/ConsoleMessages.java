package io.tastemaker.web.console;

import io.tastemaker.security.error.ServiceException;
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

    /**
     * Runs one console action; if it fails with a service error (an access denial, a conflict, a
     * bad name), shows the error's message and says so.
     *
     * @return true if the action completed
     */
    static boolean succeeded(Runnable action) {
        try {
            action.run();
            return true;
        } catch (ServiceException e) {
            error(e.getMessage());
            return false;
        }
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
