package io.tastemaker.web.api;

import io.tastemaker.domain.common.PageRequest;
import io.tastemaker.domain.filter.Filter;
import io.tastemaker.domain.filter.FilterService;
import io.tastemaker.web.auth.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/** Filters over JSON 1.1: CreateFilter, DescribeFilter, ListFilters, DeleteFilter. */
@ApplicationScoped
public class FilterOperations implements OperationGroup {

    @Inject
    Caller caller;
    @Inject
    FilterService filters;

    @Override
    public Map<String, Operation> operations() {
        return Map.of(
                "CreateFilter", r -> JsonOut.object().put("filterArn", filters.create(caller.accountId(),
                        r.requiredString("name"), r.requiredString("datasetGroupArn"), r.requiredString("filterExpression"))
                        .getArn()),
                "DescribeFilter", r -> JsonOut.object().put("filter",
                        filter(filters.find(caller.accountId(), r.requiredString("filterArn")))),
                "ListFilters", r -> {
                    var page = filters.list(caller.accountId(), r.string("datasetGroupArn"),
                            PageRequest.of("ListFilters" + r.string("datasetGroupArn"), r.string("nextToken"),
                                    r.integer("maxResults")));
                    return JsonOut.object().list("Filters", page.items(), f -> JsonOut.object()
                            .put("name", f.getName()).put("filterArn", f.getArn())
                            .put("creationDateTime", f.getCreatedAt()).put("lastUpdatedDateTime", f.getUpdatedAt())
                            .put("datasetGroupArn", f.getDatasetGroupArn()).put("failureReason", f.getFailureReason())
                            .put("status", f.getStatus()))
                            .put("nextToken", page.nextToken());
                },
                "DeleteFilter", r -> {
                    filters.delete(caller.accountId(), r.requiredString("filterArn"));
                    return JsonOut.object();
                });
    }

    private static JsonOut filter(Filter f) {
        return JsonOut.object().put("name", f.getName()).put("filterArn", f.getArn())
                .put("creationDateTime", f.getCreatedAt()).put("lastUpdatedDateTime", f.getUpdatedAt())
                .put("datasetGroupArn", f.getDatasetGroupArn()).put("failureReason", f.getFailureReason())
                .put("filterExpression", f.getFilterExpression()).put("status", f.getStatus());
    }
}
