package io.tastemaker.domain.datasetimport;

import io.tastemaker.domain.common.Texts;
import io.tastemaker.domain.error.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Where an import reads its file: {@code file://} (a path on the server) or {@code https://} /
 * {@code http://}. The {@code dataLocation} member of Personalize's DataSource, which there is an
 * S3 path; {@code s3://} needs an S3-compatible store and is refused with a message saying so.
 */
public final class DataLocation {

    private static final int MAX_LENGTH = 256;
    private final URI uri;

    private DataLocation(URI uri) {
        this.uri = uri;
    }

    /** Parses and checks a data location; a local file must exist and be readable. */
    public static DataLocation parse(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException("dataSource.dataLocation is required: give a file:// or https:// URL of a CSV file.");
        }
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInputException("dataSource.dataLocation must have at most 256 characters.");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidInputException("dataSource.dataLocation '" + Texts.abbreviate(value) + "' is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "file" -> {
                Path path = Path.of(uri);
                if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                    throw new InvalidInputException("dataSource.dataLocation " + Texts.abbreviate(value)
                            + " is not a readable file on the server.");
                }
            }
            case "http", "https" -> {
                if (uri.getHost() == null) {
                    throw new InvalidInputException("dataSource.dataLocation " + Texts.abbreviate(value) + " has no host.");
                }
            }
            case "s3" -> throw new InvalidInputException("dataSource.dataLocation " + Texts.abbreviate(value)
                    + ": s3:// locations are not supported by this server yet; use a file:// or https:// URL.");
            default -> throw new InvalidInputException("dataSource.dataLocation '" + Texts.abbreviate(value)
                    + "' must be a file:// or https:// URL.");
        }
        return new DataLocation(uri);
    }

    /** Opens the file for reading; the caller closes the stream. */
    public InputStream open() throws IOException {
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            return Files.newInputStream(Path.of(uri));
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while opening " + uri, e);
        }
    }

    @Override
    public String toString() {
        return uri.toString();
    }
}
