package io.tastemaker.web.api;

import io.tastemaker.domain.common.PageRequest;
import io.tastemaker.domain.dataset.Dataset;
import io.tastemaker.domain.dataset.DatasetService;
import io.tastemaker.domain.datasetgroup.DatasetGroup;
import io.tastemaker.domain.datasetgroup.DatasetGroupService;
import io.tastemaker.domain.datasetimport.DatasetImportJob;
import io.tastemaker.domain.datasetimport.DatasetImportService;
import io.tastemaker.domain.eventtracker.EventTracker;
import io.tastemaker.domain.eventtracker.EventTrackerService;
import io.tastemaker.domain.schema.DatasetSchema;
import io.tastemaker.domain.schema.DatasetType;
import io.tastemaker.domain.schema.SchemaService;
import io.tastemaker.web.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Dataset groups, schemas, datasets, import jobs and event trackers over JSON 1.1. */
@ApplicationScoped
public class DatasetOperations implements OperationGroup {

    @Inject
    Caller caller;
    @Inject
    DatasetGroupService groups;
    @Inject
    SchemaService schemas;
    @Inject
    DatasetService datasets;
    @Inject
    DatasetImportService imports;
    @Inject
    EventTrackerService trackers;

    @Override
    public Map<String, Operation> operations() {
        return Map.ofEntries(
                Map.entry("CreateDatasetGroup", r -> JsonOut.object().put("datasetGroupArn", groups.create(caller.accountId(),
                        r.requiredString("name"), r.string("roleArn"), r.string("kmsKeyArn"), r.string("domain")).getArn())),
                Map.entry("DescribeDatasetGroup", r -> JsonOut.object().put("datasetGroup",
                        group(groups.find(caller.accountId(), r.requiredString("datasetGroupArn"))))),
                Map.entry("ListDatasetGroups", r -> {
                    var page = groups.list(caller.accountId(), PageRequest.of("ListDatasetGroups", r.string("nextToken"),
                            r.integer("maxResults")));
                    return JsonOut.object().list("datasetGroups", page.items(), g -> JsonOut.object()
                            .put("name", g.getName()).put("datasetGroupArn", g.getArn()).put("status", g.getStatus())
                            .put("creationDateTime", g.getCreatedAt()).put("lastUpdatedDateTime", g.getUpdatedAt())
                            .put("failureReason", g.getFailureReason()).put("domain", g.getDomain()))
                            .put("nextToken", page.nextToken());
                }),
                Map.entry("DeleteDatasetGroup", r -> {
                    groups.delete(caller.accountId(), r.requiredString("datasetGroupArn"));
                    return JsonOut.object();
                }),
                Map.entry("CreateSchema", r -> JsonOut.object().put("schemaArn", schemas.create(caller.accountId(),
                        r.requiredString("name"), r.requiredString("schema"), r.string("domain")).getArn())),
                Map.entry("DescribeSchema", r -> JsonOut.object().put("schema",
                        schema(schemas.find(caller.accountId(), r.requiredString("schemaArn"))))),
                Map.entry("ListSchemas", r -> {
                    var page = schemas.list(caller.accountId(), PageRequest.of("ListSchemas", r.string("nextToken"),
                            r.integer("maxResults")));
                    return JsonOut.object().list("schemas", page.items(), s -> JsonOut.object()
                            .put("name", s.getName()).put("schemaArn", s.getArn())
                            .put("creationDateTime", s.getCreatedAt()).put("lastUpdatedDateTime", s.getUpdatedAt())
                            .put("domain", s.getDomain()))
                            .put("nextToken", page.nextToken());
                }),
                Map.entry("DeleteSchema", r -> {
                    schemas.delete(caller.accountId(), r.requiredString("schemaArn"));
                    return JsonOut.object();
                }),
                Map.entry("CreateDataset", r -> JsonOut.object().put("datasetArn", datasets.create(caller.accountId(),
                        r.requiredString("name"), r.requiredString("schemaArn"), r.requiredString("datasetGroupArn"),
                        r.requiredString("datasetType")).getArn())),
                Map.entry("DescribeDataset", r -> JsonOut.object().put("dataset",
                        dataset(datasets.find(caller.accountId(), r.requiredString("datasetArn"))))),
                Map.entry("ListDatasets", r -> {
                    var page = datasets.list(caller.accountId(), r.string("datasetGroupArn"),
                            PageRequest.of("ListDatasets" + r.string("datasetGroupArn"), r.string("nextToken"), r.integer("maxResults")));
                    return JsonOut.object().list("datasets", page.items(), d -> JsonOut.object()
                            .put("name", d.getName()).put("datasetArn", d.getArn())
                            .put("datasetType", DatasetType.valueOf(d.getDatasetType()).wireName()).put("status", d.getStatus())
                            .put("creationDateTime", d.getCreatedAt()).put("lastUpdatedDateTime", d.getUpdatedAt()))
                            .put("nextToken", page.nextToken());
                }),
                Map.entry("DeleteDataset", r -> {
                    datasets.delete(caller.accountId(), r.requiredString("datasetArn"));
                    return JsonOut.object();
                }),
                Map.entry("CreateDatasetImportJob", r -> {
                    JsonIn source = r.object("dataSource");
                    ControlPlaneResource.requireNotNull("dataSource", source);
                    return JsonOut.object().put("datasetImportJobArn", imports.create(caller.accountId(),
                            r.requiredString("jobName"), r.requiredString("datasetArn"), source.string("dataLocation"),
                            r.string("importMode"), r.string("roleArn")).getArn());
                }),
                Map.entry("DescribeDatasetImportJob", r -> JsonOut.object().put("datasetImportJob",
                        importJob(imports.find(caller.accountId(), r.requiredString("datasetImportJobArn"))))),
                Map.entry("ListDatasetImportJobs", r -> {
                    var page = imports.list(caller.accountId(), r.string("datasetArn"),
                            PageRequest.of("ListDatasetImportJobs" + r.string("datasetArn"), r.string("nextToken"),
                                    r.integer("maxResults")));
                    return JsonOut.object().list("datasetImportJobs", page.items(), j -> JsonOut.object()
                            .put("datasetImportJobArn", j.getArn()).put("jobName", j.getJobName()).put("status", j.getStatus())
                            .put("creationDateTime", j.getCreatedAt()).put("lastUpdatedDateTime", j.getUpdatedAt())
                            .put("failureReason", j.getFailureReason()).put("importMode", j.getImportMode()))
                            .put("nextToken", page.nextToken());
                }),
                Map.entry("CreateEventTracker", r -> {
                    EventTracker t = trackers.create(caller.accountId(), r.requiredString("name"), r.requiredString("datasetGroupArn"));
                    return JsonOut.object().put("eventTrackerArn", t.getArn()).put("trackingId", t.getTrackingId());
                }),
                Map.entry("DescribeEventTracker", r -> {
                    EventTracker t = trackers.find(caller.accountId(), r.requiredString("eventTrackerArn"));
                    return JsonOut.object().put("eventTracker", JsonOut.object().put("name", t.getName())
                            .put("eventTrackerArn", t.getArn()).put("accountId", t.getAccountId())
                            .put("trackingId", t.getTrackingId()).put("datasetGroupArn", t.getDatasetGroupArn())
                            .put("status", t.getStatus()).put("creationDateTime", t.getCreatedAt())
                            .put("lastUpdatedDateTime", t.getUpdatedAt()));
                }),
                Map.entry("ListEventTrackers", r -> {
                    var page = trackers.list(caller.accountId(), r.string("datasetGroupArn"),
                            PageRequest.of("ListEventTrackers" + r.string("datasetGroupArn"), r.string("nextToken"),
                                    r.integer("maxResults")));
                    return JsonOut.object().list("eventTrackers", page.items(), t -> JsonOut.object()
                            .put("name", t.getName()).put("eventTrackerArn", t.getArn()).put("status", t.getStatus())
                            .put("creationDateTime", t.getCreatedAt()).put("lastUpdatedDateTime", t.getUpdatedAt()))
                            .put("nextToken", page.nextToken());
                }),
                Map.entry("DeleteEventTracker", r -> {
                    trackers.delete(caller.accountId(), r.requiredString("eventTrackerArn"));
                    return JsonOut.object();
                }));
    }

