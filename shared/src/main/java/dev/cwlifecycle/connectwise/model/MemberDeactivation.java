package dev.cwlifecycle.connectwise.model;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code POST /system/members/{id}/deactivate} as the spec (2025.8) shapes it: no top-level successor, but
 * one {@code {count, reAssignToMember}} object per kind of open work, the per-record arrays {@code companyTeam} and
 * {@code serviceStatusWorkflow}, and {@code deleteOpenTimeSheetsFlag} (open time sheets otherwise block it).
 * ASP.NET ignores a property it does not know, so a wrong name here would silently hand nothing over.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public final class MemberDeactivation {

    /** The spec's single-valued kinds of open work. */
    public static final List<String> KINDS = List.of("activity", "serviceTeam", "workflowEmail", "ticketTemplate",
            "opportunity", "salesTeam", "projectManager", "projectTimeApprover", "projectExpenseApprover",
            "knowledgeBaseArticle", "myCompanyPresident", "myCompanyCOO", "myCompanyController", "myCompanyDispatch",
            "myCompanyServiceManager", "myCompanyDutyManagerRole", "departmentManager", "dispatchMember",
            "serviceManager", "dutyManager", "sendFromEmailNotify");
    public static final String COMPANY_TEAM = "companyTeam";
    public static final String STATUS_WORKFLOW = "serviceStatusWorkflow";

    /** One kind's hand-over: who takes it ({@code count} is the server's answer, never sent). */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(MemberReference reAssignToMember) {
    }

    /** A per-record hand-over: one customer's team role, or one service status workflow. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Assignment(Long id, String name, MemberReference reAssignToMember) {
    }

    private final Map<String, Item> kinds;
    private final List<Assignment> companyTeam;
    private final List<Assignment> serviceStatusWorkflow;
    private final boolean deleteOpenTimeSheets;

    private MemberDeactivation(Map<String, Item> kinds, List<Assignment> companyTeam,
                               List<Assignment> serviceStatusWorkflow, boolean deleteOpenTimeSheets) {
        this.kinds = kinds;
        this.companyTeam = companyTeam;
        this.serviceStatusWorkflow = serviceStatusWorkflow;
        this.deleteOpenTimeSheets = deleteOpenTimeSheets;
    }

    /**
     * Every single-valued kind to {@code successor}, and each per-record entry the site reports for the leaver
     * ({@code usages}: {@code companyTeam} and {@code serviceStatusWorkflow} entries; none when it reports none).
     */
    public static MemberDeactivation handingAllTo(MemberReference successor, List<MemberUsage> usages,
                                                  boolean deleteOpenTimeSheets) {
        Map<String, Item> kinds = new LinkedHashMap<>();
        KINDS.forEach(kind -> kinds.put(kind, new Item(successor)));
        return new MemberDeactivation(kinds, assignments(usages, COMPANY_TEAM, successor),
                assignments(usages, STATUS_WORKFLOW, successor), deleteOpenTimeSheets);
    }

    /** Whether this body hands over work of {@code kind} (a usage's {@code typeKey}). */
    public boolean handsOver(String kind) {
        return kinds.containsKey(kind) || COMPANY_TEAM.equals(kind) || STATUS_WORKFLOW.equals(kind);
    }

    @JsonAnyGetter
    public Map<String, Item> kinds() {
        return kinds;
    }

    @JsonProperty(COMPANY_TEAM)
    public List<Assignment> companyTeam() {
        return companyTeam;
    }

    @JsonProperty(STATUS_WORKFLOW)
    public List<Assignment> serviceStatusWorkflow() {
        return serviceStatusWorkflow;
    }

    @JsonProperty("deleteOpenTimeSheetsFlag")
    public boolean deleteOpenTimeSheetsFlag() {
        return deleteOpenTimeSheets;
    }

    private static List<Assignment> assignments(List<MemberUsage> usages, String kind, MemberReference successor) {
        return usages.stream().filter(usage -> kind.equals(usage.typeKey()) && usage.id() != null)
                .map(usage -> new Assignment(usage.id(), usage.description(), successor)).toList();
    }
}
