package io.tastemaker.domain.campaign;

import io.tastemaker.domain.common.Arns;
import io.tastemaker.domain.common.Names;
import io.tastemaker.domain.common.Page;
import io.tastemaker.domain.common.PageRequest;
import io.tastemaker.domain.common.ResourceType;
import io.tastemaker.domain.common.Status;
import io.tastemaker.domain.error.InvalidInputException;
import io.tastemaker.domain.error.ResourceAlreadyExistsException;
import io.tastemaker.domain.error.ResourceInUseException;
import io.tastemaker.domain.error.ResourceNotFoundException;
import io.tastemaker.domain.solution.Solution;
import io.tastemaker.domain.solution.SolutionService;
import io.tastemaker.domain.solution.SolutionVersion;
import io.tastemaker.domain.solution.SolutionVersionActivated;
import io.tastemaker.domain.solution.SolutionVersionService;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;

/**
 * Campaigns: a solution version deployed for real-time recommendations. Create and update are
 * asynchronous (CREATE PENDING → CREATE IN_PROGRESS → ACTIVE; an update runs as
 * latestCampaignUpdate while the current version keeps serving).
 */
@Stateless
public class CampaignService {

    private static final Logger LOG = Logger.getLogger(CampaignService.class.getName());

    private static final int MAX_TPS = 100_000;

    @PersistenceContext
    EntityManager em;
    @Inject
    Arns arns;
    @Inject
    Clock clock;
    @Inject
    SolutionService solutions;
    @Inject
    SolutionVersionService versions;
    @Inject
    Event<CampaignDeployRequested> deploy;

    public Campaign create(String accountId, String name, String solutionVersionArn, Integer minProvisionedTps,
                           String campaignConfigJson) {
        Names.require("name", name);
        CampaignSettings settings = CampaignSettings.parse(campaignConfigJson);
        requireLatestIfSynced(settings, solutionVersionArn);
        SolutionVersion version = resolveVersion(accountId, Arns.require("solutionVersionArn", solutionVersionArn));
        requireExplorationRecipe(accountId, settings, version);
        int tps = tps(minProvisionedTps);
        String arn = arns.of(accountId, ResourceType.CAMPAIGN, name);
        if (em.find(Campaign.class, arn) != null) {
            throw new ResourceAlreadyExistsException("A campaign with the name " + name + " already exists.");
        }
        Instant now = clock.instant();
        Campaign campaign = new Campaign(arn, accountId, name, version.getArn(), tps, campaignConfigJson, Status.CREATE_PENDING,
                now, now);
        em.persist(campaign);
        em.flush();
        deploy.fire(new CampaignDeployRequested(arn));
        return campaign;
    }

    public Campaign update(String accountId, String campaignArn, String solutionVersionArn, Integer minProvisionedTps,
                           String campaignConfigJson) {
        if (solutionVersionArn != null) {
            Arns.require("solutionVersionArn", solutionVersionArn);
        }
        Campaign campaign = find(accountId, campaignArn);
        if (!Status.ACTIVE.equals(campaign.getStatus())
                || (campaign.getUpdateStatus() != null && Status.inProgress(campaign.getUpdateStatus()))) {
            throw new ResourceInUseException("Campaign " + campaignArn + " is " + campaign.getStatus()
                    + (campaign.getUpdateStatus() == null ? "" : " (update " + campaign.getUpdateStatus() + ")")
                    + "; wait until it is ACTIVE.");
        }
        if (campaignConfigJson != null) {
            CampaignSettings settings = CampaignSettings.parse(campaignConfigJson);
            if (solutionVersionArn != null) {
                requireLatestIfSynced(settings, solutionVersionArn);
            }
        }
        String versionArn = solutionVersionArn == null ? campaign.getSolutionVersionArn()
                : resolveVersion(accountId, Arns.require("solutionVersionArn", solutionVersionArn)).getArn();
        if (campaignConfigJson != null) {
            requireExplorationRecipe(accountId, CampaignSettings.parse(campaignConfigJson), versions.find(accountId, versionArn));
        }
        Instant now = clock.instant();
        campaign.setPendingVersionArn(versionArn);
        campaign.setPendingMinTps(minProvisionedTps == null ? campaign.getMinProvisionedTps() : tps(minProvisionedTps));
        campaign.setPendingConfig(campaignConfigJson == null ? campaign.getCampaignConfig() : campaignConfigJson);
        campaign.setUpdateStatus(Status.CREATE_PENDING);
        campaign.setUpdateFailure(null);
        campaign.setUpdateCreatedAt(now);
        campaign.setUpdateUpdatedAt(now);
        campaign.setUpdatedAt(now);
        deploy.fire(new CampaignDeployRequested(campaign.getArn()));
        return campaign;
    }

