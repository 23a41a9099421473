package io.tastemaker.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The layers of DESIGN.md §2, as rules that fail the build. */
class DomainArchitectureTest {

    private static JavaClasses domain;

    @BeforeAll
    static void importClasses() {
        domain = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.tastemaker.domain");
    }

    @Test
    void domain_does_not_depend_on_jax_rs_jsf_or_batch() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("jakarta.ws.rs..", "jakarta.faces..", "jakarta.batch..",
                        "jakarta.servlet..", "org.primefaces..")
                .because("the domain is called by the API, the console and the jobs alike, and knows none of them")
                .check(domain);
    }

    @Test
    void domain_does_not_depend_on_the_edges() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("io.tastemaker.web..", "io.tastemaker.batch..")
                .because("web-portal and batch-jobs depend on the domain, never the other way round (DESIGN.md §2)")
                .check(domain);
    }

    @Test
    void domain_does_not_use_hibernate_apis() {
        noClasses().that().doNotHaveFullyQualifiedName("io.tastemaker.domain.persistence.Jdbc")
                .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..")
                .because("Hibernate is the JPA provider at run time; the domain is written against jakarta.persistence, "
                        + "but for the one adapter that shares the session's connection with JDBC")
                .check(domain);
    }

    @Test
    void only_the_error_package_defines_personalize_errors() {
        noClasses().that().resideOutsideOfPackage("io.tastemaker.domain.error..")
                .should().beAssignableTo(io.tastemaker.domain.error.PersonalizeException.class)
                .because("there is one error vocabulary, named after Personalize's errors")
                .check(domain);
    }

    @Test
    void domain_does_not_write_to_standard_streams() {
        noClasses().should().accessField(System.class, "out").orShould().accessField(System.class, "err")
                .because("server code logs through java.util.logging, never System.out")
                .check(domain);
    }
}
