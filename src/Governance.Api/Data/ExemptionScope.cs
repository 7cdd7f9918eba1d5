using System.Linq.Expressions;
using Governance.Api.Features.Notifications;
using Governance.Api.Features.Workflows;
using Governance.Domain.Common;
using Governance.Domain.Contracts;
using Governance.Domain.Documents;
using Governance.Domain.Escalations;
using Governance.Domain.Scrutiny;
using Governance.Domain.Tendering;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Governance.Api.Data;

/// <summary>
/// What is derived from what, read from the model: a row belongs to each record its foreign keys name (a return to
/// its KPI, a KPI to its contract, a plan to its escalation, a score to its bidder and procurement) and to the subject
/// it is about (a workflow instance, sign-off, notification or generated report). A marking on any of them hides the
/// row. The references below are not belonging, and the reason is given for each.
/// </summary>
internal sealed class ExemptionScope
{
    /// <summary>The exemption filter reads these, so they cannot be marked.</summary>
    private static readonly HashSet<Type> NotExemptable = [typeof(ExemptionMarking), typeof(Member), typeof(Committee)];

    /// <summary>
    /// References that name a record without being part of it: who supplies or owns a service, which committee or
    /// meeting, which version a row supersedes, which option an appraisal prefers, which change request a bid answers.
    /// </summary>
    public static readonly IReadOnlySet<string> References = new HashSet<string>(StringComparer.Ordinal)
    {
        "SupplierId", "DepartmentId", "ProviderDepartmentId", "ConsumerDepartmentId", "CommitteeId", "MeetingId", "SupersedesId",
        "PreferredOptionId", "ChangeRequestId",
    };

    /// <summary>
    /// Records that stay public when what they refer to is exempt, because the law or the council's openness requires
    /// them: the contract register (a contract awarded from an exempt procurement is still published, Local Government
    /// Transparency Code 2015), a councillor's own scrutiny question, and a decision's record (published under the Local
    /// Authorities (Executive Arrangements) (Meetings and Access to Information) (England) Regulations 2012, reg. 13,
    /// with exempt information left out by the officer who writes it); an assessment is not part of its PDF.
    /// </summary>
    public static readonly IReadOnlySet<(string Type, string Property)> PublicDespite = new HashSet<(string, string)>
    {
        (nameof(Contract), "ProcurementId"), ("ScrutinyQuestion", "AgendaItemId"), ("ScrutinyQuestion", "ContractId"), ("Decision", "AgendaItemId"),
        ("PerformanceAssessment", "PublishedDocumentId"),
    };

    /// <summary>How a row names the record it is about.</summary>
    /// <param name="Unless">Rows that stay visible whatever their subject (a Part A paper is built without exempt content).</param>
    public sealed record Subject(string TypeProperty, string KeyProperty, bool Optional = false, LambdaExpression? Unless = null);

    /// <summary>Rows derived from the record they are about. Agenda items, forward-plan entries and consultations name exempt business in public by law, so they are not here.</summary>
    public static readonly IReadOnlyDictionary<Type, Subject> Subjects = new Dictionary<Type, Subject>
    {
        [typeof(WorkflowInstance)] = new(nameof(WorkflowInstance.SubjectType), nameof(WorkflowInstance.SubjectId)),
        [typeof(SignOffRequest)] = new(nameof(SignOffRequest.SubjectType), nameof(SignOffRequest.SubjectId)),
        [typeof(Notification)] = new(nameof(Notification.SubjectType), nameof(Notification.SubjectId), Optional: true),
        [typeof(PublishedDocument)] = new(nameof(PublishedDocument.SubjectType), nameof(PublishedDocument.SubjectId),
            Unless: (Expression<Func<PublishedDocument, bool>>)(d => d.Kind == DocumentKind.CommitteePaper || d.Kind == DocumentKind.ExemptAppendix)),
    };

    private readonly IReadOnlyModel model;
    private readonly Dictionary<IReadOnlyEntityType, IReadOnlyForeignKey[]> owners = [];

    public ExemptionScope(IReadOnlyModel model)
    {
        this.model = model;
        SubjectTypes = new[]
            {
                typeof(Procurement), typeof(Contract), typeof(InternalSla), typeof(Escalation), typeof(RemediationPlan), typeof(AgendaItem), typeof(Meeting),
                typeof(ScrutinyQuestion), typeof(Consultation), typeof(Domain.Appraisal.OptionsAppraisal), typeof(Domain.Performance.PerformanceNotice), typeof(Domain.Notices.Notice),
            }
            .ToDictionary(t => t.Name);
        foreach (var type in model.GetEntityTypes())
            EnsureAcyclic(type, []);
    }

    /// <summary>The types a row may be about; a row about any other type is hidden from restricted readers.</summary>
    public IReadOnlyDictionary<string, Type> SubjectTypes { get; }

    public static bool IsExemptable(Type type) => typeof(Entity).IsAssignableFrom(type) && !NotExemptable.Contains(type);

    public IReadOnlyEntityType EntityType(Type clr) => model.FindEntityType(clr) ?? throw new InvalidOperationException($"{clr.Name} is not in the model.");

    /// <summary>The foreign keys naming the records this type belongs to.</summary>
    public IReadOnlyList<IReadOnlyForeignKey> Owners(IReadOnlyEntityType type)
    {
        if (!owners.TryGetValue(type, out var found))
        {
            found = [.. type.GetForeignKeys().Where(fk => fk.Properties.Count == 1 && fk.PrincipalEntityType != type
                && IsExemptable(fk.PrincipalEntityType.ClrType) && !References.Contains(fk.Properties[0].Name)
                && !PublicDespite.Contains((type.ClrType.Name, fk.Properties[0].Name)))];
            owners[type] = found;
        }
        return found;
    }

    public static Subject? SubjectOf(IReadOnlyEntityType type) => Subjects.GetValueOrDefault(type.ClrType);

    /// <summary>A record that belongs to nothing else: only its own marking hides it.</summary>
    public bool IsRoot(IReadOnlyEntityType type) => Owners(type).Count == 0 && SubjectOf(type) is null;

    /// <summary>Each filter reads its owners' filters, so a cycle would never end: refuse the model instead.</summary>
    private void EnsureAcyclic(IReadOnlyEntityType type, List<IReadOnlyEntityType> path)
    {
        if (path.Contains(type))
            throw new InvalidOperationException($"Exemption owners form a cycle: {string.Join(" -> ", path.Append(type).Select(t => t.ClrType.Name))}.");
        path.Add(type);
        foreach (var owner in Owners(type))
            EnsureAcyclic(owner.PrincipalEntityType, path);
        if (SubjectOf(type) is not null)
        {
            foreach (var subject in SubjectTypes.Values)
                EnsureAcyclic(EntityType(subject), path);
        }
        path.RemoveAt(path.Count - 1);
    }
}
