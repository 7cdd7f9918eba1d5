using System.Globalization;
using System.Text.RegularExpressions;
using Governance.Api.Data;
using Governance.Domain.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Transparency;

/// <summary>
/// The Local Government Transparency Code 2015's quarterly contracts file: every invitation to tender (a procurement
/// whose notice went out in the quarter) and every contract (let, that is starting, in the quarter) worth more than
/// GBP 5,000, with the Code's fields. Read through the caller's exemption filter: the public file holds nothing exempt.
/// Quarters are calendar quarters, named 2015-Q2 (April to June 2015).
/// </summary>
public sealed partial class TransparencyCodeFile(GovernanceDbContext db)
{
    /// <summary>The Code's threshold: more than this is published.</summary>
    public const decimal Threshold = 5_000m;

    public static readonly IReadOnlyList<string> Header =
    [
        "Type", "Reference", "Title", "Department", "Description", "Supplier", "Supplier registration number", "Value (GBP)",
        "Irrecoverable VAT (GBP)", "Start date", "End date", "Review date", "Procedure", "SME", "VCSE",
    ];

    public sealed record Quarter(int Year, int Number)
    {
        public DateOnly First => new(Year, ((Number - 1) * 3) + 1, 1);

        public DateOnly Last => First.AddMonths(3).AddDays(-1);

        public override string ToString() => $"{Year}-Q{Number}";

        public string Describe() => $"{First.ToString("MMMM", CultureInfo.GetCultureInfo("en-GB"))} to {Last.ToString("MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"))}";
    }

    [GeneratedRegex(@"^(?<year>(19|20)\d\d)-Q(?<quarter>[1-4])$", RegexOptions.IgnoreCase)]
    private static partial Regex QuarterName();

    /// <summary>A quarter from its name (2015-Q2), or null when it is not one.</summary>
    public static Quarter? Parse(string? name) =>
        name is not null && QuarterName().Match(name.Trim()) is { Success: true } m
            ? new Quarter(int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), int.Parse(m.Groups["quarter"].Value, CultureInfo.InvariantCulture))
            : null;

    /// <summary>The quarter's rows: invitations to tender first, then contracts, each by reference.</summary>
    public async Task<IReadOnlyList<IReadOnlyList<string>>> RowsAsync(Quarter quarter, CancellationToken ct)
    {
        static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        static string Money(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
        static string YesNo(bool value) => value ? "Yes" : "No";
        var (first, last) = (quarter.First, quarter.Last);

        var tenders = await db.Procurements.AsNoTracking().Include(p => p.Department)
            .Where(p => p.ContractNoticeSentOn >= first && p.ContractNoticeSentOn <= last && p.EstimatedValue > Threshold)
            .OrderBy(p => p.Reference).ToListAsync(ct);
        var contracts = await db.Contracts.AsNoTracking().Include(c => c.Department).Include(c => c.Supplier)
            .Where(c => c.Status != ContractStatus.Draft && c.StartOn >= first && c.StartOn <= last && c.TotalValue > Threshold)
            .OrderBy(c => c.Reference).ToListAsync(ct);
        return
        [
            .. tenders.Select(p => (IReadOnlyList<string>)
            [
                "Invitation to tender", p.Reference, p.Title, p.Department?.Name ?? "", p.Description ?? "", "", "", Money(p.EstimatedValue), "",
                Day(p.ContractNoticeSentOn), "", "", p.Procedure.ToString(), "", "",
            ]),
            .. contracts.Select(c => (IReadOnlyList<string>)
            [
                "Contract", c.Reference, c.Title, c.Department?.Name ?? "", c.Description ?? "", c.Supplier?.Name ?? "", c.Supplier?.CompaniesHouseNumber ?? "",
                Money(c.TotalValue), Money(c.IrrecoverableVat), Day(c.StartOn), Day(c.EndOn), Day(c.ReviewOn), c.Procedure?.ToString() ?? "",
                YesNo(c.Supplier?.IsSme == true), YesNo(c.Supplier?.IsVcse == true),
            ]),
        ];
    }
}
