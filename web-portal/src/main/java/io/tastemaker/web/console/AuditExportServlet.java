package io.tastemaker.web.console;

import io.tastemaker.security.audit.AuditQuery;
import io.tastemaker.security.audit.AuditRecord;
import io.tastemaker.security.audit.AuditStore;
import io.tastemaker.security.error.ServiceException;
import io.tastemaker.web.auth.Authorizer;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code GET /console/audit/export?format=jsonl|csv&<criteria>}: the records of an audit search as
 * a download, newest first, at most {@link AuditStore#MAX_EXPORT}. The criteria are those of
 * {@link AuditSearchForm}; the walls are the signed-in account's, as on the page
 * ({@link ConsoleFilter} turns away requests without a session). Every stored field is written,
 * the chain place and hashes included, so that an export can be checked against the chain.
 */
@WebServlet(name = "AuditExport", urlPatterns = "/console/audit/export")
public class AuditExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String JSON_LINES = "jsonl";
    static final String CSV = "csv";
    static final String[] COLUMNS = {"eventTime", "eventId", "accountId", "principal", "accessKeyId", "service", "action",
            "resources", "sourceIp", "userAgent", "outcome", "httpStatus", "errorCode", "chainId", "seq", "prevHash", "hash"};
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    @Inject
    ConsoleSession session;
    @Inject
    AuditStore store;
    @Inject
    Authorizer authorizer;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String format = request.getParameter("format");
        if (!JSON_LINES.equals(format) && !CSV.equals(format)) {
            response.sendError(400, "format is jsonl or csv");
            return;
        }
        if (!session.isSignedIn() || !authorizer.decide(session.getAccountId(), session.getUserName(), AuditPage.LOOKUP,
                java.util.List.of("*"), request).isAllowed()) {
            response.sendError(403, "Your policies do not allow " + AuditPage.LOOKUP + ".");
            return;
        }
        AuditQuery query;
        try {
            query = AuditSearchForm.query(AuditSearchForm.fromParameters(request::getParameter));
        } catch (ServiceException e) {
            response.sendError(400, e.getMessage());
            return;
        }
        String name = "audit-" + session.getAccountId() + "-" + FILE_TIME.format(Instant.now()) + "." + format;
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(CSV.equals(format) ? "text/csv" : "application/x-ndjson");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
        PrintWriter out = response.getWriter();
        try {
            if (CSV.equals(format)) {
                out.print(String.join(",", COLUMNS) + "\r\n");
                store.export(session.getAccountId(), query, r -> out.print(csvLine(r)));
            } else {
                store.export(session.getAccountId(), query, r -> out.print(json(r) + "\n"));
            }
        } catch (ServiceException e) {
            if (!response.isCommitted()) {
                response.reset();
                response.sendError(400, e.getMessage());
            }
        }
    }

    static String json(AuditRecord r) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        String[] values = values(r);
        for (int i = 0; i < COLUMNS.length; i++) {
            String column = COLUMNS[i];
            if ("resources".equals(column)) {
                JsonArrayBuilder list = Json.createArrayBuilder();
                r.resourceList().forEach(list::add);
                o.add(column, list);
            } else if ("httpStatus".equals(column) || "seq".equals(column)) {
                o.add(column, Long.parseLong(values[i]));
            } else if (values[i] == null) {
                o.addNull(column);
            } else {
                o.add(column, values[i]);
            }
        }
        return o.build().toString();
    }

    static String csvLine(AuditRecord r) {
        StringBuilder line = new StringBuilder(256);
        String[] values = values(r);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(csvField(values[i]));
        }
        return line.append("\r\n").toString();
    }

    /** RFC 4180 quoting; a leading {@code = + - @} is prefixed with {@code '} so that spreadsheets do not run it. */
    static String csvField(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String v = "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || !v.equals(value)) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }

    private static String[] values(AuditRecord r) {
        return new String[] {r.getEventTime().toString(), r.getEventId(), r.getAccountId(), r.getPrincipal(),
                r.getAccessKeyId(), r.getService(), r.getAction(), r.getResources() == null ? null
                : String.join(" ", r.resourceList()), r.getSourceIp(), r.getUserAgent(), r.getOutcome(),
                Integer.toString(r.getHttpStatus()), r.getErrorCode(), r.getChainId(), Long.toString(r.getSeq()),
                r.getPrevHash(), r.getHash()};
    }
}
