package io.tastemaker.domain.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's configuration, read through MicroProfile Config (so each key may also be given as
 * an environment variable: {@code tastemaker.data.dir} as {@code TASTEMAKER_DATA_DIR}).
 *
 * <ul>
 *   <li>{@code tastemaker.data.dir} (default {@code ./data}): where the embedded database, the
 *       master key, staged files and reports live.</li>
 *   <li>{@code tastemaker.import.dir} (default {@code <data dir>/imports}): where accounts other
 *       than the operator's keep the files they import, each in {@code <import dir>/<account id>/}
 *       (see {@link io.tastemaker.domain.datasetimport.ImportSources}).</li>
 *   <li>{@code tastemaker.partition} (default {@code aws}) and {@code tastemaker.region}
 *       (default {@code us-east-1}): the partition and region in every ARN. The defaults match
 *       the AWS SDKs' defaults so that clients need only an endpoint override.</li>
 * </ul>
 */
@ApplicationScoped
public class Settings {

    /** The partition and region are checked once, at start-up. */

    @Inject
    @ConfigProperty(name = "tastemaker.data.dir", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "tastemaker.import.dir")
    Optional<String> importDir;

    @Inject
    @ConfigProperty(name = "tastemaker.partition", defaultValue = "aws")
    String partition;

    @Inject
    @ConfigProperty(name = "tastemaker.region", defaultValue = "us-east-1")
    String region;

    public Path dataDir() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    /** The directory that holds one import directory per account, absolute and normalized. */
    public Path importDir() {
        return importDir.filter(dir -> !dir.isBlank()).map(Path::of).orElse(dataDir().resolve("imports"))
                .toAbsolutePath().normalize();
    }

    @Produces
    @Singleton
    Arns arns() {
        if (!partition.matches("[a-z\\d-]+") || !region.matches("[a-z\\d-]+")) {
            throw new IllegalStateException("tastemaker.partition and tastemaker.region must match [a-z0-9-]+, got '"
                    + partition + "' and '" + region + "'");
        }
        return new Arns(partition, region);
    }
}
