package io.tastemaker.web.api.iam;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;

/**
 * Writes an AWS Query protocol response: {@code <ActionResponse>} with an optional
 * {@code <ActionResult>} and {@code <ResponseMetadata>}, or an {@code <ErrorResponse>}. Lists
 * are {@code <member>} elements, as IAM writes them.
 */
public final class QueryXml {

    public static final String IAM_NAMESPACE = "https://iam.amazonaws.com/doc/2010-05-08/";

    private final StringBuilder out = new StringBuilder(512);
    private final Deque<String> open = new ArrayDeque<>();

    private QueryXml() {
    }

    /** Starts the result of {@code action}; close with {@link #finish()}. */
    public static QueryXml result(String action) {
        QueryXml xml = new QueryXml();
        xml.out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.out.append('<').append(action).append("Response xmlns=\"").append(IAM_NAMESPACE).append("\">");
        xml.open.push(action + "Response");
        xml.start(action + "Result");
        return xml;
    }

    public static String error(String code, String message, boolean senderFault) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ErrorResponse xmlns=\"" + IAM_NAMESPACE + "\"><Error><Type>"
                + (senderFault ? "Sender" : "Receiver") + "</Type><Code>" + escape(code) + "</Code><Message>" + escape(message)
                + "</Message></Error><RequestId>" + UUID.randomUUID() + "</RequestId></ErrorResponse>";
    }

    public QueryXml start(String element) {
        out.append('<').append(element).append('>');
        open.push(element);
        return this;
    }

    public QueryXml end() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** An element with text; nothing when the value is null, as AWS omits absent members. */
    public QueryXml element(String name, Object value) {
        if (value == null) {
            return this;
        }
        String text = value instanceof Instant i ? i.truncatedTo(ChronoUnit.SECONDS).toString() : String.valueOf(value);
        out.append('<').append(name).append('>').append(escape(text)).append("</").append(name).append('>');
        return this;
    }

    /** Closes the result and adds the response metadata. */
    public String finish() {
        while (open.size() > 1) {
            end();
        }
        out.append("<ResponseMetadata><RequestId>").append(UUID.randomUUID()).append("</RequestId></ResponseMetadata>");
        end();
        return out.toString();
    }

    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                        s.append('\uFFFD');
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }
}
