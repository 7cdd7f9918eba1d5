using System.Security.Claims;
using Governance.Api.Auth;
using Governance.Api.Data;
using Governance.Api.Data.Audit;
using Governance.Api.Features.Performance;
using Microsoft.AspNetCore.Mvc;

namespace Governance.Api.Portal.Pages.Work;

/// <summary>
/// Returns from a CSV file (the API import's columns: contract, indicator, period, value, note), for whoever may
/// record returns: all or nothing, or the valid rows only, with every row's outcome shown as a table. The file goes
/// through MeasurementImport, the API's import, so the same rules, scope (a supplier's own contracts), row limit and
/// audit entry apply.
/// </summary>
public sealed class ImportReturnsModel(GovernanceDbContext db, MeasurementRecorder recorder, SlipDetector slips, AuditWriter audit, IConfiguration configuration) : GatedPageModel
{
    /// <summary>What browsers call a CSV file: spreadsheets on Windows send it as the Excel type, some as plain text.</summary>
    private static readonly string[] CsvTypes = ["text/csv", "application/vnd.ms-excel", "text/plain", "application/csv", "text/comma-separated-values"];

    public ImportOutcome? Outcome { get; private set; }

    protected override bool MayUse(ClaimsPrincipal user) => AccessRules.CanWrite("Measurements", user.IsInRole);

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? mode, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            Errors["file"] = "Choose a CSV file of returns";
        else if (!file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || !CsvTypes.Contains(file.ContentType.Split(';')[0].Trim(), StringComparer.OrdinalIgnoreCase))
            Errors["file"] = "The file must be a CSV file (.csv)";
        if (mode is not ("all" or "partial"))
            Errors["mode-all"] = "Choose whether to import only when every row is valid, or the valid rows";
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        await using var stream = file!.OpenReadStream();
        Outcome = await MeasurementImport.ImportAsync(stream, mode == "partial", User, db, recorder, slips, audit, configuration, ct);
        if (Outcome.Error is { } refused)
            Errors["file"] = refused;
        Response.StatusCode = Outcome.Status;
        return Page();
    }
}