    public Campaign find(String accountId, String arn) {
        Campaign campaign = em.find(Campaign.class, Arns.require("campaignArn", arn));
        if (campaign == null || !campaign.getAccountId().equals(accountId)) {
            throw new ResourceNotFoundException("Could not find resource: " + arn);
        }
        return campaign;
    }

    public Page<Campaign> list(String accountId, String solutionArn, PageRequest page) {
        if (solutionArn != null) {
            solutions.find(accountId, Arns.require("solutionArn", solutionArn));
        }
        return Page.of(em.createQuery("select c from Campaign c where c.accountId = :a and (:s is null or exists"
                        + " (select v from SolutionVersion v where v.arn = c.solutionVersionArn and v.solutionArn = :s))"
                        + " order by c.createdAt desc, c.arn", Campaign.class)
                .setParameter("a", accountId).setParameter("s", solutionArn)
                .setFirstResult(page.offset()).setMaxResults(page.maxResults() + 1).getResultList(), page);
    }

    public void delete(String accountId, String arn) {
        Campaign campaign = find(accountId, arn);
        if (Status.inProgress(campaign.getStatus())) {
            throw new ResourceInUseException("Campaign " + arn + " is " + campaign.getStatus() + "; wait until it is ACTIVE.");
        }
        em.remove(campaign);
    }

    /** An ACTIVE campaign that can serve, for the runtime API. */
    public Campaign serving(String accountId, String arn) {
        Campaign campaign = find(accountId, arn);
        if (!Status.ACTIVE.equals(campaign.getStatus())) {
            throw new ResourceNotFoundException("Campaign " + arn + " is " + campaign.getStatus() + ", not ACTIVE.");
        }
        return campaign;
    }

    // ---- used by the deployer ----

    /** Marks the deployment under way and returns the solution version to load. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public String beginDeployment(String arn) {
        Campaign campaign = em.find(Campaign.class, arn);
        if (campaign == null) {
            throw new ResourceNotFoundException("Campaign " + arn + " was deleted before it deployed.");
        }
        if (campaign.getUpdateStatus() != null && Status.inProgress(campaign.getUpdateStatus())) {
            campaign.setUpdateStatus(Status.CREATE_IN_PROGRESS);
            campaign.setUpdateUpdatedAt(clock.instant());
            return campaign.getPendingVersionArn();
        }
        campaign.setStatus(Status.CREATE_IN_PROGRESS);
        campaign.setUpdatedAt(clock.instant());
        return campaign.getSolutionVersionArn();
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void deployed(String arn, String versionArn) {
        Campaign campaign = em.find(Campaign.class, arn);
        if (campaign == null) {
            return;
        }
        Instant now = clock.instant();
        if (campaign.getUpdateStatus() != null && Status.inProgress(campaign.getUpdateStatus())) {
            campaign.setSolutionVersionArn(versionArn);
            campaign.setMinProvisionedTps(campaign.getPendingMinTps());
            campaign.setCampaignConfig(campaign.getPendingConfig());
            campaign.setUpdateStatus(Status.ACTIVE);
            campaign.setUpdateUpdatedAt(now);
        } else {
            campaign.setStatus(Status.ACTIVE);
        }
        campaign.setUpdatedAt(now);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void deploymentFailed(String arn, String reason) {
        Campaign campaign = em.find(Campaign.class, arn);
        if (campaign == null) {
            return;
        }
        String text = reason == null ? "The model could not be loaded." : reason;
        if (campaign.getUpdateStatus() != null && Status.inProgress(campaign.getUpdateStatus())) {
            campaign.setUpdateStatus(Status.CREATE_FAILED);
            campaign.setUpdateFailure(text);
            campaign.setUpdateUpdatedAt(clock.instant());
        } else {
            campaign.setStatus(Status.CREATE_FAILED);
            campaign.setFailureReason(text);
        }
        campaign.setUpdatedAt(clock.instant());
    }

    /** Recipes whose campaigns take {@code itemExplorationConfig}, as Personalize's User-Personalization. */
    static final java.util.Set<String> EXPLORING_RECIPES = java.util.Set.of("aws-user-personalization",
            "aws-user-personalization-v2");

    /** {@code itemExplorationConfig} is for User-Personalization campaigns only. */
    private void requireExplorationRecipe(String accountId, CampaignSettings settings, SolutionVersion version) {
        if (settings.exploration() == null) {
            return;
        }
        String recipeArn = solutions.find(accountId, version.getSolutionArn()).getRecipeArn();
        String recipe = recipeArn.substring(recipeArn.lastIndexOf('/') + 1);
        if (!EXPLORING_RECIPES.contains(recipe)) {
            throw new InvalidInputException("campaignConfig.itemExplorationConfig is for campaigns of "
                    + "aws-user-personalization and aws-user-personalization-v2; solution version " + version.getArn()
                    + " was trained with " + recipe + ". Send the campaign without it.");
        }
    }

