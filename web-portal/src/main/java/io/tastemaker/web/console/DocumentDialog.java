package io.tastemaker.web.console;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * A JSON document (a policy) to show in the dialog of {@code WEB-INF/console/documentDialog.xhtml}
 * in this response. It lives for one request: the dialog opens on the response that filled it
 * and stays closed on later ones.
 */
@Named("documentDialog")
@RequestScoped
public class DocumentDialog {

    private String title;
    private String json;

    /** Shows {@code json}, indented, under {@code title}. */
    void show(String title, String json) {
        this.title = title;
        this.json = ConsoleFormat.prettyJson(json);
    }

    public boolean isPresent() {
        return json != null;
    }

    public String getTitle() {
        return title;
    }

    public String getJson() {
        return json;
    }
}
