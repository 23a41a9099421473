package io.tastemaker.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tastemaker.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class NamesAndArnsTest {

    @Test
    void acceptsPersonalizeNamesAndRefusesOthersNamingTheMember() {
        assertThat(Names.require("name", "movies-2024_v1")).isEqualTo("movies-2024_v1");
        assertThatThrownBy(() -> Names.require("name", "bad name!")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'name'").hasMessageContaining("regular expression");
        assertThatThrownBy(() -> Names.require("name", "-starts-with-dash")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Names.require("name", "x".repeat(64))).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("length");
        assertThatThrownBy(() -> Names.require("jobName", null)).hasMessageContaining("'jobName'");
    }

    @Test
    void anOptionalRoleArnMustBeAnIamRoleArn() {
        assertThat(Arns.requireRoleOrNull("roleArn", null)).isNull();
        assertThat(Arns.requireRoleOrNull("roleArn", "arn:aws:iam::123456789012:role/PersonalizeRole"))
                .endsWith("role/PersonalizeRole");
        for (String bad : new String[] {"' OR '1'='1", "arn:aws:iam::123456789012:user/bob",
                "arn:aws:personalize:us-east-1:123456789012:campaign/c", "arn:aws:iam::1234:role/r"}) {
            assertThatThrownBy(() -> Arns.requireRoleOrNull("roleArn", bad)).as(bad)
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("'roleArn'");
        }
    }

    @Test
    void buildsArnsInPersonalizeFormat() {
        Arns arns = new Arns("aws", "eu-west-1");
        assertThat(arns.of("123456789012", ResourceType.DATASET_GROUP, "shop"))
                .isEqualTo("arn:aws:personalize:eu-west-1:123456789012:dataset-group/shop");
        assertThat(Arns.require("campaignArn", "arn:aws:personalize:us-east-1:123456789012:campaign/c"))
                .endsWith("campaign/c");
        assertThatThrownBy(() -> Arns.require("campaignArn", "arn:aws:s3:::bucket")).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("'campaignArn'");
    }

    @Test
    void echoedValuesAreShortAndPrintable() {
        assertThat(Texts.abbreviate("a\nb")).isEqualTo("a?b");
        assertThat(Texts.abbreviate("y".repeat(500))).hasSize(83).endsWith("...");
    }
}
