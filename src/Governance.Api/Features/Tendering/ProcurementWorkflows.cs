using Governance.Domain.Tendering;

namespace Governance.Api.Features.Tendering;

/// <summary>Which workflow file runs a procurement of each procedure.</summary>
public static class ProcurementWorkflows
{
    public static string? For(ProcurementProcedure procedure) => procedure switch
    {
        ProcurementProcedure.CompetitiveDialogue => "competitive-dialogue",
        ProcurementProcedure.CompetitiveFlexible => "competitive-flexible",
        _ => null,
    };
}