    private static JsonOut group(DatasetGroup g) {
        return JsonOut.object().put("name", g.getName()).put("datasetGroupArn", g.getArn()).put("status", g.getStatus())
                .put("roleArn", g.getRoleArn()).put("kmsKeyArn", g.getKmsKeyArn())
                .put("creationDateTime", g.getCreatedAt()).put("lastUpdatedDateTime", g.getUpdatedAt())
                .put("failureReason", g.getFailureReason()).put("domain", g.getDomain());
    }

    private static JsonOut schema(DatasetSchema s) {
        return JsonOut.object().put("name", s.getName()).put("schemaArn", s.getArn()).put("schema", s.getSchemaJson())
                .put("creationDateTime", s.getCreatedAt()).put("lastUpdatedDateTime", s.getUpdatedAt())
                .put("domain", s.getDomain());
    }

    private static JsonOut dataset(Dataset d) {
        return JsonOut.object().put("name", d.getName()).put("datasetArn", d.getArn())
                .put("datasetGroupArn", d.getDatasetGroupArn())
                .put("datasetType", DatasetType.valueOf(d.getDatasetType()).wireName())
                .put("schemaArn", d.getSchemaArn()).put("status", d.getStatus())
                .put("creationDateTime", d.getCreatedAt()).put("lastUpdatedDateTime", d.getUpdatedAt());
    }

    private static JsonOut importJob(DatasetImportJob j) {
        return JsonOut.object().put("jobName", j.getJobName()).put("datasetImportJobArn", j.getArn())
                .put("datasetArn", j.getDatasetArn())
                .put("dataSource", JsonOut.object().put("dataLocation", j.getDataLocation()))
                .put("roleArn", j.getRoleArn()).put("status", j.getStatus())
                .put("creationDateTime", j.getCreatedAt()).put("lastUpdatedDateTime", j.getUpdatedAt())
                .put("failureReason", j.getFailureReason()).put("importMode", j.getImportMode());
    }
}
