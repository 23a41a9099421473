package io.tastemaker.web.console;

import io.tastemaker.domain.campaign.Campaign;
import io.tastemaker.domain.common.Status;
import java.io.Serializable;

/** A campaign and the solution version it serves. */
public final class CampaignRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String arn;
    private final String status;
    private final String solutionName;
    private final String versionId;
    private final int minProvisionedTps;
    private final String failureReason;
    private final String updateStatus;
    private final String created;
    private final boolean active;

    CampaignRow(String name, String arn, String status, String solutionName, String versionId, int minProvisionedTps, String failureReason, String updateStatus, String created, boolean active) {
        this.name = name;
        this.arn = arn;
        this.status = status;
        this.solutionName = solutionName;
        this.versionId = versionId;
        this.minProvisionedTps = minProvisionedTps;
        this.failureReason = failureReason;
        this.updateStatus = updateStatus;
        this.created = created;
        this.active = active;
    }

    static CampaignRow of(Campaign campaign, String solutionName) {
        return new CampaignRow(campaign.getName(), campaign.getArn(), campaign.getStatus(), solutionName,
                ConsoleFormat.lastSegment(campaign.getSolutionVersionArn()), campaign.getMinProvisionedTps(),
                campaign.getFailureReason(), campaign.getUpdateStatus(), ConsoleFormat.time(campaign.getCreatedAt()),
                Status.ACTIVE.equals(campaign.getStatus()));
    }

    public String getName() {
        return name;
    }

    public String getArn() {
        return arn;
    }

    public String getStatus() {
        return status;
    }

    public String getSolutionName() {
        return solutionName;
    }

    public String getVersionId() {
        return versionId;
    }

    public int getMinProvisionedTps() {
        return minProvisionedTps;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public String getUpdateStatus() {
        return updateStatus;
    }

    public String getCreated() {
        return created;
    }

    public boolean isActive() {
        return active;
    }
}
