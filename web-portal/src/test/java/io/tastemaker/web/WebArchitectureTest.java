package io.tastemaker.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Thin edges: the API and the console parse, call the domain, and format. */
class WebArchitectureTest {

    private static JavaClasses web;

    @BeforeAll
    static void importClasses() {
        web = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tastemaker.web");
    }

    @Test
    void the_edges_do_not_touch_the_database() {
        noClasses().that().resideOutsideOfPackage("io.tastemaker.web.startup..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "java.sql..", "javax.sql..")
                .because("resources and console beans call domain services, which own transactions (CONVENTIONS.md #2)")
                .check(web);
    }

    @Test
    void the_edges_do_not_start_batch_jobs() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.batch..", "io.tastemaker.batch..")
                .because("jobs are started by the domain's events, not by a request")
                .check(web);
    }

    @Test
    void the_edges_do_not_use_the_engine_directly() {
        noClasses().that().resideOutsideOfPackage("io.tastemaker.web.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tastemaker.engine.data..", "io.tastemaker.engine.evaluation..")
                .because("training and evaluation go through the domain's solution services")
                .check(web);
    }

    @Test
    void the_api_does_not_depend_on_the_console() {
        noClasses().that().resideInAPackage("io.tastemaker.web.api..")
                .should().dependOnClassesThat().resideInAnyPackage("io.tastemaker.web.console..", "jakarta.faces..")
                .because("the API and the console are two edges over the same domain")
                .check(web);
    }

    @Test
    void server_code_does_not_write_to_standard_streams() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("server code logs through java.util.logging")
                .check(web);
    }
}
