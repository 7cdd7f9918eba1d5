using Governance.Domain.Contracts;
using static Governance.Domain.Tests.Tendering.Rules;

namespace Governance.Domain.Tests.Performance;

/// <summary>A contract's end and money change by Modify only, with a reason, a record, and s.75's test for a UK10.</summary>
public sealed class ContractModificationTests
{
    private static readonly DateOnly Today = new(2026, 12, 4);
    private static readonly DateTime Now = new(2026, 12, 4, 10, 0, 0, DateTimeKind.Utc);

    // Four years from 5 January 2026 (1,460 days), GBP 4m with GBP 0.8m VAT: under the Act.
    private static Contract Live() => new()
    {
        Id = 7, Reference = "C-7", Title = "Grounds maintenance", StartOn = new DateOnly(2026, 1, 5), EndOn = new DateOnly(2030, 1, 4),
        TotalValue = 4_000_000m, AnnualValue = 1_000_000m, Vat = 800_000m, Status = ContractStatus.Active, SupplierId = 1,
    };

    private static ContractModification Modify(Contract contract, ContractTerms after, string? reason = "Extension agreed at the contract review.",
        ContractTerms? onAward = null, bool underAct = true) =>
        contract.Modify(after, reason, onAward, underAct, Today, Now, "contractmanager@demo.local");

    [Fact]
    public void Modify_RecordsBeforeAndAfter_AndChangesTheContract()
    {
        var contract = Live();
        var record = Modify(contract, contract.Terms with { EndOn = new DateOnly(2030, 4, 4), TotalValue = 4_250_000m });
        Assert.Equal((new DateOnly(2030, 1, 4), new DateOnly(2030, 4, 4), 4_000_000m, 4_250_000m), (record.EndOnBefore, record.EndOnAfter, record.TotalValueBefore, record.TotalValueAfter));
        Assert.Equal((7, "contractmanager@demo.local", Now), (record.ContractId, record.MadeBy, record.MadeAt));
        Assert.Equal((new DateOnly(2030, 4, 4), 4_250_000m), (contract.EndOn, contract.TotalValue));
    }

    [Fact]
    public void Modify_NeedsAReason_AChange_ALiveContract_AndAnEndNotYetPast()
    {
        var contract = Live();
        Broken("reason-required", () => Modify(contract, contract.Terms with { Vat = 900_000m }, reason: " "));
        Broken("reason-too-long", () => Modify(contract, contract.Terms with { Vat = 900_000m }, reason: new string('x', 2001)));
        Broken("modification-empty", () => Modify(contract, contract.Terms));
        Broken("contract-end-past", () => Modify(contract, contract.Terms with { EndOn = Today.AddDays(-1) }));
        var notYetStarted = Live();
        notYetStarted.StartOn = new DateOnly(2027, 4, 1);
        Broken("contract-dates-order", () => Modify(notYetStarted, notYetStarted.Terms with { EndOn = new DateOnly(2027, 3, 1) }));
        contract.Terminate("Persistent failure.");
        Broken("contract-status", () => Modify(contract, contract.Terms with { Vat = 900_000m }));
    }

    [Theory]
    [InlineData(4_800_000, "2030-07-04", false, "s.75(2)(a)")] // value unchanged: no notice, whatever the term
    [InlineData(5_280_000, "2030-07-04", false, "s.75(2)(a)")] // value +10% exactly: no notice
    [InlineData(6_000_000, "2030-05-01", false, "s.75(2)(b)")] // value +25%, term +117 days of 1,460 (8%): no notice
    [InlineData(6_000_000, "2031-01-04", true, "s.75(1)")] // value +25% and term +25%: a UK10 first
    [InlineData(3_600_000, "2028-01-04", true, "s.75(1)")] // cut by a quarter and by half the term: a UK10 too
    public void ChangeNotice_FollowsSection75(decimal valueAfter, string endAfter, bool required, string provision)
    {
        var awarded = new ContractTerms(new DateOnly(2030, 1, 4), 4_000_000m, 1_000_000m, 800_000m); // GBP 4.8m with VAT
        var after = awarded with { EndOn = DateOnly.Parse(endAfter, System.Globalization.CultureInfo.InvariantCulture), TotalValue = valueAfter - awarded.Vat };
        var (needed, rule) = ContractModification.ChangeNotice(true, new DateOnly(2026, 1, 5), awarded, after);
        Assert.Equal(required, needed);
        Assert.Contains(provision, rule, StringComparison.Ordinal);
    }

    [Fact]
    public void ChangeNotice_IsMeasuredFromTheContractAsAwarded_SoStepsAddUp()
    {
        var contract = Live();
        var first = Modify(contract, contract.Terms with { EndOn = new DateOnly(2030, 5, 4), TotalValue = 4_400_000m });
        Assert.False(first.ChangeNoticeRequired); // +8% of value
        var second = Modify(contract, contract.Terms with { EndOn = new DateOnly(2030, 9, 4), TotalValue = 4_800_000m }, onAward: first.Before);
        Assert.True(second.ChangeNoticeRequired, second.ChangeNoticeRule); // +17% of value and +17% of term since award
    }

    [Fact]
    public void ChangeNotice_DoesNotApplyToAContractLetUnderPcr2015()
    {
        var contract = Live();
        var record = Modify(contract, contract.Terms with { EndOn = new DateOnly(2035, 1, 4), TotalValue = 9_000_000m }, underAct: false);
        Assert.False(record.ChangeNoticeRequired);
        Assert.Contains("PCR 2015", record.ChangeNoticeRule, StringComparison.Ordinal);
    }
}
