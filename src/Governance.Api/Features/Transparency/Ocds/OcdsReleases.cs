using System.Globalization;
using System.Text.Json.Nodes;
using Governance.Api.Data;
using Governance.Domain.Contracts;
using Governance.Domain.Tendering;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Features.Transparency.Ocds;

/// <summary>
/// Each contracting process as OCDS 1.1 releases, one per event: planning (the procurement begun), tender (the
/// contract or tender notice sent), award (once awarded), contract (each contract entered) and implementation (a
/// contract's KPI observations, one release a year, in the metrics extension's shape). A procurement's ocid is the
/// council's prefix and its reference; a contract put on the register without a procurement here is a process of its own.
/// Only what is public: read through the caller's exemption filter (the public sees nothing exempt), nothing of the
/// bids before award (no tenderers, prices or scores), and an award only once the procurement is awarded.
/// </summary>
public sealed class OcdsReleases(GovernanceDbContext db, IConfiguration configuration)
{
    /// <summary>The metrics extension, for KPI observations under contracts' implementation.</summary>
    public const string MetricsExtension = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_metrics_extension/master/extension.json";

    public string Prefix => configuration["Transparency:OcidPrefix"] ?? "ocds-000000";

    public string PublisherName => configuration["Transparency:PublisherName"] ?? "The council";

    private string BuyerId => $"{Prefix}-buyer";

    /// <summary>Every release, oldest first (by date, then id), each process's in the order of its events.</summary>
    public async Task<List<JsonObject>> AllAsync(CancellationToken ct)
    {
        var procurements = await db.Procurements.AsNoTracking().Include(p => p.Department).OrderBy(p => p.Id).ToListAsync(ct);
        var contracts = await db.Contracts.AsNoTracking().Include(c => c.Supplier).Where(c => c.Status != ContractStatus.Draft).OrderBy(c => c.Id).ToListAsync(ct);
        var awarded = procurements.Where(p => p.Stage is ProcurementStage.Awarded or ProcurementStage.ContractSigned).Select(p => p.Id).ToList();
        var winners = await db.Bidders.IgnoreQueryFilters().AsNoTracking().Include(b => b.Supplier)
            .Where(b => awarded.Contains(b.ProcurementId) && (b.Status == BidderStatus.Successful || b.Status == BidderStatus.PreferredBidder))
            .ToDictionaryAsync(b => b.ProcurementId, ct);
        var observations = await ObservationsAsync(contracts.Select(c => c.Id).ToList(), ct);
        var contractIds = contracts.Select(c => c.Id).ToList();
        var modifications = (await db.ContractModifications.AsNoTracking().Where(m => contractIds.Contains(m.ContractId)).OrderBy(m => m.Id).ToListAsync(ct))
            .ToLookup(m => m.ContractId);

        var releases = new List<JsonObject>();
        foreach (var p in procurements)
        {
            var ocid = $"{Prefix}-{p.Reference}";
            releases.Add(Release(ocid, "planning", p.StartedOn, ["planning"], r =>
            {
                r["planning"] = new JsonObject { ["rationale"] = p.Description, ["budget"] = new JsonObject { ["amount"] = Money(p.EstimatedValue) } };
                r["tender"] = Tender(p, "planning");
            }));
            if (p.ContractNoticeSentOn is { } sent)
                releases.Add(Release(ocid, "tender", sent, [p.Stage == ProcurementStage.Cancelled ? "tenderCancellation" : "tender"], r => r["tender"] = Tender(p, TenderStatus(p))));
            var let = contracts.Where(c => c.ProcurementId == p.Id).ToList();
            if (winners.TryGetValue(p.Id, out var winner) && winner.Supplier is { } supplier)
            {
                var awardedOn = p.StandstillEndsAt is { } ends ? DateOnly.FromDateTime(ends) : let.Select(c => c.StartOn).DefaultIfEmpty(p.StartedOn).Min();
                releases.Add(Release(ocid, "award", awardedOn, ["award"], r =>
                {
                    r["parties"] = Parties(supplier);
                    r["awards"] = new JsonArray(Award($"{ocid}-award", awardedOn, let.Count > 0 ? AwardedTerms(let[0], modifications[let[0].Id]).TotalValue : null, supplier, p.Title));
                }));
            }

            foreach (var c in let)
                AddContract(releases, ocid, c, winners.ContainsKey(p.Id) ? $"{ocid}-award" : null, observations, modifications[c.Id]);
        }

        foreach (var c in contracts.Where(c => c.ProcurementId is null || procurements.All(p => p.Id != c.ProcurementId)))
            AddContract(releases, $"{Prefix}-{c.Reference}", c, null, observations, modifications[c.Id]);
        return [.. releases.OrderBy(r => (string)r["date"]!, StringComparer.Ordinal).ThenBy(r => (string)r["id"]!, StringComparer.Ordinal)];
    }

