package io.tastemaker.engine.tuning;

/**
 * Personalize's {@code solutionConfig.hpoConfig}: what a hyperparameter search optimises, how many
 * models it may train, and over which ranges. Every member is optional in Personalize; here an
 * absent ({@code null}) member takes its default.
 *
 * @param hpoObjective the metric and direction; default {@link HpoObjective#DEFAULT} (maximise
 *     nDCG at 10)
 * @param hpoResourceConfig the number of trials; default {@link HpoResourceConfig#DEFAULT}
 * @param algorithmHyperParameterRanges the searched ranges; default (and when empty) the recipe's
 *     default ranges, {@link DefaultRanges#forRecipe(String)}
 */
public record HpoConfig(HpoObjective hpoObjective, HpoResourceConfig hpoResourceConfig,
        HyperParameterRanges algorithmHyperParameterRanges) {

    /** Every member at its default. */
    public static final HpoConfig DEFAULT = new HpoConfig(null, null, null);

    /** Replaces absent members by their defaults. */
    public HpoConfig {
        hpoObjective = hpoObjective == null ? HpoObjective.DEFAULT : hpoObjective;
        hpoResourceConfig = hpoResourceConfig == null ? HpoResourceConfig.DEFAULT : hpoResourceConfig;
        algorithmHyperParameterRanges = algorithmHyperParameterRanges == null ? HyperParameterRanges.EMPTY
                : algorithmHyperParameterRanges;
    }
}
