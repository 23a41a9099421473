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
 *
 * <p>{@link #parse} checks the form only; which locations an account may read is
 * {@link ImportSources}' business, and it checks a file's existence after that, so that the answer
 * for a path an account may not read does not tell whether the file exists.
 */
public final class DataLocation {

    private static final int MAX_LENGTH = 256;
    private final URI uri;
    private final boolean followRedirects;

    private DataLocation(URI uri, boolean followRedirects) {
        this.uri = uri;
        this.followRedirects = followRedirects;
    }

    /** Parses and checks the form of a data location: its length, its scheme, a host for http(s). */
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
                try {
                    Path.of(uri);
                } catch (IllegalArgumentException e) {
                    throw new InvalidInputException("dataSource.dataLocation '" + Texts.abbreviate(value)
                            + "' is not a file path: a file:// URL is file:///absolute/path.csv.");
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
        return new DataLocation(uri, true);
    }

    /** A local file, as a location. */
    static DataLocation file(Path path) {
        return new DataLocation(path.toUri(), true);
    }

    /** True for {@code file://}. */
    public boolean isFile() {
        return "file".equalsIgnoreCase(uri.getScheme());
    }

    /** The local path of a {@code file://} location, absolute and normalized. */
    Path path() {
        return Path.of(uri).toAbsolutePath().normalize();
    }

    /** The host of an http(s) location. */
    String host() {
        return uri.getHost();
    }

    /** This location, read without following HTTP redirects (a redirect then fails the read). */
    DataLocation withoutRedirects() {
        return new DataLocation(uri, false);
    }

    /** Checks that a local file exists and can be read; http(s) locations are checked when read. */
    public DataLocation requireReadable() {
        if (isFile()) {
            Path path = path();
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new InvalidInputException("dataSource.dataLocation " + Texts.abbreviate(uri.toString())
                        + " is not a readable file on the server.");
            }
        }
        return this;
    }

    /** Opens the file for reading; the caller closes the stream. */
    public InputStream open() throws IOException {
        if (isFile()) {
            return Files.newInputStream(Path.of(uri));
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30))
                .followRedirects(followRedirects ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<InputStream> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IOException("GET " + uri + " answered HTTP " + response.statusCode()
                        + (followRedirects || response.statusCode() / 100 != 3 ? "" : " (redirects are not followed)"));
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
