using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Governance.Domain.Organisation;
using Governance.Domain.Scrutiny;
using Governance.Domain.Tendering;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Data.Generation;

/// <summary>
/// Fills any provider with a deterministic, realistic dataset at a chosen scale, beside whatever is there (the
/// seed). The same scale and seed always give the same rows. Rows are bulk-inserted without an audit entry each;
/// the run itself is recorded once, as the audited creation of its "GEN" department, which names what was made.
/// A run commits whole or not at all.
/// </summary>
public sealed class DataGenerator(GovernanceDbContext db, ILogger<DataGenerator> logger)
{
    private const int Batch = 5_000;

    /// <summary>The last month of generated returns: fixed, so that a dataset does not depend on when it is made.</summary>
    public static readonly DateOnly LastMonth = new(2026, 10, 1);

    private static readonly (string Name, string Unit, Direction Direction, IndicatorCategory Category, decimal Target, decimal Amber, decimal Red)[] Kpis =
    [
        ("Service requests completed on time", "%", Direction.HigherIsBetter, IndicatorCategory.Performance, 95, 92, 88),
        ("Calls answered within 60 seconds", "%", Direction.HigherIsBetter, IndicatorCategory.Performance, 80, 75, 70),
        ("Missed collections per 100,000", "count", Direction.LowerIsBetter, IndicatorCategory.Performance, 40, 50, 65),
        ("Invoices paid within 30 days", "%", Direction.HigherIsBetter, IndicatorCategory.Performance, 95, 92, 90),
        ("Complaints received", "count", Direction.LowerIsBetter, IndicatorCategory.Complaints, 30, 40, 55),
        ("Complaints answered within 10 working days", "%", Direction.HigherIsBetter, IndicatorCategory.Complaints, 90, 85, 80),
        ("Staff sickness absence (days per FTE)", "days", Direction.LowerIsBetter, IndicatorCategory.Staff, 8, 9.5m, 11),
        ("Staff turnover", "%", Direction.LowerIsBetter, IndicatorCategory.Staff, 12, 15, 20),
        ("Residents satisfied with the service", "%", Direction.HigherIsBetter, IndicatorCategory.Satisfaction, 85, 80, 75),
        ("Repairs fixed first time", "%", Direction.HigherIsBetter, IndicatorCategory.Performance, 90, 85, 80),
    ];

    private static readonly string[] Services = ["waste collection", "highways maintenance", "ICT support", "home care", "facilities management", "leisure centres", "parking enforcement", "revenues and benefits"];

    public sealed record Report(string Scale, int Contracts, int Indicators, int Measurements, int Procurements, int Suppliers, int Escalations, int Committees, TimeSpan Elapsed);

    public async Task<Report> GenerateAsync(DataScale scale, int seed, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        if (scale.Contracts == 0)
            return new Report(scale.Name, 0, 0, 0, 0, 0, 0, 0, watch.Elapsed);
        var code = $"GEN{scale.Name}{seed}";
        if (await db.Departments.IgnoreQueryFilters().AnyAsync(d => d.Code == code, ct))
            throw new InvalidOperationException($"Scale {scale.Name} with seed {seed} is already in this database (department {code}).");

        // One transaction: a run that fails part-way leaves nothing behind and can simply be run again. It holds
        // the database's write lock (and the audit chain's) until it ends, which suits a data set-up command.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var random = new Random(seed);
        var department = new Department
        {
            Code = code, Name = $"Generated dataset, scale {scale.Name}, seed {seed}: {scale.Contracts:N0} contracts, {scale.Measurements:N0} KPI returns, {scale.Procurements:N0} procurements",
            Directorate = "Generated", HeadOfService = "Head of Commissioning", Director = "Director of Environment",
        };
        db.Departments.Add(department);
        await db.SaveChangesAsync(ct); // audited: the run's one entry in the chain
        db.ChangeTracker.Clear();
        // Off for the bulk inserts only: the audited save above needs change detection to move the chain's head.
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var suppliers = Enumerable.Range(1, scale.Suppliers).Select(i => new Supplier
        {
            Name = $"{code} Supplier {i:D4} Ltd", IsSme = random.Next(3) == 0, IsVcse = random.Next(20) == 0, CompaniesHouseNumber = $"{random.Next(10_000_000):D8}",
        }).ToList();
        await BulkAsync(suppliers, ct);

        var contracts = Enumerable.Range(1, scale.Contracts).Select(i =>
        {
            var start = new DateOnly(2019 + random.Next(3), 1 + random.Next(12), 1);
            var annual = 50_000m * (1 + random.Next(400));
            return new Contract
            {
                Reference = $"{code}-C{i:D5}", Title = $"{char.ToUpperInvariant(Services[i % Services.Length][0])}{Services[i % Services.Length][1..]} contract {i}",
                SupplierId = suppliers[random.Next(suppliers.Count)].Id, DepartmentId = department.Id, ContractManager = $"Contract manager {i % 40}",
                AnnualValue = annual, TotalValue = annual * 7, StartOn = start, EndOn = start.AddYears(7).AddDays(-1), Status = ContractStatus.Active,
                ServiceCreditPercentPerRedKpi = 2, ServiceCreditCapPercent = 10,
            };
        }).ToList();
        await BulkAsync(contracts, ct);

        var indicators = contracts.SelectMany(c => Enumerable.Range(0, scale.KpisPerContract).Select(k =>
        {
            var kpi = Kpis[k % Kpis.Length];
            return new Indicator
            {
                ContractId = c.Id, Code = $"K{k + 1:D2}", Name = kpi.Name, Unit = kpi.Unit, Direction = kpi.Direction, Category = kpi.Category,
                Target = kpi.Target, RedThreshold = kpi.Red, Frequency = Frequency.Monthly, Weight = 1 + k % 3, SupplierSelfReports = k % 2 == 0,
            };
        })).ToList();
        await BulkAsync(indicators, ct);

        var first = LastMonth.AddMonths(1 - scale.Months);
        var recorded = new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc);
        var pending = new List<Measurement>(Batch);
        foreach (var indicator in indicators)
        {
            // A drift per indicator: most stay near target, some slide towards red, as real returns do.
            var drift = (decimal)(random.NextDouble() - 0.7) * 0.08m;
            var span = Math.Abs(indicator.RedThreshold - indicator.Target) + 1;
            for (var m = 0; m < scale.Months; m++)
            {
                var noise = (decimal)(random.NextDouble() - 0.5) * span * 0.6m;
                var slide = drift * m * span / 10;
                var value = indicator.Direction == Direction.HigherIsBetter ? indicator.Target + span * 0.1m + noise - slide : indicator.Target - span * 0.1m - noise + slide;
                pending.Add(new Measurement
                {
                    IndicatorId = indicator.Id, PeriodStart = first.AddMonths(m), Value = Math.Round(Math.Max(0, value), 2),
                    Source = indicator.SupplierSelfReports ? MeasurementSource.Supplier : MeasurementSource.ContractManager,
                    VerificationStatus = m < scale.Months - 2 ? VerificationStatus.Verified : VerificationStatus.Unverified,
                    RecordedBy = "generator", RecordedAt = recorded,
                });
                if (pending.Count == Batch)
                {
                    await BulkAsync(pending, ct);
                    pending = new List<Measurement>(Batch);
                }
            }
        }
        await BulkAsync(pending, ct);

