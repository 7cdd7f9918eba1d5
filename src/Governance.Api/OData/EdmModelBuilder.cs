using Governance.Api.Features.Notifications;
using Governance.Api.Features.Workflows;
using Governance.Domain.Audit;
using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Governance.Domain.Organisation;
using Governance.Domain.Scrutiny;
using Governance.Domain.Tendering;
using Microsoft.OData.Edm;
using Microsoft.OData.ModelBuilder;

namespace Governance.Api.OData;

/// <summary>The one place the OData model is built. Entity sets are named as plurals of the aggregates.</summary>
public static class EdmModelBuilder
{
    public static IEdmModel Build()
    {
        var builder = new ODataConventionModelBuilder { Namespace = "Governance", ContainerName = "Governance" };
        builder.EntitySet<Department>("Departments");
        builder.EntitySet<Supplier>("Suppliers");
        builder.EntitySet<Procurement>("Procurements");
        builder.EntitySet<Bidder>("Bidders");
        builder.EntitySet<Contract>("Contracts");
        builder.EntitySet<InternalSla>("InternalSlas");
        builder.EntitySet<Indicator>("Indicators");
        builder.EntitySet<Measurement>("Measurements");
        builder.EntitySet<Committee>("Committees");
        builder.EntitySet<Member>("Members");
        builder.EntitySet<Meeting>("Meetings");
        builder.EntitySet<SignOffRequest>("SignOffRequests");
        builder.EntitySet<Escalation>("Escalations");
        builder.EntitySet<AuditEntry>("AuditEntries");

        builder.EntitySet<WorkflowDefinitionView>("WorkflowDefinitions").EntityType.HasKey(d => d.Key);
        builder.EntitySet<WorkflowInstance>("WorkflowInstances");
        builder.EntitySet<WorkflowTransition>("WorkflowTransitions");
        builder.EntitySet<WorkflowTimer>("WorkflowTimers");
        builder.EntitySet<Notification>("Notifications");

        builder.EntityType<AuditEntry>().Collection.Action("Verify").Returns<AuditVerification>();
        var decide = builder.EntityType<SignOffRequest>().Action("Decide").ReturnsFromEntitySet<SignOffRequest>("SignOffRequests");
        decide.Parameter<string>("Decision");
        OptionalText(decide, "Reason");
        builder.EntityType<WorkflowInstance>().Function("PermittedTriggers").ReturnsCollection<TriggerStatusView>();
        var fire = builder.EntityType<WorkflowInstance>().Action("Fire").ReturnsFromEntitySet<WorkflowInstance>("WorkflowInstances");
        fire.Parameter<string>("Trigger");
        OptionalText(fire, "Comment");
        return builder.GetEdmModel();
    }

    /// <summary>An optional text parameter that may also be sent as null.</summary>
    private static void OptionalText(ActionConfiguration action, string name)
    {
        var parameter = action.Parameter<string>(name);
        parameter.Nullable = true;
        parameter.Optional();
    }
}

/// <summary>The result of re-walking the audit chain.</summary>
public sealed class AuditVerification
{
    public bool Intact { get; set; }

    public long EntriesChecked { get; set; }

    public long? FirstBrokenEntryId { get; set; }

    public long? FirstBrokenSequence { get; set; }

    public string? Reason { get; set; }
}