    /// <summary>
    /// A contract's releases: entered (with its term and value as awarded), each modification as a contract amendment
    /// (the term and value after it, and why), then its KPI observations year by year. A contract let outside a
    /// procurement here brings its own award.
    /// </summary>
    private void AddContract(List<JsonObject> releases, string ocid, Contract c, string? awardId, ILookup<int, Observation> observations, IEnumerable<ContractModification> modifications)
    {
        var award = awardId ?? $"{ocid}-award-{c.Reference}";
        var changes = modifications.ToList();
        var awarded = AwardedTerms(c, changes);
        releases.Add(Release(ocid, $"contract-{c.Reference}", c.StartOn, ["contract"], r =>
        {
            if (c.Supplier is { } supplier)
                r["parties"] = Parties(supplier);
            if (awardId is null && c.Supplier is { } s)
                r["awards"] = new JsonArray(Award(award, c.StartOn, awarded.TotalValue, s, c.Title));
            r["contracts"] = new JsonArray(Contract(c, award, awarded));
        }));
        foreach (var m in changes)
        {
            releases.Add(Release(ocid, $"amendment-{c.Reference}-{m.Id}", DateOnly.FromDateTime(m.MadeAt), ["contractAmendment"], r =>
            {
                var contract = Contract(c, award, m.After);
                contract["amendments"] = new JsonArray(new JsonObject
                {
                    ["id"] = $"{c.Reference}-{m.Id}", ["date"] = m.MadeAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), ["rationale"] = m.Reason,
                    ["description"] = $"End date {Day(m.EndOnBefore)} to {Day(m.EndOnAfter)}; value GBP {m.TotalValueBefore.ToString("0.##", CultureInfo.InvariantCulture)} to "
                        + $"GBP {m.TotalValueAfter.ToString("0.##", CultureInfo.InvariantCulture)}. {m.ChangeNoticeRule}",
                });
                r["contracts"] = new JsonArray(contract);
            }));
        }

