using Governance.Domain.Contracts;
using Governance.Domain.Performance;
using static Governance.Domain.Tests.Tendering.Rules;

namespace Governance.Domain.Tests.Performance;

/// <summary>The ways of gaming a rating, each refused: not sending a return, a disputed figure, overwriting a verified value, re-rating history.</summary>
public sealed class ReturnCountingTests
{
    private static readonly DateOnly October = new(2016, 10, 1);
    private static readonly KpiDefinition Calls = new(Direction.HigherIsBetter, 80, 70, 20);

    [Fact]
    public void AMissingReturnCountsRed_AndIsFlagged()
    {
        var counted = ReturnCounting.Count(3, October, Calls, null, PerformancePolicy.Default);
        Assert.NotNull(counted);
        Assert.Equal(Rag.Red, counted.Rag);
        Assert.Equal(ReturnState.NotReported, counted.State);
        Assert.Null(ReturnCounting.Count(3, October, Calls, null, PerformancePolicy.Default with { NotReportedCountsAsRed = false }));
    }

    [Fact]
    public void NotSendingARedReturnDoesNotImproveThePeriod()
    {
        var green = new KpiResult(1, October, 50, Rag.Green, ReturnState.Verified, 99);
        var withRed = ContractRating.RatePeriod(October, [green, ReturnCounting.Count(3, October, Calls, new ReturnFigure(3, October, 60, VerificationStatus.Verified, null), PerformancePolicy.Default)!]);
        var withheld = ContractRating.RatePeriod(October, [green, ReturnCounting.Count(3, October, Calls, null, PerformancePolicy.Default)!]);
        Assert.Equal(withRed!.Score, withheld!.Score);
    }

    [Fact]
    public void ADisputedReturnCountsAtTheManagersFigure_OrRed_NeverTheSuppliers()
    {
        var disputed = new ReturnFigure(3, October, 96, VerificationStatus.Disputed, 85);
        Assert.Equal(Rag.Green, ReturnCounting.Count(3, October, Calls, disputed, PerformancePolicy.Default)!.Rag); // 85 meets 80
        Assert.Equal(Rag.Amber, ReturnCounting.Count(3, October, Calls, disputed with { ContractManagerValue = 75 }, PerformancePolicy.Default)!.Rag);
        var noFigure = ReturnCounting.Count(3, October, Calls, disputed with { ContractManagerValue = null }, PerformancePolicy.Default)!;
        Assert.Equal(Rag.Red, noFigure.Rag);
        Assert.Equal(ReturnState.Disputed, noFigure.State);
    }

    [Fact]
    public void ASupplierCannotOverwriteAVerifiedValue()
    {
        var verified = new Measurement { Id = 9, IndicatorId = 3, PeriodStart = October, Value = 85, Version = 1, VerificationStatus = VerificationStatus.Verified };
        var proposal = verified.Correct(97, "recount", bySupplier: true, MeasurementSource.Supplier, "supplier@x", Utc(2016, 11, 20));
        Assert.Equal(VerificationStatus.Proposed, proposal.VerificationStatus);
        Assert.False(verified.Superseded); // the verified 85 still counts
        Assert.False(proposal.Counts);
        proposal.AcceptCorrection(verified, "manager@x", Utc(2016, 11, 21));
        Assert.True(verified.Superseded);
        Assert.True(proposal.Counts);
    }

    [Fact]
    public void ARejectedCorrectionNeverCounts()
    {
        var verified = new Measurement { Id = 9, IndicatorId = 3, PeriodStart = October, Value = 85, VerificationStatus = VerificationStatus.Verified };
        var proposal = verified.Correct(97, null, bySupplier: true, MeasurementSource.Supplier, "supplier@x", Utc(2016, 11, 20));
        Broken("reason-required", () => proposal.RejectCorrection(" ", "manager@x", Utc(2016, 11, 21)));
        proposal.RejectCorrection("No evidence from the telephony logs.", "manager@x", Utc(2016, 11, 21));
        Assert.False(proposal.Counts);
        Assert.True(verified.Counts);
        Broken("correction-request", () => proposal.Verify("manager@x", Utc(2016, 11, 22)));
    }

    [Fact]
    public void ASupplierMayStillCorrectItsOwnUncheckedReturn()
    {
        var own = new Measurement { Id = 9, IndicatorId = 3, PeriodStart = October, Value = 85, VerificationStatus = VerificationStatus.Unverified };
        var correction = own.Correct(86, null, bySupplier: true, MeasurementSource.Supplier, "supplier@x", Utc(2016, 11, 20));
        Assert.Equal(VerificationStatus.Unverified, correction.VerificationStatus);
        Assert.True(own.Superseded);
    }

