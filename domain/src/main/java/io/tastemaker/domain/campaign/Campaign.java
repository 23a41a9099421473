package io.tastemaker.domain.campaign;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A campaign: a solution version deployed for real-time recommendations. */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    private String arn;
    @Column(name = "account_id", nullable = false, updatable = false)
    private String accountId;
    @Column(name = "name", nullable = false, updatable = false)
    private String name;
    @Column(name = "solution_version_arn", nullable = false)
    private String solutionVersionArn;
    @Column(name = "min_provisioned_tps", nullable = false)
    private int minProvisionedTps;
    @Column(name = "campaign_config")
    private String campaignConfig;
    @Column(name = "status", nullable = false)
    private String status;
    @Column(name = "failure_reason")
    private String failureReason;
    @Column(name = "pending_version_arn")
    private String pendingVersionArn;
    @Column(name = "pending_min_tps")
    private Integer pendingMinTps;
    @Column(name = "pending_config")
    private String pendingConfig;
    @Column(name = "update_status")
    private String updateStatus;
    @Column(name = "update_failure")
    private String updateFailure;
    @Column(name = "update_created_at")
    private Instant updateCreatedAt;
    @Column(name = "update_updated_at")
    private Instant updateUpdatedAt;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Campaign() {
    }

    public Campaign(String arn, String accountId, String name, String solutionVersionArn, int minProvisionedTps, String campaignConfig, String status, Instant createdAt, Instant updatedAt) {
        this.arn = arn;
        this.accountId = accountId;
        this.name = name;
        this.solutionVersionArn = solutionVersionArn;
        this.minProvisionedTps = minProvisionedTps;
        this.campaignConfig = campaignConfig;
        this.status = status;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    public String getArn() {
        return arn;
    }

    public String getAccountId() {
        return accountId;
    }

    public String getName() {
        return name;
    }

    public String getSolutionVersionArn() {
        return solutionVersionArn;
    }

    public int getMinProvisionedTps() {
        return minProvisionedTps;
    }

    public String getCampaignConfig() {
        return campaignConfig;
    }

    public String getStatus() {
        return status;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public String getPendingVersionArn() {
        return pendingVersionArn;
    }

    public Integer getPendingMinTps() {
        return pendingMinTps;
    }

    public String getPendingConfig() {
        return pendingConfig;
    }

    public String getUpdateStatus() {
        return updateStatus;
    }

    public String getUpdateFailure() {
        return updateFailure;
    }

    public Instant getUpdateCreatedAt() {
        return updateCreatedAt;
    }

    public Instant getUpdateUpdatedAt() {
        return updateUpdatedAt;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setSolutionVersionArn(String solutionVersionArn) {
        this.solutionVersionArn = solutionVersionArn;
    }

    public void setMinProvisionedTps(int minProvisionedTps) {
        this.minProvisionedTps = minProvisionedTps;
    }

    public void setCampaignConfig(String campaignConfig) {
        this.campaignConfig = campaignConfig;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public void setFailureReason(String failureReason) {
        this.failureReason = failureReason;
    }

    public void setPendingVersionArn(String pendingVersionArn) {
        this.pendingVersionArn = pendingVersionArn;
    }

    public void setPendingMinTps(Integer pendingMinTps) {
        this.pendingMinTps = pendingMinTps;
    }

    public void setPendingConfig(String pendingConfig) {
        this.pendingConfig = pendingConfig;
    }

    public void setUpdateStatus(String updateStatus) {
        this.updateStatus = updateStatus;
    }

    public void setUpdateFailure(String updateFailure) {
        this.updateFailure = updateFailure;
    }

    public void setUpdateCreatedAt(Instant updateCreatedAt) {
        this.updateCreatedAt = updateCreatedAt;
    }

    public void setUpdateUpdatedAt(Instant updateUpdatedAt) {
        this.updateUpdatedAt = updateUpdatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }
}
