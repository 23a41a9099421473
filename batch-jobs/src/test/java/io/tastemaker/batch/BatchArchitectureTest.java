package io.tastemaker.batch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.inject.Named;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Batch jobs are an edge like the API: they call the domain and nothing calls them. */
class BatchArchitectureTest {

    private static JavaClasses batch;

    @BeforeAll
    static void importClasses() {
        batch = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tastemaker.batch");
    }

    @Test
    void batch_jobs_do_not_depend_on_the_web_edge() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.tastemaker.web..", "jakarta.ws.rs..", "jakarta.faces..")
                .because("jobs run without a request; the web module packages them but they do not know it")
                .check(batch);
    }

    @Test
    void batch_jobs_do_not_touch_the_entity_manager() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "java.sql..")
                .because("jobs change data only through domain services, which own transactions and invariants")
                .check(batch);
    }

    @Test
    void named_batch_artifacts_are_cdi_beans() {
        classes().that().areAnnotatedWith(Named.class).should().beAnnotatedWith(jakarta.enterprise.context.Dependent.class)
                .because("JBatch loads artifacts by CDI name, and @Named alone is not bean-defining in an annotated bean archive")
                .check(batch);
    }
}
