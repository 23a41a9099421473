/**
 * The console: JSF (PrimeFaces) pages under {@code /console} where a person signs in with an
 * account, a user name and a password and looks after what the API creates.
 *
 * <p>What it does: sign-in and sign-out ({@link io.tastemaker.web.console.SignInPage},
 * {@link io.tastemaker.web.console.ConsoleSession}); the dashboard of dataset groups, where a
 * group can be created ({@link io.tastemaker.web.console.DashboardPage}); and the page of one
 * dataset group ({@link io.tastemaker.web.console.GroupPage}): its datasets with their schema and
 * published row count, the import jobs with their counts and kept rejected rows, a form to start
 * an import, the solutions with their versions and offline metrics, the campaigns, and a panel
 * that asks a campaign for recommendations (with a filter and its values, a context, a promotion
 * and item metadata columns; each item shows its score, promotion, reason and metadata); the audit trail ({@link
 * io.tastemaker.web.console.AuditPage}: search, export through {@link
 * io.tastemaker.web.console.AuditExportServlet}, chain verification); IAM of the signed-in account
 * ({@link io.tastemaker.web.console.IamPage}, {@link io.tastemaker.web.console.IamUserPage},
 * {@link io.tastemaker.web.console.IamGroupPage}): users, console passwords, access keys, groups,
 * managed and inline policies; and the operator's accounts
 * ({@link io.tastemaker.web.console.AccountsPage}). Every action that changes something, and every
 * sign-in and sign-out, is recorded through {@link io.tastemaker.web.console.ConsoleAudit}.
 *
 * <p>Invariants:
 * <ul>
 *   <li>Every page but the sign-in page needs a signed-in session; {@link
 *       io.tastemaker.web.console.ConsoleFilter} redirects everything else to it. The session id
 *       changes on sign-in (against session fixation) and the session ends on sign-out.</li>
 *   <li>The console has no logic of its own: a bean parses the form, calls the same domain
 *       service as the API with the signed-in account, and formats the answer. It never touches
 *       an {@code EntityManager}. A domain error's message is shown to the person as it is.</li>
 *   <li>Entities do not outlive a request in a bean: pages copy what they show into small
 *       serializable rows ({@code *Row}), formatted with {@link io.tastemaker.web.console.ConsoleFormat}.</li>
 *   <li>A failed sign-in says only that it failed, never whether the account or the user exists
 *       or is locked after too many failures (IAM's {@code SignInLockout}).</li>
 *   <li>Forms are safe against forgery: state is saved on the server, so a form's
 *       {@code jakarta.faces.ViewState} is a random id that only this session knows, and a post
 *       with an unknown one is refused with 403 before anything is applied
 *       ({@link io.tastemaker.web.console.ConsoleExceptionHandlerFactory}); no page changes
 *       anything on GET. The session cookie is {@code Secure}, {@code HttpOnly} and
 *       {@code SameSite=Strict}; the security headers are {@code io.tastemaker.web.edge}'s.</li>
 *   <li>Console actions are authorised by {@link io.tastemaker.web.console.ConsoleAccess} with the
 *       API's action names and resource ARNs ({@code iam:CreateUser} on the new user's ARN,
 *       {@code tastemaker:CreateAccount} on {@code *}, {@code personalize:CreateFilter} on the new
 *       filter's ARN, {@code kms:DisableKey} on the key's), on every page including what a page reads
 *       ({@code personalize:ListDatasetGroups}, {@code kms:ListKeys}, ...); a refusal shows AWS's
 *       AccessDenied message and changes nothing.</li>
 *   <li>Secrets are shown once and kept nowhere: a typed password lives in the request-scoped
 *       {@link io.tastemaker.web.console.SecretInput}, a new secret access key or account password
 *       in the request-scoped {@link io.tastemaker.web.console.ShownOnce}; neither is in a page's
 *       view state, written back into a field, or logged.</li>
 * </ul>
 *
 * <p>Left out for now: IAM roles, editing a managed policy (a changed policy is a new policy) and
 * adding inline policies (PutUserPolicy over the API does that), schemas and datasets created from
 * the console (the API does that), event trackers, batch jobs, deleting resources, usage and
 * invoices.
 */
package io.tastemaker.web.console;
