using System.Globalization;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Data.Audit;
using Governance.Domain.Common;
using Governance.Domain.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Performance;

public sealed record ImportRow(int Line, string Status, string? Reason, int? MeasurementId);

public sealed record ImportReport(bool Imported, int Accepted, int Rejected, IReadOnlyList<ImportRow> Rows);

/// <summary>How an import ended: its report (200 imported, 422 nothing imported because a row was rejected), or a refusal of the file (400, 413).</summary>
public sealed record ImportOutcome(int Status, ImportReport? Report, string? Error = null);

/// <summary>
/// POST /api/measurements/import (text/csv, columns contract,indicator,period,value,note): every row checked by the
/// same rules as a single return, a report per row, and nothing imported when any row is rejected unless
/// ?partial=true. Set-based: the whole file is parsed and checked against what two queries read (its KPIs and the
/// periods already recorded) before a short write transaction inserts the rows and runs slip detection once per
/// contract, so other writers wait seconds, not minutes. A file over the row limit is refused with 413.
/// </summary>
public static class MeasurementImport
{
    public const int DefaultMaxRows = 20_000;

    private const string Header = "contract,indicator,period,value,note";

    public static IEndpointRouteBuilder MapMeasurementImport(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/measurements/import", ImportRequestAsync)
            .WithName("Measurements_Import")
            .RequireAuthorization(p => p.RequireRole(Roles.ContractManager, Roles.SlaOwner, Roles.Supplier))
            .WithTags("Measurements")
            .Accepts<string>("text/csv")
            .Produces<ImportReport>(StatusCodes.Status200OK)
            .DisableRequestTimeout(); // bounded by its row count (Performance:ImportMaxRows), and a large import takes longer than a query
        return app;
    }

    private sealed record CsvRow(int Line, string Reference, string Code, DateOnly Period, decimal Value, string? Note);