        var stages = Enum.GetValues<ProcurementStage>();
        await BulkAsync(Enumerable.Range(1, scale.Procurements).Select(i => new Procurement
        {
            Reference = $"{code}-P{i:D5}", Title = $"Procurement {i}: {Services[i % Services.Length]}", DepartmentId = department.Id,
            Description = "A generated procurement of ordinary size for a council service.", LeadOfficer = $"Procurement officer {i % 25}",
            Procedure = (ProcurementProcedure)(i % 3), Stage = stages[random.Next(stages.Length)], EstimatedValue = 100_000m * (1 + random.Next(200)),
            PriceScoringMethod = PriceScoringMethod.LowestPriceRelative,
        }).ToList(), ct);

        await BulkAsync(contracts.Take(scale.Escalations).Select((c, i) => new Escalation
        {
            ContractId = c.Id, Cause = i % 2 == 0 ? "red-period" : "consecutive-amber", Summary = "Generated slip.", Level = (EscalationLevel)(i % 4),
            Status = EscalationStatus.Open, OpenedAt = recorded.AddDays(-i % 60),
        }).ToList(), ct);

        var clocks = Domain.Calendar.StatutoryClocks.EnglandAndWales;
        for (var c = 1; c <= scale.Committees; c++)
        {
            var committee = new Committee { Name = $"{code} Scrutiny panel {c}", Kind = CommitteeKind.SelectCommittee };
            db.Committees.Add(committee);
            await db.SaveChangesWithoutRowAuditAsync(ct);
            var meetings = Enumerable.Range(0, 50).Select(m => new Meeting
            {
                CommitteeId = committee.Id, StartsAt = new DateTime(2022, 1, 10, 18, 0, 0, DateTimeKind.Utc).AddDays(m * 35), Venue = "Council Chamber",
            }).ToList();
            await BulkAsync(meetings, ct);
            // Each meeting's agenda: five items, each a contract's performance paper published on time, with its decision.
            var items = meetings.SelectMany(m => Enumerable.Range(1, 5).Select(n =>
            {
                var contract = contracts[random.Next(contracts.Count)];
                var item = new AgendaItem
                {
                    MeetingId = m.Id, Number = n, Title = $"Performance of {contract.Reference}: {contract.Title}", LeadOfficer = "Contract manager",
                    SubjectType = nameof(Contract), SubjectId = contract.Id, Recommendations = "That the panel notes the contract's performance.",
                };
                item.ScheduleFor(Domain.Calendar.LondonTime.DateOf(m.StartsAt), clocks);
                item.PaperPublishedAt = m.StartsAt.AddDays(-8);
                return item;
            })).ToList();
            await BulkAsync(items, ct);
            await BulkAsync(items.Select(i => new Decision
            {
                AgendaItemId = i.Id, Outcome = "The panel noted the contract's performance and asked for a further report.", VotesFor = 5 + random.Next(4),
                VotesAgainst = random.Next(3), Abstentions = random.Next(2), DecidedOn = Domain.Calendar.LondonTime.DateOf(i.PaperPublishedAt!.Value.AddDays(8)),
            }).Select(d =>
            {
                d.Publish(d.DecidedOn.AddDays(2), clocks.Days);
                return d;
            }).ToList(), ct);
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await transaction.CommitAsync(ct);
        logger.LogInformation("Generated scale {Scale} in {Elapsed}", scale.Name, watch.Elapsed);
        return new Report(scale.Name, contracts.Count, indicators.Count, scale.Measurements, scale.Procurements, suppliers.Count, scale.Escalations, scale.Committees, watch.Elapsed);
    }

    private async Task BulkAsync<T>(IReadOnlyList<T> rows, CancellationToken ct)
        where T : class
    {
        for (var i = 0; i < rows.Count; i += Batch)
        {
            db.Set<T>().AddRange(rows.Skip(i).Take(Batch));
            await db.SaveChangesWithoutRowAuditAsync(ct);
            db.ChangeTracker.Clear();
        }
    }
}
