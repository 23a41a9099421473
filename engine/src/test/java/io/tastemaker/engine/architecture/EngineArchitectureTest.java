package io.tastemaker.engine.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

@AnalyzeClasses(packages = "io.tastemaker.engine", importOptions = ImportOption.DoNotIncludeTests.class)
class EngineArchitectureTest {

    @ArchTest
    static final ArchRule engine_does_not_depend_on_jakarta_ee =
            noClasses().that().resideInAPackage("io.tastemaker.engine..")
                    .should().dependOnClassesThat().resideInAPackage("jakarta..")
                    .because("the engine is plain Java that trains and scores outside any container "
                            + "(batch jobs, benchmarks, tests), so it must not need one");

    @ArchTest
    static final ArchRule engine_does_not_depend_on_other_tastemaker_modules =
            noClasses().that().resideInAPackage("io.tastemaker.engine..")
                    .should().dependOnClassesThat().resideInAnyPackage("io.tastemaker.domain..",
                            "io.tastemaker.security..", "io.tastemaker.web..", "io.tastemaker.batch..")
                    .because("the other modules build on the engine; a dependency back would make a cycle and "
                            + "pull persistence, security and HTTP into the algorithms");

    @ArchTest
    static final ArchRule engine_does_not_read_the_wall_clock =
            noClasses().that().resideInAPackage("io.tastemaker.engine..")
                    .should().callMethodWhere(readsTheClock())
                    .because("time is data: training must be reproducible from (data, hyperparameters, seed), "
                            + "so timestamps come from the interactions or from an injected Clock");

    @ArchTest
    static final ArchRule engine_uses_only_seeded_randomness =
            noClasses().that().resideInAPackage("io.tastemaker.engine..")
                    .should().callConstructor(Random.class)
                    .orShould().callConstructor(SplittableRandom.class)
                    .orShould().callMethod(Math.class, "random")
                    .orShould().callMethod(ThreadLocalRandom.class, "current")
                    .because("every random choice must replay from the seed in the training configuration");

    @ArchTest
    static final ArchRule engine_names_charset_and_locale =
            noClasses().that().resideInAPackage("io.tastemaker.engine..")
                    .should().callMethod(String.class, "getBytes")
                    .orShould().callConstructor(String.class, byte[].class)
                    .orShould().callMethod(String.class, "toLowerCase")
                    .orShould().callMethod(String.class, "toUpperCase")
                    .orShould().callMethod(String.class, "format", String.class, Object[].class)
                    .because("the default charset and locale differ between machines; artifacts and ids must "
                            + "not (use UTF-8 and Locale.ROOT explicitly)");

    @ArchTest
    static final ArchRule engine_does_not_write_to_standard_streams =
            GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
                    .because("the engine runs inside the application server, where the caller decides what "
                            + "is logged");

    private static DescribedPredicate<JavaCall<?>> readsTheClock() {
        return DescribedPredicate.describe("a read of the wall clock", call -> {
            String owner = call.getTargetOwner().getName();
            String method = call.getName();
            return owner.equals(System.class.getName()) && (method.equals("currentTimeMillis") || method.equals("nanoTime"))
                    || call.getTargetOwner().getPackageName().equals("java.time")
                            && (method.equals("now") || method.startsWith("system"));
        });
    }
}