    private static async Task<IResult> ImportRequestAsync(
        HttpRequest request, bool? partial, GovernanceDbContext db, MeasurementRecorder recorder, SlipDetector slips, AuditWriter audit,
        IConfiguration configuration, CancellationToken ct)
    {
        var outcome = await ImportAsync(request.Body, partial == true, request.HttpContext.User, db, recorder, slips, audit, configuration, ct);
        return outcome.Status switch
        {
            StatusCodes.Status400BadRequest => TypedResults.BadRequest(outcome.Error),
            StatusCodes.Status413PayloadTooLarge => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "import-too-large", detail: outcome.Error),
            StatusCodes.Status422UnprocessableEntity => TypedResults.UnprocessableEntity(outcome.Report),
            _ => TypedResults.Ok(outcome.Report),
        };
    }

    /// <summary>
    /// Imports a CSV file of returns for this person (the API's endpoint and the portal's upload page both come here):
    /// all or nothing unless <paramref name="partial"/>, with a report for every row.
    /// </summary>
    public static async Task<ImportOutcome> ImportAsync(
        Stream source, bool partial, System.Security.Claims.ClaimsPrincipal user, GovernanceDbContext db, MeasurementRecorder recorder, SlipDetector slips, AuditWriter audit,
        IConfiguration configuration, CancellationToken ct)
    {
        var maxRows = configuration.GetValue("Performance:ImportMaxRows", DefaultMaxRows);
        // The file is read once into memory (bounded by the row limit at 512 bytes a row), hashed for the audit entry, then parsed.
        var maxBytes = (long)maxRows * 512;
        using var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await source.ReadAsync(buffer, ct)) > 0)
        {
            if (body.Length + read > maxBytes)
                return TooLarge(maxRows);
            body.Write(buffer, 0, read);
        }

        var digest = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(body.GetBuffer().AsSpan(0, (int)body.Length)));
        var lines = System.Text.Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length).Split('\n');
        if (!lines[0].TrimEnd('\r').StartsWith("contract,indicator,period,value", StringComparison.OrdinalIgnoreCase))
            return new ImportOutcome(StatusCodes.Status400BadRequest, null, $"The first line must be the header: {Header}");

        var rows = new List<ImportRow>();
        var parsed = new List<CsvRow>();
        for (var i = 1; i < lines.Length; i++)
        {
            var text = lines[i].TrimEnd('\r');
            if (string.IsNullOrWhiteSpace(text))
                continue;
            if (parsed.Count + rows.Count >= maxRows)
                return TooLarge(maxRows);
            if (Parse(i + 1, text, out var row) is { } reason)
                rows.Add(new ImportRow(i + 1, "rejected", reason, null));
            else
                parsed.Add(row!);
        }

        // Two reads for the whole file: its KPIs with their contracts, and the periods they already have.
        var references = parsed.Select(r => r.Reference).Distinct().ToList();
        // A supplier's file resolves against its own contracts only: another supplier's reference reads as unknown.
        var supplierId = user.SupplierScope();
        var indicators = (await db.Indicators.AsNoTracking().Include(i => i.Contract)
                .Where(i => i.Contract != null && references.Contains(i.Contract.Reference) && (supplierId == null || i.Contract.SupplierId == supplierId)).ToListAsync(ct))
            .GroupBy(i => (i.Contract!.Reference, i.Code)).ToDictionary(g => g.Key, g => g.First());
        var ids = indicators.Values.Select(i => i.Id).ToList();
        var recorded = (await db.Measurements.AsNoTracking().Where(m => ids.Contains(m.IndicatorId)).Select(m => new { m.IndicatorId, m.PeriodStart }).ToListAsync(ct))
            .Select(m => (m.IndicatorId, m.PeriodStart)).ToHashSet();

        var accepted = new List<(int Line, Measurement Measurement)>();
        foreach (var row in parsed)
        {
            var indicator = indicators.GetValueOrDefault((row.Reference, row.Code));
            if (indicator is null)
            {
                rows.Add(new ImportRow(row.Line, "rejected", $"no indicator {row.Code} on contract {row.Reference}", null));
                continue;
            }

            var measurement = new Measurement { IndicatorId = indicator.Id, PeriodStart = row.Period, Value = row.Value, Note = row.Note };
            try
            {
                recorder.Check(indicator, measurement, user, recorded.Contains((indicator.Id, row.Period)));
                recorded.Add((indicator.Id, row.Period)); // a second row for the same period in the file is a duplicate too
                accepted.Add((row.Line, measurement));
            }
            catch (BusinessRuleException rule)
            {
                rows.Add(new ImportRow(row.Line, "rejected", rule.Message, null));
            }
        }

        var rejected = rows.Count;
        if (rejected > 0 && !partial)
        {
            rows.AddRange(accepted.Select(a => new ImportRow(a.Line, "not imported", "another row was rejected; send again with ?partial=true to import the valid rows", null)));
            return new ImportOutcome(StatusCodes.Status422UnprocessableEntity, new ImportReport(false, 0, rejected, [.. rows.OrderBy(r => r.Line)]));
        }

        if (accepted.Count == 0)
            return new ImportOutcome(StatusCodes.Status200OK, new ImportReport(true, 0, rejected, [.. rows.OrderBy(r => r.Line)]));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var inserted = accepted.Select(a => a.Measurement).ToList();
        await BulkRows.InsertAsync(db, inserted, ct);
        await IdentifyAsync(db, inserted, ct);
        await audit.RecordAsync(db, nameof(Measurement), $"import:{inserted.Count}", Domain.Audit.AuditOperation.Created, new
        {
            Import = new { Rows = inserted.Count, Sha256 = digest },
            Returns = inserted.Select(m => new object[] { m.Id, m.IndicatorId, m.PeriodStart, m.Value, m.VerificationStatus.ToString(), m.Source.ToString(), m.Note ?? "" }),
        }, ct);
        foreach (var contract in accepted.Select(a => indicators.Values.First(i => i.Id == a.Measurement.IndicatorId)).Select(i => (i.ContractId, i.InternalSlaId)).Distinct())
        {
            if (contract.ContractId is { } contractId)
                await slips.DetectForContractAsync(contractId, ct);
            else if (contract.InternalSlaId is { } slaId)
                await slips.DetectForSlaAsync(slaId, ct);
        }

        await transaction.CommitAsync(ct);
        rows.AddRange(accepted.Select(a => new ImportRow(a.Line, "accepted", null, a.Measurement.Id)));
        return new ImportOutcome(StatusCodes.Status200OK, new ImportReport(true, accepted.Count, rejected, [.. rows.OrderBy(r => r.Line)]));
    }

    private static ImportOutcome TooLarge(int maxRows) =>
        new(StatusCodes.Status413PayloadTooLarge, null, $"An import holds at most {maxRows:N0} rows; split the file and send the parts one after another.");

    /// <summary>The keys of the rows just inserted: the only version 1 rows of their indicator and period.</summary>
    private static async Task IdentifyAsync(GovernanceDbContext db, List<Measurement> inserted, CancellationToken ct)
    {
        var ids = inserted.Select(m => m.IndicatorId).Distinct().ToList();
        var (from, to) = (inserted.Min(m => m.PeriodStart), inserted.Max(m => m.PeriodStart));
        var keys = (await db.Measurements.AsNoTracking()
                .Where(m => ids.Contains(m.IndicatorId) && m.PeriodStart >= from && m.PeriodStart <= to && m.Version == 1)
                .Select(m => new { m.Id, m.IndicatorId, m.PeriodStart }).ToListAsync(ct))
            .ToDictionary(m => (m.IndicatorId, m.PeriodStart), m => m.Id);
        foreach (var measurement in inserted)
            measurement.Id = keys[(measurement.IndicatorId, measurement.PeriodStart)];
    }

    private static string? Parse(int line, string text, out CsvRow? row)
    {
        row = null;
        var cells = text.Split(',');
        if (cells.Length < 4)
            return $"expected {Header}";
        if (!DateOnly.TryParseExact(cells[2].Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var period))
            return $"period '{cells[2].Trim()}' is not a date (yyyy-MM-dd)";
        if (!decimal.TryParse(cells[3].Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
            return $"value '{cells[3].Trim()}' is not a number";
        var note = cells.Length > 4 ? string.Join(',', cells[4..]).Trim() : null;
        row = new CsvRow(line, cells[0].Trim(), cells[1].Trim(), period, value, string.IsNullOrEmpty(note) ? null : note);
        return null;
    }
}
