package io.tastemaker.domain.datasetimport;

import io.tastemaker.domain.common.Settings;
import io.tastemaker.domain.common.Texts;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.security.iam.IamService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * Which data locations an account may import from, checked when an import is created and again
 * when its job opens the file. Accounts are walls, and a {@code file://} location reads the
 * server's disk, so:
 *
 * <ul>
 *   <li>The operator's account reads any file and any URL: it is the server owner's, who has the
 *       server's disk anyway (and the launcher's scripts import from anywhere).</li>
 *   <li>Any other account reads files only below its own import directory,
 *       {@code <tastemaker.import.dir>/<account id>/} (default {@code <data dir>/imports/<account id>/}),
 *       where the operator puts them; a path is resolved ({@code ..} and symbolic links) before it
 *       is compared, and a location outside gets the same answer whether the file exists or not.
 *       Its http(s) locations may not name a loopback, link-local (cloud metadata) or wildcard
 *       address, and are read without following redirects.</li>
 * </ul>
 *
 * <p>Left out: a host name that resolves to a public address when checked and to a private one
 * when read (DNS rebinding) is not caught; site-local (10/8, 192.168/16...) addresses are allowed,
 * since data servers of the tenants' own network live there.
 */
@ApplicationScoped
public class ImportSources {

    @Inject
    Settings settings;
    @Inject
    IamService iam;

    /**
     * The location {@code value} as account {@code accountId} may read it.
     *
     * @throws InvalidInputException if the location is malformed, not the account's to read, or a
     *     file that does not exist
     */
    public DataLocation check(String accountId, String value) {
        DataLocation location = DataLocation.parse(value);
        if (iam.isOperator(accountId)) {
            return location.requireReadable();
        }
        return confine(location, settings.importDir().resolve(accountId), value);
    }

    /** The location if an account whose import directory is {@code accountDir} may read it. */
    static DataLocation confine(DataLocation location, Path accountDir, String value) {
        if (!location.isFile()) {
            requirePublicHost(location.host(), value);
            return location.withoutRedirects();
        }
        Path path = location.path();
        Path dir = accountDir.toAbsolutePath().normalize();
        if (!path.startsWith(dir) || path.equals(dir)) {
            throw outside(value, dir);
        }
        Path real;
        Path realDir;
        try {
            realDir = dir.toRealPath();
            real = path.toRealPath();
        } catch (IOException e) {
            return location.requireReadable();
        }
        if (!real.startsWith(realDir)) {
            throw outside(value, dir);
        }
        return DataLocation.file(real).requireReadable();
    }

    private static void requirePublicHost(String host, String value) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new InvalidInputException("dataSource.dataLocation " + Texts.abbreviate(value) + ": the host "
                    + Texts.abbreviate(host) + " cannot be resolved.");
        }
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                    || address.isMulticastAddress()) {
                throw new InvalidInputException("dataSource.dataLocation " + Texts.abbreviate(value)
                        + " names this server or its link-local network; an account imports from other hosts' "
                        + "http(s) URLs or from its own import directory.");
            }
        }
    }

    private static InvalidInputException outside(String value, Path dir) {
        return new InvalidInputException("dataSource.dataLocation " + Texts.abbreviate(value)
                + " is outside this account's import directory: this server reads an account's files only from "
                + dir + "/ (the operator puts them there), or from an https:// URL.");
    }
}