    [Theory]
    [InlineData(-1, "%")]
    [InlineData(180, "%")]
    [InlineData(-3, "days")]
    public void ValuesOutOfRangeAreRefused(double value, string unit) =>
        Broken("measurement-value-range", () => Measurement.CheckValue((decimal)value, unit));

    [Fact]
    public void APeriodIsRatedWithTheDefinitionInForceThen()
    {
        var indicator = new Indicator { Id = 3, Unit = "%", Direction = Direction.HigherIsBetter, Target = 80, RedThreshold = 70, Weight = 20 };
        var first = indicator.FirstVersion(new DateOnly(2014, 1, 1), "cm", Utc(2014, 1, 1));
        var second = indicator.Revise(new KpiDefinition(Direction.HigherIsBetter, 70, 60, 20), new DateOnly(2016, 1, 1), "Reset agreed with the supplier.", 1, new DateOnly(2016, 1, 5), "cm", Utc(2016, 1, 5));
        IReadOnlyList<IndicatorVersion> history = [first, second];
        Assert.Equal(Rag.Amber, IndicatorVersion.InForce(history, new DateOnly(2015, 6, 1)).Rate(75)); // 2015 keeps the 80 target
        Assert.Equal(Rag.Green, IndicatorVersion.InForce(history, new DateOnly(2016, 6, 1)).Rate(75));
    }

    [Fact]
    public void ADefinitionChangeCannotReachBack()
    {
        var indicator = new Indicator { Id = 3, Unit = "%", Direction = Direction.HigherIsBetter, Target = 80, RedThreshold = 70, Weight = 20 };
        Broken("kpi-revision-not-retroactive", () => indicator.Revise(new KpiDefinition(Direction.HigherIsBetter, 70, 60, 20), new DateOnly(2015, 1, 1), "Lower the bar for 2015.", 1, new DateOnly(2016, 3, 10), "cm", Utc(2016, 3, 10)));
        Broken("reason-required", () => indicator.Revise(new KpiDefinition(Direction.HigherIsBetter, 70, 60, 20), new DateOnly(2016, 4, 1), "", 1, new DateOnly(2016, 3, 10), "cm", Utc(2016, 3, 10)));
        Assert.Equal(80, indicator.Target);
    }

    [Theory]
    [InlineData(Direction.HigherIsBetter, 80, 85, 20, "kpi-thresholds-direction")] // red better than target
    [InlineData(Direction.LowerIsBetter, 40, 30, 20, "kpi-thresholds-direction")]
    [InlineData(Direction.HigherIsBetter, 80, 70, -5, "kpi-weight-range")]
    [InlineData(Direction.HigherIsBetter, 180, 70, 20, "kpi-percentage-range")]
    public void DefinitionsAreConsistent(Direction direction, double target, double red, double weight, string rule) =>
        Broken(rule, () => new KpiDefinition(direction, (decimal)target, (decimal)red, (decimal)weight).Check("%"));

    [Fact]
    public void CountAll_OwesEveryDuePeriod_AndRatesWithItsVersion()
    {
        var indicator = new Indicator { Id = 3, Unit = "%", Frequency = Frequency.Monthly, Direction = Direction.HigherIsBetter, Target = 80, RedThreshold = 70, Weight = 100 };
        var kpi = new KpiSchedule(3, Frequency.Monthly, [indicator.FirstVersion(new DateOnly(2016, 1, 1), "cm", Utc(2016, 1, 1))], new DateOnly(2016, 1, 1));
        var returns = new[] { new ReturnFigure(3, new DateOnly(2016, 1, 1), 82, VerificationStatus.Verified, null), new ReturnFigure(3, new DateOnly(2016, 3, 1), 82, VerificationStatus.Verified, null) };
        var results = ReturnCounting.CountAll([kpi], returns, PerformancePolicy.Default, new DateOnly(2016, 1, 1), new DateOnly(2016, 4, 1), (_, p) => p < new DateOnly(2016, 4, 1));
        Assert.Equal(["Verified", "NotReported", "Verified"], results.Select(r => r.State.ToString()));
        Assert.Equal(Rag.Red, results[1].Rag); // February, a gap in the middle
    }
}