        foreach (var year in observations[c.Id].GroupBy(o => o.PeriodStart.Year))
        {
            var last = year.Max(o => o.PeriodStart).AddMonths(1).AddDays(-1);
            releases.Add(Release(ocid, $"implementation-{c.Reference}-{year.Key}", last, ["implementation"], r =>
            {
                var contract = Contract(c, award, c.Terms);
                contract["implementation"] = new JsonObject { ["metrics"] = Metrics(year) };
                r["contracts"] = new JsonArray(contract);
            }));
        }
    }

    private JsonObject Release(string ocid, string suffix, DateOnly date, string[] tags, Action<JsonObject> fill)
    {
        var release = new JsonObject
        {
            ["ocid"] = ocid, ["id"] = $"{ocid}-{suffix}", ["date"] = Date(date), ["tag"] = new JsonArray([.. tags.Select(t => (JsonNode)t)]),
            ["initiationType"] = "tender", ["language"] = "en",
            ["parties"] = new JsonArray(BuyerParty()),
            ["buyer"] = new JsonObject { ["id"] = BuyerId, ["name"] = PublisherName },
        };
        fill(release);
        return release;
    }

    /// <summary>The tender as the notice described it: never its bidders, bids or scores.</summary>
    private static JsonObject Tender(Procurement p, string status)
    {
        var tender = new JsonObject
        {
            ["id"] = p.Reference, ["title"] = p.Title, ["description"] = p.Description, ["status"] = status,
            ["procurementMethod"] = p.Procedure == ProcurementProcedure.Open ? "open" : "selective",
            ["procurementMethodDetails"] = p.Procedure switch
            {
                ProcurementProcedure.CompetitiveDialogue => "Competitive dialogue (Public Contracts Regulations 2015, reg 30)",
                ProcurementProcedure.CompetitiveFlexible => "Competitive flexible procedure (Procurement Act 2023, s.20(2)(b))",
                _ => "Open procedure",
            },
            ["mainProcurementCategory"] = "services",
            ["value"] = Money(p.EstimatedValue),
        };
        if (p.ParticipationDeadline is { } deadline)
            tender["tenderPeriod"] = new JsonObject { ["startDate"] = p.ContractNoticeSentOn is { } sent ? Date(sent) : null, ["endDate"] = EndOf(deadline) };
        return tender;
    }

    private static string TenderStatus(Procurement p) => p.Stage switch
    {
        ProcurementStage.Cancelled => "cancelled",
        ProcurementStage.Awarded or ProcurementStage.ContractSigned => "complete",
        ProcurementStage.Planning => "planned",
        _ => "active",
    };

    /// <summary>The council and the supplier a release names.</summary>
    private JsonArray Parties(Domain.Organisation.Supplier supplier) => new(BuyerParty(), Party(supplier));

    private JsonObject BuyerParty() => new() { ["id"] = BuyerId, ["name"] = PublisherName, ["roles"] = new JsonArray("buyer", "procuringEntity") };

    private static JsonObject Party(Domain.Organisation.Supplier s)
    {
        var party = new JsonObject { ["id"] = SupplierId(s), ["name"] = s.Name, ["roles"] = new JsonArray("supplier") };
        if (!string.IsNullOrWhiteSpace(s.CompaniesHouseNumber))
            party["identifier"] = new JsonObject { ["scheme"] = "GB-COH", ["id"] = s.CompaniesHouseNumber, ["legalName"] = s.Name };
        party["details"] = new JsonObject { ["scale"] = s.IsSme ? "sme" : "large", ["vcse"] = s.IsVcse };
        return party;
    }

    private static string SupplierId(Domain.Organisation.Supplier s) =>
        string.IsNullOrWhiteSpace(s.CompaniesHouseNumber) ? $"supplier-{s.Id}" : $"GB-COH-{s.CompaniesHouseNumber}";

    private static JsonObject Award(string id, DateOnly date, decimal? value, Domain.Organisation.Supplier supplier, string title)
    {
        var award = new JsonObject
        {
            ["id"] = id, ["title"] = title, ["status"] = "active", ["date"] = Date(date),
            ["suppliers"] = new JsonArray(new JsonObject { ["id"] = SupplierId(supplier), ["name"] = supplier.Name }),
        };
        if (value is { } amount)
            award["value"] = Money(amount);
        return award;
    }

    /// <summary>The term and value the contract was awarded with: before its first modification, or as it stands if none.</summary>
    private static ContractTerms AwardedTerms(Contract c, IEnumerable<ContractModification> changes) => changes.FirstOrDefault()?.Before ?? c.Terms;

    private static JsonObject Contract(Contract c, string awardId, ContractTerms terms) => new()
    {
        ["id"] = c.Reference, ["awardID"] = awardId, ["title"] = c.Title, ["description"] = c.Description,
        ["status"] = c.Status switch { ContractStatus.Terminated or ContractStatus.Expired => "terminated", _ => "active" },
        ["period"] = new JsonObject { ["startDate"] = Date(c.StartOn), ["endDate"] = EndOf(terms.EndOn) },
        ["value"] = Money(terms.TotalValue),
        ["dateSigned"] = Date(c.StartOn),
    };

    private static JsonArray Metrics(IEnumerable<Observation> observations) => new([.. observations.GroupBy(o => (o.Code, o.Name, o.Unit, o.Target))
        .Select(kpi => (JsonNode)new JsonObject
        {
            ["id"] = kpi.Key.Code, ["title"] = kpi.Key.Name, ["description"] = $"Target {kpi.Key.Target.ToString(CultureInfo.InvariantCulture)} {kpi.Key.Unit}",
            ["observations"] = new JsonArray([.. kpi.OrderBy(o => o.PeriodStart).Select(o => (JsonNode)new JsonObject
            {
                ["id"] = $"{kpi.Key.Code}-{o.PeriodStart:yyyy-MM}",
                ["period"] = new JsonObject { ["startDate"] = Date(o.PeriodStart), ["endDate"] = EndOf(o.PeriodStart.AddMonths(1).AddDays(-1)) },
                ["measure"] = o.Value, ["unit"] = new JsonObject { ["name"] = kpi.Key.Unit },
                ["notes"] = o.Verified ? "Verified by the council." : "Reported; not yet verified by the council.",
            })]),
        })]);

    private sealed record Observation(int ContractId, string Code, string Name, string Unit, decimal Target, DateOnly PeriodStart, decimal Value, bool Verified);

    /// <summary>The current figure of each return (a superseded version is not), read through the caller's exemption filter: an exempt KPI is not published.</summary>
    private async Task<ILookup<int, Observation>> ObservationsAsync(List<int> contractIds, CancellationToken ct) =>
        (await db.Measurements.AsNoTracking()
            .Where(m => !m.Superseded && m.Indicator!.ContractId != null && contractIds.Contains(m.Indicator.ContractId.Value)
                && m.VerificationStatus != Domain.Contracts.VerificationStatus.Proposed)
            .Select(m => new Observation(m.Indicator!.ContractId!.Value, m.Indicator.Code, m.Indicator.Name, m.Indicator.Unit, m.Indicator.Target, m.PeriodStart, m.Value,
                m.VerificationStatus == Domain.Contracts.VerificationStatus.Verified))
            .ToListAsync(ct)).ToLookup(o => o.ContractId);

    private static JsonObject Money(decimal amount) => new() { ["amount"] = amount, ["currency"] = "GBP" };

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string EndOf(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T23:59:59Z";
}
