package io.tastemaker.systemtest.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The one certificate a test trusts: the self-signed certificate that the {@code tastemaker}
 * launcher generated in the server's data directory ({@code tls/certificate.pem}). Clients built
 * from it trust that certificate and nothing else (no system CAs, no "trust all"), and check the
 * host name against its subject alternative names as any client does.
 */
public final class ServerCertificate {

    private final Path file;
    private final X509Certificate certificate;
    private final KeyStore trustStore;

    private ServerCertificate(Path file, X509Certificate certificate, KeyStore trustStore) {
        this.file = file;
        this.certificate = certificate;
        this.trustStore = trustStore;
    }

    /** Reads a PEM certificate into a trust store of its own. */
    public static ServerCertificate read(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("tastemaker", certificate);
            return new ServerCertificate(pem, certificate, store);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the server's certificate " + pem, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Not a certificate: " + pem, e);
        }
    }

    public Path file() {
        return file;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A trust store that holds only this certificate. */
    public KeyStore trustStore() {
        return trustStore;
    }

    /** Trust managers that accept only this certificate, for the AWS SDK's {@code tlsTrustManagersProvider}. */
    public TrustManager[] trustManagers() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            return factory.getTrustManagers();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A TLS context that trusts only this certificate. */
    public SSLContext sslContext() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A {@code java.net.http} client that trusts only this certificate and follows no redirects. */
    public HttpClient httpClient() {
        return HttpClient.newBuilder().sslContext(sslContext()).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo: what Chromium's
     * {@code --ignore-certificate-errors-spki-list} takes to accept this one certificate.
     */
    public String spkiSha256Base64() {
        return Base64.getEncoder().encodeToString(sha256(certificate.getPublicKey().getEncoded()));
    }

    /** The SHA-256 fingerprint of the certificate as keytool prints it ({@code AB:CD:...}). */
    public String sha256Fingerprint() {
        try {
            return HexFormat.ofDelimiter(":").formatHex(sha256(certificate.getEncoded())).toUpperCase(Locale.ROOT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
