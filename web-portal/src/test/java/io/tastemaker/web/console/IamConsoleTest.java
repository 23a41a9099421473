package io.tastemaker.web.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tastemaker.security.iam.Account;
import io.tastemaker.security.iam.AccessKey;
import io.tastemaker.security.iam.IamService;
import io.tastemaker.security.iam.MalformedPolicyDocumentException;
import io.tastemaker.security.policy.PolicyDocument;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The logic of the IAM and Accounts pages that needs no server: where a refused policy document
 * went wrong, what may be done to an account, how an access key is listed, and that typed and
 * shown-once secrets are not kept or printed.
 */
class IamConsoleTest {

    private static final Instant CREATED = Instant.parse("2026-11-28T10:15:30Z");

    @Test
    void aPolicyWithBrokenJsonGetsTheParsersMessageAndACaretUnderThePlace() {
        String document = """
                {
                  "Version": "2012-10-17",
                  "Statement": [
                    {"Effect": "Allow", "Action": "personalize:List*" "Resource": "*"}
                  ]
                }""";
        String message = parserMessage(document);
        assertThat(message).startsWith("Policy document is not valid JSON at line 4, column ");

        ExpressionProblem problem = IamPage.problemOf(message, document);

        assertThat(problem.getMessage()).isEqualTo(message);
        assertThat(problem.isPlaced()).isTrue();
        List<String> pointer = problem.getPointer().lines().toList();
        assertThat(pointer.get(0)).isEqualTo("    {\"Effect\": \"Allow\", \"Action\": \"personalize:List*\" \"Resource\": \"*\"}");
        String token = "\"Resource\"";
        assertThat(pointer.get(1)).as("the caret stands under the end of the token the parser could not take")
                .isEqualTo(" ".repeat(pointer.get(0).indexOf(token) + token.length() - 1) + "^");
    }

    @Test
    void aPolicyRefusedForItsGrammarGetsOnlyTheMessage() {
        String document = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"allow\", \"Action\": \"*\", \"Resource\": \"*\"}]}";
        String message = parserMessage(document);
        assertThat(message).contains("Effect must be Allow or Deny, not 'allow'");

        ExpressionProblem problem = IamPage.problemOf(message, document);

        assertThat(problem.getMessage()).isEqualTo(message);
        assertThat(problem.isPlaced()).isFalse();
        assertThat(IamPage.problemOf("Policy document is not valid JSON at line 9, column 1: x", "{}").isPlaced())
                .as("a line the document does not have").isFalse();
        assertThat(IamPage.problemOf("Policy document is empty", null).isPlaced()).isFalse();
    }

    @Test
    void onlyAnActiveAccountOtherThanTheOperatorsMayBeSuspendedAndOnlyASuspendedOneResumed() {
        AccountRow operator = AccountRow.of(new Account("111122223333", "operator", IamService.ACTIVE, CREATED, true));
        AccountRow tenant = AccountRow.of(new Account("444455556666", "tenant", IamService.ACTIVE, CREATED, false));
        AccountRow suspended = AccountRow.of(new Account("777788889999", "gone", IamService.SUSPENDED, CREATED, false));

        assertThat(operator.isSuspendable()).isFalse();
        assertThat(operator.isResumable()).isFalse();
        assertThat(tenant.isSuspendable()).isTrue();
        assertThat(tenant.isResumable()).isFalse();
        assertThat(suspended.isSuspendable()).isFalse();
        assertThat(suspended.isResumable()).isTrue();
        assertThat(suspended.getStatusStyle()).isEqualTo("failed");
        assertThat(tenant.getCreated()).isEqualTo("2026-11-28 10:15:30 UTC");
    }

    @Test
    void anAccessKeyIsListedWithoutItsSecretAndWithItsLastUseIfThePersonMaySeeIt() {
        AccessKey key = new AccessKey("AKIAEXAMPLEKEY000001", "111122223333", "alice", "sealed-secret", IamService.ACTIVE, CREATED);
        AccessKeyRow unused = AccessKeyRow.of(key, true);
        assertThat(unused.getLastUsed()).isEqualTo(AccessKeyRow.NEVER);
        assertThat(unused.isActive()).isTrue();

        key.setLastUsedAt(CREATED.plusSeconds(60));
        key.setStatus(IamService.INACTIVE);
        AccessKeyRow used = AccessKeyRow.of(key, true);
        assertThat(used.getLastUsed()).isEqualTo("2026-11-28 10:16:30 UTC");
        assertThat(used.isActive()).isFalse();
        assertThat(used.getStatusStyle()).isEqualTo("none");
        assertThat(AccessKeyRow.of(key, false).getLastUsed()).as("without iam:GetAccessKeyLastUsed").isEmpty();
    }

    @Test
    void aTypedPasswordIsReadOnceAndNeverWrittenBack() {
        SecretInput input = new SecretInput();
        input.setValue("Typed-Passw0rd!");
        assertThat(input.getValue()).isNull();
        assertThat(input.take()).containsExactly("Typed-Passw0rd!".toCharArray());
        assertThat(input.take()).as("a second read").isNull();
        input.setValue("");
        assertThat(input.take()).as("an empty field is no password").isNull();
    }

    @Test
    void valuesShownOnceAreNotPrinted() {
        ShownOnce once = new ShownOnce();
        assertThat(once.isPresent()).isFalse();
        ShownOnce.Entry secret = new ShownOnce.Entry("secretAccessKey", "Secret access key", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        once.show("New access key", "Copy it now.", List.of(secret));
        assertThat(once.isPresent()).isTrue();
        assertThat(once.getEntries()).extracting(ShownOnce.Entry::getValue).containsExactly(secret.value());
        assertThat(secret.toString()).doesNotContain(secret.value()).contains("secretAccessKey");
    }

    private static String parserMessage(String document) {
        return catchThrowableOfType(MalformedPolicyDocumentException.class, () -> PolicyDocument.parse(document)).getMessage();
    }
}
