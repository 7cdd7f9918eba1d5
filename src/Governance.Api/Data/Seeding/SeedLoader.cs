using Governance.Api.Auth;
using Governance.Api.Features.Escalations;
using Governance.Api.Features.Tendering;
using Governance.Api.Features.Workflows;
using Governance.Domain.Access;
using Governance.Domain.Calendar;
using Governance.Domain.Contracts;
using Governance.Domain.Escalations;
using Governance.Domain.Organisation;
using Governance.Domain.Scrutiny;
using Governance.Domain.Tendering;
using Microsoft.EntityFrameworkCore;

namespace Governance.Api.Data.Seeding;

/// <summary>Loads seed/ into an empty database in one transaction, resolving every natural-key reference.</summary>
public sealed partial class SeedLoader(
    GovernanceDbContext db, AccountService accounts, WorkflowCommands workflows, Features.Performance.SlipDetector slips, IConfiguration configuration, IHostEnvironment environment,
    ILogger<SeedLoader> logger, TimeProvider time, Features.Notices.NoticeContent noticeContent)
{
    private readonly Dictionary<string, Department> departments = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Supplier> suppliers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Procurement> procurements = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Contract> contracts = new(StringComparer.OrdinalIgnoreCase);
    private string file = "";

    public async Task LoadIfEmptyAsync(CancellationToken ct)
    {
        if (await db.Departments.IgnoreQueryFilters().AnyAsync(ct))
            return;
        // The demo never goes into a database someone has started using (an account made with 'users add', a
        // supplier, contract, procurement or committee): its append-only audit trail could never be cleaned of it.
        // Reference data loaded at every start (roles, workflow definitions) does not count.
        if (await db.Users.AnyAsync(ct) || await db.Suppliers.IgnoreQueryFilters().AnyAsync(ct) || await db.Contracts.IgnoreQueryFilters().AnyAsync(ct)
            || await db.Procurements.IgnoreQueryFilters().AnyAsync(ct) || await db.Committees.IgnoreQueryFilters().AnyAsync(ct))
        {
            logger.LogWarning("Seed refused: the database already holds accounts or records, and the demo council is loaded only into an empty one.");
            return;
        }
        var folder = SeedFiles.Locate(configuration["Seed:Path"], environment.ContentRootPath);
        await LoadAsync(folder, ct);
    }

    public async Task LoadAsync(string folder, CancellationToken ct)
    {
        var demoAccounts = configuration.GetValue<bool>("Seed:DemoAccounts");
        var demoPassword = configuration["Seed:DemoPassword"];
        if (demoAccounts && string.IsNullOrEmpty(demoPassword))
            throw new InvalidOperationException("Seed:DemoAccounts is on but Seed:DemoPassword is not set.");

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var (name, seed) in SeedFiles.Read(folder))
        {
            file = name;
            AddDepartments(seed.Departments);
            AddSuppliers(seed.Suppliers);
            await db.SaveChangesAsync(ct);
            if (demoAccounts)
            {
                foreach (var account in seed.Accounts)
                {
                    var supplierId = account.Supplier is null ? (int?)null : Resolve(suppliers, account.Supplier, "supplier").Id;
                    var user = await accounts.CreateAsync(new NewAccount(account.Email, account.DisplayName, demoPassword!, account.Roles, supplierId), ct);
                    if (account.AccessToken is { } tokenName && configuration["Seed:DemoAccessToken"] is { Length: > 0 } secret)
                        db.PersonalAccessTokens.Add(PersonalAccessToken.Issue(user.Id, tokenName, PersonalAccessTokenHandler.HashOf(secret), secret[..12], time.GetUtcNow(), PersonalAccessToken.MaxLifetimeDays));
                }
            }

            AddProcurements(seed.Procurements);
            await db.SaveChangesAsync(ct);
            await StartProcurementWorkflowsAsync(seed.Procurements, ct);
            AddBidders(seed.Procurements);
            AddContracts(seed.Contracts);
            AddInternalSlas(seed.InternalSlas);
            AddCommittees(seed.Committees);
            await db.SaveChangesAsync(ct);
            await AddTendersAsync(seed.Tenders, ct);
            await AddNoticesAsync(seed.Notices, ct);
            await AddScrutinyAsync(seed, ct);
            AddSignOffs(seed.SignOffRequests);
            var escalations = AddEscalations(seed.Escalations);
            await db.SaveChangesAsync(ct);
            await StartEscalationWorkflowsAsync(escalations, seed.Escalations, ct);
            await db.SaveChangesAsync(ct);
            logger.LogInformation("Loaded seed file {File}", name);
        }

        // The seeded returns are checked for slips as new returns would be: the demo shows what detection finds.
        foreach (var contract in await db.Contracts.Select(c => c.Id).ToListAsync(ct))
            await slips.DetectForContractAsync(contract, ct);
        foreach (var sla in await db.InternalSlas.Select(s => s.Id).ToListAsync(ct))
            await slips.DetectForSlaAsync(sla, ct);
        await transaction.CommitAsync(ct);
    }

    private void AddDepartments(IEnumerable<DepartmentSeed> rows)
    {
        foreach (var d in rows)
        {
            var department = new Department { Code = d.Code, Name = d.Name, Directorate = d.Directorate, HeadOfService = d.HeadOfService, Director = d.Director };
            departments.Add(d.Code, department);
            db.Add(department);
        }
    }

    private void AddSuppliers(IEnumerable<SupplierSeed> rows)
    {
        foreach (var s in rows)
        {
            var supplier = new Supplier { Name = s.Name, CompaniesHouseNumber = s.CompaniesHouseNumber, IsSme = s.IsSme, IsVcse = s.IsVcse, ContactEmail = s.ContactEmail };
            suppliers.Add(s.Name, supplier);
            db.Add(supplier);
        }
    }

    private void AddProcurements(IEnumerable<ProcurementSeed> rows)
    {
        foreach (var p in rows)
        {
            var procurement = new Procurement
            {
                Reference = p.Reference, Title = p.Title, Description = p.Description,
                Department = Resolve(departments, p.Department, "department"),
                LeadOfficer = p.LeadOfficer, LeadMember = p.LeadMember, Procedure = p.Procedure, Stage = p.Stage,
                EstimatedValue = p.EstimatedValue, ContractNoticeSentOn = p.ContractNoticeSentOn,
                // Imported history: started no later than its notice, so the law of that day applies.
                StartedOn = p.ContractNoticeSentOn ?? LondonTime.DateOf(time.GetUtcNow().UtcDateTime),
            };
            procurements.Add(p.Reference, procurement);
            db.Add(procurement);
        }
    }

    private void AddBidders(IEnumerable<ProcurementSeed> rows)
    {
        foreach (var p in rows)
        {
            foreach (var b in p.Bidders ?? [])
            {
                db.Add(new Bidder
                {
                    ProcurementId = procurements[p.Reference].Id,
                    Supplier = Resolve(suppliers, b.Supplier, "supplier"),
                    RequestedToParticipateOn = b.RequestedToParticipateOn,
                    Status = b.Status,
                    ExitStage = b.ExitStage,
                    ExitReason = b.ExitReason,
                });
            }
        }
    }

    private void AddContracts(IEnumerable<ContractSeed> rows)
    {
        foreach (var c in rows)
        {
            var contract = new Contract
            {
                Reference = c.Reference, Title = c.Title, Description = c.Description,
                Supplier = Resolve(suppliers, c.Supplier, "supplier"),
                Department = Resolve(departments, c.Department, "department"),
                ProcurementId = c.Procurement is null ? null : Resolve(procurements, c.Procurement, "procurement").Id,
                ContractManager = c.ContractManager, TotalValue = c.TotalValue, AnnualValue = c.AnnualValue,
                IrrecoverableVat = c.IrrecoverableVat, StartOn = c.StartOn, EndOn = c.EndOn, ReviewOn = c.ReviewOn, Status = c.Status,
                ExitPlan = c.ExitPlan, ExitPlanReviewedOn = c.ExitPlanReviewedOn,
                ServiceCreditPercentPerRedKpi = c.ServiceCreditPercentPerRedKpi, ServiceCreditCapPercent = c.ServiceCreditCapPercent,
            };
            foreach (var i in c.Indicators ?? [])
                contract.Indicators.Add(ToIndicator(i));
            contracts.Add(c.Reference, contract);
            db.Add(contract);
            foreach (var o in c.Options ?? [])
                db.Add(new ContractOption { Contract = contract, Kind = o.Kind, Description = o.Description, Months = o.Months, NoticeBy = o.NoticeBy });
            foreach (var m in c.Modifications ?? [])
                AddModification(contract, m);
        }
    }

    /// <summary>Recorded as <see cref="Contract.Modify"/> would have recorded it then, the s.75 test included.</summary>
    private void AddModification(Contract contract, ModificationSeed m)
    {
        var (required, rule) = ContractModification.ChangeNotice(Domain.Tendering.ProcurementLaw.IsProcurementAct(contract.StartOn), contract.StartOn,
            contract.Terms with { EndOn = m.EndOnBefore }, contract.Terms);
        db.Add(new ContractModification
        {
            Contract = contract, EndOnBefore = m.EndOnBefore, EndOnAfter = contract.EndOn, TotalValueBefore = contract.TotalValue, TotalValueAfter = contract.TotalValue,
            AnnualValueBefore = contract.AnnualValue, AnnualValueAfter = contract.AnnualValue, VatBefore = contract.Vat, VatAfter = contract.Vat, Reason = m.Reason,
            MadeAt = m.MadeOn.ToDateTime(new TimeOnly(12, 0), DateTimeKind.Utc), MadeBy = m.MadeBy, ChangeNoticeRequired = required, ChangeNoticeRule = rule,
        });
    }

    private void AddInternalSlas(IEnumerable<InternalSlaSeed> rows)
    {
        foreach (var s in rows)
        {
            var sla = new InternalSla
            {
                Title = s.Title,
                ProviderDepartment = Resolve(departments, s.Provider, "department"),
                ConsumerDepartment = Resolve(departments, s.Consumer, "department"),
                Author = s.Author, Monitor = s.Monitor, EnforcementRoute = s.EnforcementRoute, EnforcementRungs = s.EnforcementRungs ?? InternalSla.DefaultRungs, ReviewOn = s.ReviewOn,
            };
            foreach (var i in s.Standards ?? [])
                sla.Standards.Add(ToIndicator(i, MeasurementSource.SlaMonitor));
            db.Add(sla);
        }
    }

    private void AddCommittees(IEnumerable<CommitteeSeed> rows)
    {
        foreach (var c in rows)
        {
            var committee = new Committee { Name = c.Name, Kind = c.Kind };
            foreach (var m in c.Members ?? [])
                committee.Members.Add(new Member { Name = m.Name, Role = m.Role, Email = m.Email, TermStart = m.TermStart, TermEnd = m.TermEnd });
            foreach (var m in c.Meetings ?? [])
                committee.Meetings.Add(new Meeting { StartsAt = LondonTime.ToUtc(m.StartsAt), Venue = m.Venue });
            db.Add(committee);
        }
    }

    private void AddSignOffs(IEnumerable<SignOffSeed> rows)
    {
        foreach (var s in rows)
        {
            if (!Roles.All.Contains(s.RequiredRole))
                throw new SeedException(file, $"sign-off requiredRole '{s.RequiredRole}' is not a role");
            db.Add(new SignOffRequest
            {
                SubjectType = nameof(Procurement), SubjectId = Resolve(procurements, s.Procurement, "procurement").Id,
                Gate = s.Gate, RequiredRole = s.RequiredRole, Summary = s.Summary, RaisedBy = s.RaisedBy,
                RaisedAt = LondonTime.ToUtc(s.RaisedAt), Status = SignOffStatus.Pending,
            });
        }
    }

    /// <summary>Each seeded procurement runs on its procedure's workflow, imported in the stage the seed gives.</summary>
    private async Task StartProcurementWorkflowsAsync(IEnumerable<ProcurementSeed> rows, CancellationToken ct)
    {
        foreach (var p in rows)
        {
            if (ProcurementWorkflows.For(p.Procedure) is { } workflow)
                await workflows.StartAsync(workflow, nameof(Procurement), procurements[p.Reference].Id, "seed", ct, inState: p.Stage.ToString());
        }
    }

    private async Task StartEscalationWorkflowsAsync(IEnumerable<Escalation> rows, IEnumerable<EscalationSeed> seeds, CancellationToken ct)
    {
        foreach (var (e, seed) in rows.Zip(seeds))
        {
            if (seed.Remediation is { } r)
            {
                var plan = new RemediationPlan { EscalationId = e.Id, Title = r.Title, Objective = r.Objective, AgreedOn = r.AgreedOn, AgreedWith = r.AgreedWith };
                db.Add(plan);
                await db.SaveChangesAsync(ct);
                foreach (var a in r.Actions)
                {
                    var action = new RemediationAction
                    {
                        RemediationPlanId = plan.Id, Description = a.Description, Owner = a.Owner, DueOn = a.DueOn, Status = a.Status, CompletedOn = a.CompletedOn,
                        OwnerIsSupplier = a.OwnerIsSupplier,
                    };
                    db.Add(action);
                    await db.SaveChangesAsync(ct);
                    db.AddRange((a.Responses ?? []).Select(x => new RemediationActionResponse
                    {
                        RemediationActionId = action.Id, Response = x.Response, ReportsDone = x.ReportsDone, RespondedBy = x.RespondedBy, RespondedAt = x.RespondedAt.ToUniversalTime(),
                    }));
                }
            }

            var state = e.Status == EscalationStatus.Open ? e.Level.ToString() : e.Status.ToString();
            // A case whose plan is agreed entered that state on the day it was agreed, not when it opened.
            var entered = e.Status == EscalationStatus.RemediationAgreed && seed.Remediation is { } agreed
                ? LondonTime.ToUtc(agreed.AgreedOn.ToDateTime(new TimeOnly(12, 0)))
                : e.OpenedAt;
            await workflows.StartAsync(EscalationsController.WorkflowFor(e), nameof(Escalation), e.Id, "seed", ct, inState: state, enteredAt: entered);
        }
    }

    private List<Escalation> AddEscalations(IEnumerable<EscalationSeed> rows)
    {
        var added = new List<Escalation>();
        foreach (var e in rows)
        {
            added.Add(new Escalation
            {
                ContractId = Resolve(contracts, e.Contract, "contract").Id, Cause = e.Cause, Summary = e.Summary, Level = e.Level, Status = e.Status,
                OpenedAt = LondonTime.ToUtc(e.OpenedAt),
                RespondBy = e.RespondBy is { } r ? LondonTime.ToUtc(r) : null,
            });
        }

        db.AddRange(added);
        return added;
    }

    private Indicator ToIndicator(IndicatorSeed i, MeasurementSource defaultSource = MeasurementSource.ContractManager)
    {
        var indicator = new Indicator
        {
            Code = i.Code, Name = i.Name, Unit = i.Unit, Direction = i.Direction, Category = i.Category, Target = i.Target,
            RedThreshold = i.RedThreshold, Frequency = i.Frequency, Weight = i.Weight,
            SupplierSelfReports = i.SupplierSelfReports,
        };
        // The KPI's definition is in force from its first return: the regime the council actually measured.
        var firstMonth = (i.Series ?? []).Select(s => DateOnly.TryParseExact(s.From + "-01", "yyyy-MM-dd", out var d) ? d : DateOnly.MaxValue).DefaultIfEmpty(DateOnly.MaxValue).Min();
        if (firstMonth != DateOnly.MaxValue)
            indicator.Versions.Add(indicator.FirstVersion(firstMonth, "seed", firstMonth.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)));
        foreach (var series in i.Series ?? [])
        {
            if (!DateOnly.TryParseExact(series.From + "-01", "yyyy-MM-dd", out var period))
                throw new SeedException(file, $"indicator {i.Code}: series start '{series.From}' is not yyyy-MM");
            foreach (var value in series.Values)
            {
                if (value is { } v)
                {
                    var source = series.Source == MeasurementSource.ContractManager ? defaultSource : series.Source;
                    indicator.Measurements.Add(new Measurement
                    {
                        PeriodStart = period, Value = v, Source = source,
                        VerificationStatus = series.Verification,
                        RecordedBy = "seed",
                        RecordedAt = period.AddMonths(1).AddDays(9).ToDateTime(new TimeOnly(9, 0), DateTimeKind.Utc),
                    });
                }

                period = period.AddMonths(1);
            }
        }

        return indicator;
    }

    private T Resolve<T>(Dictionary<string, T> known, string key, string what) =>
        known.TryGetValue(key, out var value) ? value : throw new SeedException(file, $"{what} '{key}' is not defined in this or an earlier seed file");
}