    /** Personalize requires {@code <solutionArn>/$LATEST} with syncWithLatestSolutionVersion. */
    private static void requireLatestIfSynced(CampaignSettings settings, String solutionVersionArn) {
        if (settings.syncWithLatestSolutionVersion() && (solutionVersionArn == null || !solutionVersionArn.endsWith("/$LATEST"))) {
            throw new InvalidInputException("campaignConfig.syncWithLatestSolutionVersion needs solutionVersionArn "
                    + "<solutionArn>/$LATEST, got " + solutionVersionArn + ".");
        }
    }

    /**
     * Moves every campaign that follows the solution ({@code syncWithLatestSolutionVersion}) to its
     * new ACTIVE version, as an UpdateCampaign would: the new model loads, then the campaign
     * switches, so no request fails in between. A campaign that is busy (being created or updated)
     * is left on its version and logged; the next new version moves it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    /** The solution versions that ACTIVE campaigns serve. */
    public java.util.Set<String> deployedVersions() {
        return new java.util.HashSet<>(em.createQuery("select c.solutionVersionArn from Campaign c where c.status = :st",
                String.class).setParameter("st", Status.ACTIVE).getResultList());
    }

    public void followNewVersion(SolutionVersionActivated activated) {
        List<Campaign> following = em.createQuery("select c from Campaign c where c.accountId = :a and exists"
                        + " (select v from SolutionVersion v where v.arn = c.solutionVersionArn and v.solutionArn = :s)",
                        Campaign.class)
                .setParameter("a", activated.accountId()).setParameter("s", activated.solutionArn()).getResultList();
        SolutionVersion version = em.find(SolutionVersion.class, activated.solutionVersionArn());
        String replaces = version != null && SolutionVersion.AUTOMATIC.equals(version.getTrainingType())
                ? version.getBaseVersionArn() : null;
        for (Campaign campaign : following) {
            // An automatic update replaces the version it was built from wherever it is deployed, as
            // Personalize updates a deployed model; anything else moves only campaigns that follow.
            boolean follows = CampaignSettings.parse(campaign.getCampaignConfig()).syncWithLatestSolutionVersion()
                    || campaign.getSolutionVersionArn().equals(replaces);
            if (!follows || campaign.getSolutionVersionArn().equals(activated.solutionVersionArn())) {
                continue;
            }
            if (!Status.ACTIVE.equals(campaign.getStatus())
                    || campaign.getUpdateStatus() != null && Status.inProgress(campaign.getUpdateStatus())) {
                LOG.warning(() -> "Campaign " + campaign.getArn() + " is busy; it stays on "
                        + campaign.getSolutionVersionArn() + " instead of " + activated.solutionVersionArn());
                continue;
            }
            Instant now = clock.instant();
            campaign.setPendingVersionArn(activated.solutionVersionArn());
            campaign.setPendingMinTps(campaign.getMinProvisionedTps());
            campaign.setPendingConfig(campaign.getCampaignConfig());
            campaign.setUpdateStatus(Status.CREATE_PENDING);
            campaign.setUpdateFailure(null);
            campaign.setUpdateCreatedAt(now);
            campaign.setUpdateUpdatedAt(now);
            campaign.setUpdatedAt(now);
            deploy.fire(new CampaignDeployRequested(campaign.getArn()));
        }
    }

    private SolutionVersion resolveVersion(String accountId, String arn) {
        SolutionVersion version;
        if (arn.endsWith("/$LATEST")) {
            Solution solution = solutions.find(accountId, arn.substring(0, arn.length() - "/$LATEST".length()));
            version = solutions.latestVersion(solution.getArn())
                    .orElseThrow(() -> new ResourceNotFoundException("Solution " + solution.getArn() + " has no solution version."));
        } else {
            version = versions.find(accountId, arn);
        }
        if (!Status.ACTIVE.equals(version.getStatus())) {
            throw new ResourceInUseException("Solution version " + version.getArn() + " is " + version.getStatus()
                    + "; a campaign needs an ACTIVE solution version.");
        }
        return version;
    }

    private static int tps(Integer value) {
        int tps = value == null ? 1 : value;
        if (tps < 1 || tps > MAX_TPS) {
            throw new InvalidInputException("1 validation error detected: Value '" + tps
                    + "' at 'minProvisionedTPS' failed to satisfy constraint: Member must have value greater than or equal to 1");
        }
        return tps;
    }
}
