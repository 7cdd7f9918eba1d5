using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Governance.Domain.Organisation;
using Governance.Domain.Scrutiny;
using Governance.Domain.Tendering;

namespace Governance.Api.Features.Search;

/// <summary>
/// What $search looks in: per set, the text people look things up by. <see cref="Slot"/> numbers the type inside the
/// SQLite index's row ids (<c>Id * 16 + Slot</c>), so it is part of the stored index: never renumber one.
/// </summary>
internal sealed record Searchable(Type Type, string Table, int Slot, string[] Fields)
{
    public const int Slots = 16;

    public static readonly IReadOnlyList<Searchable> All =
    [
        new(typeof(Contract), "Contracts", 0, [nameof(Contract.Reference), nameof(Contract.Title), nameof(Contract.Description)]),
        new(typeof(Procurement), "Procurements", 1, [nameof(Procurement.Reference), nameof(Procurement.Title), nameof(Procurement.Description)]),
        new(typeof(Supplier), "Suppliers", 2, [nameof(Supplier.Name)]),
        new(typeof(Department), "Departments", 3, [nameof(Department.Code), nameof(Department.Name)]),
        new(typeof(Indicator), "Indicators", 4, [nameof(Indicator.Code), nameof(Indicator.Name)]),
        new(typeof(InternalSla), "InternalSlas", 5, [nameof(InternalSla.Title)]),
        new(typeof(Escalation), "Escalations", 6, [nameof(Escalation.Summary)]),
        new(typeof(AgendaItem), "AgendaItems", 7, [nameof(AgendaItem.Title), nameof(AgendaItem.Recommendations)]),
        new(typeof(PaperSection), "PaperSections", 8, [nameof(PaperSection.Subheading), nameof(PaperSection.Body)]),
        new(typeof(Decision), "Decisions", 9, [nameof(Decision.Outcome)]),
        new(typeof(ForwardPlanEntry), "ForwardPlanEntries", 10, [nameof(ForwardPlanEntry.Title)]),
        new(typeof(ScrutinyQuestion), "ScrutinyQuestions", 11, [nameof(ScrutinyQuestion.Question), nameof(ScrutinyQuestion.Answer)]),
        new(typeof(Consultation), "Consultations", 12, [nameof(Consultation.Topic), nameof(Consultation.Response)]),
    ];

    public static Searchable? Of(Type type) => All.FirstOrDefault(s => s.Type == type);
}
