package io.tastemaker.web.console;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * Answers a form post whose {@code jakarta.faces.ViewState} this session does not know: the
 * view state is the console's anti-forgery token (state is saved on the server, so it is a
 * random id of a view held in this session), and such a post is refused before any of its
 * values or actions are applied. A full-page post gets {@code 403} and a short page with a link
 * that reloads the page; an Ajax post is told to reload the page. Either way nothing changed.
 *
 * <p>The usual honest causes: a page left open while its view was dropped from the session (the
 * session keeps a bounded number of views) or a post from another site; an expired session never
 * gets here, because {@link ConsoleFilter} sends it to the sign-in page first.
 */
public class ConsoleExceptionHandlerFactory extends ExceptionHandlerFactory {

    static final String REFUSED = "This form was not accepted: it came from a page this session does not know"
            + " (an old page, or another site). Nothing was changed.";
    private static final Logger LOG = Logger.getLogger(ConsoleExceptionHandlerFactory.class.getName());

    public ConsoleExceptionHandlerFactory(ExceptionHandlerFactory wrapped) {
        super(wrapped);
    }

    @Override
    public ExceptionHandler getExceptionHandler() {
        return new Handler(getWrapped().getExceptionHandler());
    }

    private static final class Handler extends ExceptionHandlerWrapper {

        Handler(ExceptionHandler wrapped) {
            super(wrapped);
        }

        @Override
        public void handle() throws FacesException {
            Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
            while (events.hasNext()) {
                Throwable thrown = events.next().getContext().getException();
                if (thrown instanceof ViewExpiredException expired) {
                    events.remove();
                    refuse(FacesContext.getCurrentInstance(), expired);
                }
            }
            getWrapped().handle();
        }

        private static void refuse(FacesContext context, ViewExpiredException expired) {
            ExternalContext external = context.getExternalContext();
            String page = external.getRequestContextPath() + external.getRequestServletPath()
                    + (expired.getViewId() == null ? "" : expired.getViewId());
            LOG.info(() -> "Refused a post to " + expired.getViewId() + " with a view state this session does not know.");
            try {
                if (context.getPartialViewContext().isAjaxRequest()) {
                    external.redirect(page);
                } else {
                    external.setResponseStatus(403);
                    external.setResponseContentType("text/html");
                    external.setResponseCharacterEncoding("UTF-8");
                    Writer out = external.getResponseOutputWriter();
                    out.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Form refused · Tastemaker</title>"
                            + "</head><body><h1>Form refused</h1><p>" + REFUSED + "</p><p><a href=\"" + escape(page)
                            + "\">Reload the page</a></p></body></html>");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            context.responseComplete();
        }

        private static String escape(String text) {
            return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
        }
    }
}
