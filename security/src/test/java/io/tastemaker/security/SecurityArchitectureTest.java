package io.tastemaker.security;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

@AnalyzeClasses(packages = "io.tastemaker.security",
        importOptions = ImportOption.DoNotIncludeTests.class)
class SecurityArchitectureTest {

    private static final String SECURITY = "io.tastemaker.security..";

    @ArchTest
    static final ArchRule security_does_not_depend_on_the_domain = noClasses()
            .that().resideInAPackage(SECURITY)
            .should().dependOnClassesThat().resideInAPackage("io.tastemaker.domain..")
            .because("the domain calls security to authenticate callers, never the other way round, "
                    + "so security can be built and tested without it");

    @ArchTest
    static final ArchRule security_does_not_depend_on_the_web_layer = noClasses()
            .that().resideInAPackage(SECURITY)
            .should().dependOnClassesThat().resideInAPackage("io.tastemaker.web..")
            .because("the web layer adapts HTTP requests to security's types; security knows no "
                    + "resource, filter or console bean");

    @ArchTest
    static final ArchRule security_does_not_depend_on_batch_jobs = noClasses()
            .that().resideInAPackage(SECURITY)
            .should().dependOnClassesThat().resideInAPackage("io.tastemaker.batch..")
            .because("batch jobs run as an already authenticated account and need nothing back "
                    + "from security's internals");

    @ArchTest
    static final ArchRule security_does_not_depend_on_jax_rs = noClasses()
            .that().resideInAPackage(SECURITY)
            .should().dependOnClassesThat().resideInAPackage("jakarta.ws.rs..")
            .because("signatures are verified on a plain SignedRequest, so the same code serves "
                    + "JAX-RS, servlets, tests and scripts; the JAX-RS filter lives in the web module");

    @ArchTest
    static final ArchRule security_does_not_depend_on_faces = noClasses()
            .that().resideInAPackage(SECURITY)
            .should().dependOnClassesThat().resideInAPackage("jakarta.faces..")
            .because("the console's sign-in page calls security, not the reverse");

    @ArchTest
    static final ArchRule security_does_not_depend_on_jakarta_batch = noClasses()
            .that().resideInAPackage(SECURITY)
            .should().dependOnClassesThat().resideInAPackage("jakarta.batch..")
            .because("security has no jobs and steps must not reach into it through the batch API");

    @ArchTest
    static final ArchRule the_cryptographic_packages_are_plain_java = noClasses()
            .that().resideInAnyPackage("io.tastemaker.security.sigv4..",
                    "io.tastemaker.security.password..", "io.tastemaker.security.crypto..",
                    "io.tastemaker.security.accesskey..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "org.eclipse..")
            .because("SigV4, hashing and sealing run in unit tests, launcher scripts and the server "
                    + "alike, without a container");

    @ArchTest
    static final ArchRule the_policy_engine_needs_no_container = noClasses()
            .that().resideInAPackage("io.tastemaker.security.policy..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "jakarta.enterprise..",
                    "jakarta.inject..", "jakarta.ejb..", "jakarta.transaction..", "org.eclipse..")
            .because("policies are parsed and evaluated in the API, the console, jobs and unit tests alike; "
                    + "JSON-P is the engine's only Jakarta dependency");

    @ArchTest
    static final ArchRule security_writes_nothing_to_standard_streams = noClasses()
            .that().resideOutsideOfPackage("io.tastemaker.security.cli..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("server code logs through the container, never to System.out or System.err; "
                    + "only the operator's command line prints");
}
