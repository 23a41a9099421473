package io.tastemaker.web.console;

import io.tastemaker.domain.common.ResourceType;
import io.tastemaker.domain.datasetgroup.DatasetGroup;
import io.tastemaker.domain.datasetgroup.DatasetGroupService;
import io.tastemaker.domain.error.PersonalizeException;
import io.tastemaker.security.kms.KmsService;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The dashboard: the account's dataset groups, and a form that creates one, optionally encrypted
 * at rest under one of the account's enabled KMS keys. Listing needs
 * {@code personalize:ListDatasetGroups}, creating {@code personalize:CreateDatasetGroup} on the new
 * group's ARN, as over the API; the key list is offered to those allowed {@code kms:ListKeys}.
 */
@Named("dashboard")
@ViewScoped
public class DashboardPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsoleSession session;
    @Inject
    DatasetGroupService groups;
    @Inject
    KmsService kms;
    @Inject
    ConsoleAudit audit;
    @Inject
    ConsoleAccess access;

    private List<GroupRow> rows = List.of();
    private String name;
    private String roleArn;
    private String kmsKeyArn;
    private List<KmsKeyRow> kmsKeys = List.of();

    @PostConstruct
    void load() {
        String account = session.accountId();
        rows = List.of();
        kmsKeys = List.of();
        try {
            access.require("personalize:ListDatasetGroups", "*");
            rows = Listing.all("ConsoleDatasetGroups", page -> groups.list(account, page)).stream().map(GroupRow::of)
                    .toList();
        } catch (PersonalizeException e) {
            ConsoleMessages.error(e.getMessage());
        }
        if (access.allows("kms:ListKeys", "*")) {
            kmsKeys = kms.listAll(account).stream().map(KmsKeyRow::of).filter(KmsKeyRow::isEnabled).toList();
        }
    }

    public void create() {
        try {
            access.require("personalize:CreateDatasetGroup", access.newArn(ResourceType.DATASET_GROUP, name));
            DatasetGroup group = groups.create(session.accountId(), trimmed(name), trimmed(roleArn), trimmed(kmsKeyArn), null);
            audit.record("personalize:CreateDatasetGroup", group.getArn());
            ConsoleMessages.info("Created dataset group " + group.getName()
                    + (group.getKmsKeyArn() == null ? "." : ", encrypted at rest under " + group.getKmsKeyArn() + "."));
            name = null;
            roleArn = null;
            kmsKeyArn = null;
        } catch (PersonalizeException e) {
            audit.record("personalize:CreateDatasetGroup", null, e);
            ConsoleMessages.error(e.getMessage());
            return;
        }
        load();
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    public List<GroupRow> getRows() {
        return rows;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getRoleArn() {
        return roleArn;
    }

    public void setRoleArn(String roleArn) {
        this.roleArn = roleArn;
    }

    public String getKmsKeyArn() {
        return kmsKeyArn;
    }

    public void setKmsKeyArn(String kmsKeyArn) {
        this.kmsKeyArn = kmsKeyArn;
    }

    /** The account's enabled KMS keys, to encrypt a new group with. */
    public List<KmsKeyRow> getKmsKeys() {
        return kmsKeys;
    }
}
