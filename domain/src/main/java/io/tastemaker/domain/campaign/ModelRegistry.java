package io.tastemaker.domain.campaign;

import io.tastemaker.domain.encryption.DataEncryption;
import io.tastemaker.domain.solution.ModelStore;
import io.tastemaker.engine.recipe.ModelCodec;
import io.tastemaker.engine.recipe.TrainedModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The models that campaigns serve, in memory, by solution version ARN. A model is decoded once
 * (when its campaign deploys, or on the first request after a restart) and shared by every
 * campaign that serves the same version.
 *
 * <p>A model of a dataset group encrypted at rest is decrypted once, when it is loaded; each
 * request then only checks, from {@link DataEncryption}'s cache, that the group's KMS key is
 * still usable, so that disabling the key stops the group's campaigns.
 */
@ApplicationScoped
public class ModelRegistry {

    @Inject
    ModelStore store;
    @Inject
    DataEncryption encryption;

    private final ConcurrentMap<String, TrainedModel> models = new ConcurrentHashMap<>();

    /**
     * The model of a solution version.
     *
     * @throws io.tastemaker.domain.error.AccessDeniedException when its dataset group is encrypted
     *                                                          under a KMS key that is not usable
     */
    public TrainedModel get(String solutionVersionArn) {
        encryption.forSolutionVersion(solutionVersionArn);
        return models.computeIfAbsent(solutionVersionArn, this::load);
    }

    public void evict(String solutionVersionArn) {
        models.remove(solutionVersionArn);
    }

    private TrainedModel load(String solutionVersionArn) {
        byte[] bytes = store.load(solutionVersionArn).orElseThrow(() ->
                new IllegalStateException("The model of " + solutionVersionArn + " is missing from the database."));
        try {
            return ModelCodec.read(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException("The model of " + solutionVersionArn + " cannot be read: " + e.getMessage(), e);
        }
    }
}
