using System.Globalization;
using System.Security.Claims;
using Governance.Api.Data;
using Governance.Api.Features.Performance;
using Governance.Domain.Common;
using Governance.Domain.Contracts;

namespace Governance.Api.Portal.Work;

/// <summary>
/// A return sent from a page (the supplier's, or the contract manager's on a contract): its fields checked and said
/// wrong field by field, then recorded by MeasurementRecorder (the API's rules) and the contract's slips detected in
/// the same transaction, so a red return opens its escalation as it does through the API.
/// </summary>
public sealed class ReturnForm(GovernanceDbContext db, MeasurementRecorder recorder, SlipDetector slips, Features.Attachments.AttachmentStore files)
{
    /// <summary>
    /// Records the return (with its evidence file, if given, in the same transaction), or fills in what is wrong by
    /// field ("kpi", "month", "value", "evidence") and returns null.
    /// </summary>
    public async Task<Measurement?> SendAsync(
        Indicator? kpi, string? month, decimal? value, string? note, ClaimsPrincipal user, IDictionary<string, string> errors, CancellationToken ct, IFormFile? evidence = null)
    {
        if (kpi?.ContractId is not { } contractId)
            errors["kpi"] = "Choose the KPI the return is for";
        if (!DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var period))
            errors["month"] = "Enter the month the return is for, for example 2026-10";
        if (value is null)
            errors["value"] = "Enter the figure, as a number";
        if (errors.Count > 0)
            return null;
        var measurement = new Measurement { IndicatorId = kpi!.Id, PeriodStart = period, Value = value!.Value, Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim() };
        var field = "value";
        try
        {
            await using var transaction = await db.Database.BeginUnlessInOneAsync(ct);
            await recorder.PrepareAsync(measurement, user, ct);
            db.Measurements.Add(measurement);
            await db.SaveChangesAsync(ct);
            await slips.DetectForContractAsync(kpi.ContractId!.Value, ct);
            if (evidence is { Length: > 0 })
            {
                field = "evidence";
                if ((await files.AttachAsync(Domain.Documents.AttachmentOwner.Measurement, measurement.Id, evidence, user, ct)).Refused is { } refused)
                {
                    // The return goes with its evidence or not at all: leaving uncommitted rolls both back.
                    db.ChangeTracker.Clear();
                    errors[field] = OData.ODataErrors.MessageOf(refused);
                    return null;
                }
                await db.SaveChangesAsync(ct);
            }
            await transaction.CommitIfOwnAsync(ct);
            return measurement;
        }
        catch (BusinessRuleException refused)
        {
            db.ChangeTracker.Clear();
            errors[field == "value" && refused.Rule.StartsWith("period", StringComparison.Ordinal) ? "month" : field] = refused.Message;
            return null;
        }
    }
}
