using System.Globalization;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Domain.Common;
using Governance.Domain.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Performance;

public sealed record ImportRow(int Line, string Status, string? Reason, int? MeasurementId);

public sealed record ImportReport(bool Imported, int Accepted, int Rejected, IReadOnlyList<ImportRow> Rows);

/// <summary>
/// POST /api/measurements/import (text/csv, columns contract,indicator,period,value,note): every row checked by the
/// same rules as a single return, a report per row, and nothing imported when any row is rejected unless
/// ?partial=true. One transaction.
/// </summary>
public static class MeasurementImport
{
    public static IEndpointRouteBuilder MapMeasurementImport(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/measurements/import", ImportAsync)
            .RequireAuthorization(p => p.RequireRole(Roles.ContractManager, Roles.SlaOwner, Roles.Supplier))
            .WithTags("Measurements")
            .Accepts<string>("text/csv");
        return app;
    }

    private static async Task<Results<Ok<ImportReport>, UnprocessableEntity<ImportReport>, BadRequest<string>>> ImportAsync(
        HttpRequest request, bool? partial, GovernanceDbContext db, MeasurementRecorder recorder, SlipDetector slips, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var lines = (await reader.ReadToEndAsync(ct)).Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count == 0 || !lines[0].StartsWith("contract,indicator,period,value", StringComparison.OrdinalIgnoreCase))
            return TypedResults.BadRequest("The first line must be the header: contract,indicator,period,value,note");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var rows = new List<ImportRow>();
        var accepted = new List<(int Line, Measurement Measurement)>();
        for (var i = 1; i < lines.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
                continue;
            var (measurement, reason) = await ParseAsync(lines[i], db, recorder, request.HttpContext.User, ct);
            if (measurement is null)
            {
                rows.Add(new ImportRow(i + 1, "rejected", reason, null));
                continue;
            }

            db.Measurements.Add(measurement);
            accepted.Add((i + 1, measurement));
        }

        var rejected = rows.Count;
        if (rejected > 0 && partial != true)
        {
            rows.AddRange(accepted.Select(a => new ImportRow(a.Line, "not imported", "another row was rejected; send again with ?partial=true to import the valid rows", null)));
            return TypedResults.UnprocessableEntity(new ImportReport(false, 0, rejected, [.. rows.OrderBy(r => r.Line)]));
        }

        await db.SaveChangesAsync(ct);
        foreach (var indicator in accepted.Select(a => a.Measurement.IndicatorId).Distinct().ToList())
        {
            var contract = await db.Indicators.Where(x => x.Id == indicator).Select(x => x.ContractId).SingleAsync(ct);
            if (contract is { } id)
                await slips.DetectForContractAsync(id, ct);
        }

        await transaction.CommitAsync(ct);
        rows.AddRange(accepted.Select(a => new ImportRow(a.Line, "accepted", null, a.Measurement.Id)));
        return TypedResults.Ok(new ImportReport(true, accepted.Count, rejected, [.. rows.OrderBy(r => r.Line)]));
    }

    private static async Task<(Measurement? Measurement, string? Reason)> ParseAsync(
        string line, GovernanceDbContext db, MeasurementRecorder recorder, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct)
    {
        var cells = line.Split(',');
        if (cells.Length < 4)
            return (null, "expected contract,indicator,period,value[,note]");
        if (!DateOnly.TryParseExact(cells[2].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var period))
            return (null, $"period '{cells[2].Trim()}' is not a date (yyyy-MM-dd)");
        if (!decimal.TryParse(cells[3].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            return (null, $"value '{cells[3].Trim()}' is not a number");
        var reference = cells[0].Trim();
        var code = cells[1].Trim();
        var indicatorId = await db.Indicators.Where(i => i.Code == code && i.Contract!.Reference == reference).Select(i => (int?)i.Id).FirstOrDefaultAsync(ct);
        if (indicatorId is null)
            return (null, $"no indicator {code} on contract {reference}");
        var measurement = new Measurement { IndicatorId = indicatorId.Value, PeriodStart = period, Value = value, Note = cells.Length > 4 ? string.Join(',', cells[4..]).Trim() : null };
        try
        {
            await recorder.PrepareAsync(measurement, user, ct);
            return (measurement, null);
        }
        catch (BusinessRuleException rule)
        {
            return (null, rule.Message);
        }
    }
}
