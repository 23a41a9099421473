package io.tastemaker.domain.eventtracker;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The event tracker of a dataset group: its tracking id is what PutEvents names. */
@Entity
@Table(name = "event_tracker")
public class EventTracker {

    @Id
    private String arn;
    @Column(name = "account_id", nullable = false, updatable = false)
    private String accountId;
    @Column(name = "name", nullable = false, updatable = false)
    private String name;
    @Column(name = "dataset_group_arn", nullable = false, updatable = false)
    private String datasetGroupArn;
    @Column(name = "tracking_id", nullable = false, updatable = false)
    private String trackingId;
    @Column(name = "status", nullable = false)
    private String status;
    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected EventTracker() {
    }

    public EventTracker(String arn, String accountId, String name, String datasetGroupArn, String trackingId, String status, Instant createdAt, Instant updatedAt) {
        this.arn = arn;
        this.accountId = accountId;
        this.name = name;
        this.datasetGroupArn = datasetGroupArn;
        this.trackingId = trackingId;
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

    public String getDatasetGroupArn() {
        return datasetGroupArn;
    }

    public String getTrackingId() {
        return trackingId;
    }

    public String getStatus() {
        return status;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
