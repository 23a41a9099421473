package io.tastemaker.web.console;

import io.tastemaker.domain.datasetgroup.DatasetGroup;
import io.tastemaker.domain.datasetgroup.DatasetGroupService;
import io.tastemaker.domain.error.PersonalizeException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The dashboard: the account's dataset groups, and a form that creates one. */
@Named("dashboard")
@ViewScoped
public class DashboardPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ConsoleSession session;
    @Inject
    DatasetGroupService groups;
    @Inject
    ConsoleAudit audit;

    private List<GroupRow> rows = List.of();
    private String name;
    private String roleArn;

    @PostConstruct
    void load() {
        String account = session.accountId();
        rows = Listing.all("ConsoleDatasetGroups", page -> groups.list(account, page)).stream().map(GroupRow::of).toList();
    }

    public void create() {
        try {
            DatasetGroup group = groups.create(session.accountId(), trimmed(name), trimmed(roleArn), null, null);
            audit.record("personalize:CreateDatasetGroup", group.getArn());
            ConsoleMessages.info("Created dataset group " + group.getName() + ".");
            name = null;
            roleArn = null;
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
}
