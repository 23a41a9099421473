package io.tastemaker.systemtest.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tastemaker.systemtest.support.Clients;
import io.tastemaker.systemtest.support.ConsoleBrowser;
import io.tastemaker.systemtest.support.TastemakerServer;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Password guessing in a real browser: five wrong passwords lock the user, so that the right
 * password is refused too, with the very answer an unknown user gets, until the lock runs out
 * ({@link TastemakerServer#SIGN_IN_LOCKOUT} on the test server); a success in between sets the
 * count back. Each test uses the administrator of an account of its own, never the operator's
 * {@code admin} that the other tests sign in with.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignInLockoutIT {

    private static final int MAX_FAILURES = 5;

    private TastemakerServer server;
    private Clients operator;
    private ConsoleBrowser console;

    @BeforeAll
    void start() throws IOException {
        server = TastemakerServer.shared();
        operator = Clients.of(server);
        console = new ConsoleBrowser(server);
    }

    @AfterAll
    void close() throws IOException {
        try {
            console.close();
        } finally {
            operator.close();
        }
    }

    @Test
    void five_wrong_passwords_lock_the_user_until_the_lock_runs_out() throws InterruptedException {
        Clients.NewAccount account = operator.createAccount(unique("locked"));
        console.open("/login.xhtml");
        String unknownUser = refusal(account.accountId(), "nobody-" + unique("u"), account.adminPassword());

        Instant lastFailure = null;
        for (int i = 1; i <= MAX_FAILURES; i++) {
            assertThat(refusal(account.accountId(), "admin", account.adminPassword() + "-wrong" + i))
                    .as("answer to wrong password %d", i).isEqualTo(unknownUser);
            lastFailure = Instant.now();
        }
        assertThat(refusal(account.accountId(), "admin", account.adminPassword()))
                .as("the right password while locked gets the answer an unknown user gets").isEqualTo(unknownUser);
        assertThat(console.driver().getCurrentUrl()).endsWith("/console/login.xhtml");

        // Another user is not affected by this one's lock.
        Clients.NewAccount other = operator.createAccount(unique("unlocked"));
        signInAndOut(other.accountId(), other.adminPassword());

        Duration untilUnlocked = Duration.between(Instant.now(), lastFailure.plus(TastemakerServer.SIGN_IN_LOCKOUT));
        if (!untilUnlocked.isNegative()) {
            Thread.sleep(untilUnlocked.plusSeconds(1).toMillis());
        }
        signInAndOut(account.accountId(), account.adminPassword());
    }

    @Test
    void a_success_sets_the_count_of_failures_back_to_zero() {
        Clients.NewAccount account = operator.createAccount(unique("reset"));
        console.open("/login.xhtml");
        for (int round = 0; round < 2; round++) {
            for (int i = 1; i < MAX_FAILURES; i++) {
                refusal(account.accountId(), "admin", account.adminPassword() + "-miss" + i);
            }
            // Four failures, then the right password: eight failures in all, but never five in a row.
            signInAndOut(account.accountId(), account.adminPassword());
        }
    }

    /**
     * Signs in (the page must be the sign-in page) and returns the error message of the page that
     * answers. The old page is marked, so the wait is for a new document, not for a node of the old
     * one to go stale (Chromium may report that as an inspector error while it navigates).
     */
    private String refusal(String account, String user, String password) {
        ((JavascriptExecutor) console.driver()).executeScript("window.tmAnswered = false;");
        console.signIn(account, user, password);
        WebDriverWait wait = new WebDriverWait(console.driver(), ConsoleBrowser.UI_TIMEOUT);
        wait.ignoring(WebDriverException.class).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.readyState === 'complete' && typeof window.tmAnswered === 'undefined';")));
        return wait.ignoring(WebDriverException.class).until(d -> {
            List<WebElement> shown = d.findElements(By.cssSelector(".ui-messages-error"));
            return shown.isEmpty() || !shown.get(0).isDisplayed() ? null : shown.get(0).getText().strip();
        });
    }

    /** Signs in successfully, sees the dashboard, signs out and is back on the sign-in page. */
    private void signInAndOut(String account, String password) {
        console.signIn(account, "admin", password);
        new WebDriverWait(console.driver(), ConsoleBrowser.UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/index.xhtml"));
        assertThat(console.driver().findElement(By.id("header:account")).getText()).isNotBlank();
        console.driver().findElement(By.id("header:signOut")).click();
        new WebDriverWait(console.driver(), ConsoleBrowser.UI_TIMEOUT).until(ExpectedConditions.urlContains("/console/login.xhtml"));
        console.waitFor(By.id("login:submit"));
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
    }
}
