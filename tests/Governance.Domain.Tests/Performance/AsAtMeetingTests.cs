using Governance.Domain.Contracts;
using Governance.Domain.Escalations;

namespace Governance.Domain.Tests.Performance;

/// <summary>A committee paper shows the position as at its meeting: returns, checks, escalations and actions as they stood.</summary>
public sealed class AsAtMeetingTests
{
    private static readonly DateTime Meeting = new(2014, 11, 12, 19, 15, 0, DateTimeKind.Utc);

    [Fact]
    public void Measurement_CountingAt_LeavesOutAReturnRecordedAfterTheMeeting_AndAnUnmadeCheck()
    {
        var october = new Measurement { Id = 1, PeriodStart = new(2014, 10, 1), Value = 91, RecordedAt = new(2014, 11, 5, 9, 0, 0, DateTimeKind.Utc), VerificationStatus = VerificationStatus.Verified, VerifiedAt = new(2014, 11, 20, 9, 0, 0, DateTimeKind.Utc) };
        var november = new Measurement { Id = 2, PeriodStart = new(2014, 11, 1), Value = 88, RecordedAt = new(2014, 12, 4, 9, 0, 0, DateTimeKind.Utc) };

        var counted = Measurement.CountingAt([october], Meeting);
        Assert.Equal((october, VerificationStatus.Unverified), counted);
        Assert.Null(Measurement.CountingAt([november], Meeting));
        Assert.Equal(VerificationStatus.Verified, Measurement.CountingAt([october], new DateTime(2014, 12, 1, 0, 0, 0, DateTimeKind.Utc))!.Value.Status);
    }

    [Fact]
    public void Measurement_CountingAt_AProposedCorrectionCountsFromItsAcceptance_ACouncilCorrectionFromItsRecording()
    {
        var original = new Measurement { Id = 1, Version = 1, Value = 80, RecordedAt = new(2014, 11, 1, 9, 0, 0, DateTimeKind.Utc), VerificationStatus = VerificationStatus.Verified, VerifiedAt = new(2014, 11, 3, 9, 0, 0, DateTimeKind.Utc), Superseded = true };
        var accepted = new Measurement { Id = 2, Version = 2, SupersedesId = 1, Value = 85, RecordedAt = new(2014, 11, 10, 9, 0, 0, DateTimeKind.Utc), VerificationStatus = VerificationStatus.Verified, VerifiedAt = new(2014, 11, 14, 9, 0, 0, DateTimeKind.Utc) };
        var rejected = new Measurement { Id = 3, Version = 3, SupersedesId = 2, Value = 99, RecordedAt = new(2014, 11, 11, 9, 0, 0, DateTimeKind.Utc), VerificationStatus = VerificationStatus.Rejected };

        Assert.Equal(original, Measurement.CountingAt([original, accepted, rejected], Meeting)!.Value.Version);
        Assert.Equal(accepted, Measurement.CountingAt([original, accepted, rejected], Meeting.AddDays(3))!.Value.Version);

        var councils = new Measurement { Id = 4, Version = 2, SupersedesId = 1, Value = 83, RecordedAt = new(2014, 11, 10, 9, 0, 0, DateTimeKind.Utc), VerificationStatus = VerificationStatus.Verified };
        Assert.Equal((councils, VerificationStatus.Verified), Measurement.CountingAt([original, councils], Meeting));
    }

    [Fact]
    public void Escalation_StateAt_IsTheRungItWasOnThen_AndNothingBeforeItOpenedOrAfterItResolved()
    {
        var escalation = new Escalation { OpenedAt = new(2014, 10, 1, 9, 0, 0, DateTimeKind.Utc), Level = EscalationLevel.Director, Status = EscalationStatus.Open };
        (DateTime, string, string)[] moves =
        [
            (new(2014, 11, 1, 9, 0, 0, DateTimeKind.Utc), "ContractManager", "HeadOfService"),
            (new(2014, 12, 1, 9, 0, 0, DateTimeKind.Utc), "HeadOfService", "Director"),
        ];

        Assert.Equal((EscalationLevel.HeadOfService, EscalationStatus.Open), escalation.StateAt(Meeting, moves));
        Assert.Equal((EscalationLevel.ContractManager, EscalationStatus.Open), escalation.StateAt(new(2014, 10, 15, 0, 0, 0, DateTimeKind.Utc), moves));
        Assert.Null(escalation.StateAt(new(2014, 9, 29, 0, 0, 0, DateTimeKind.Utc), moves));

        var resolved = new Escalation { OpenedAt = escalation.OpenedAt, Level = EscalationLevel.HeadOfService, Status = EscalationStatus.Resolved, ClosedAt = new(2014, 11, 5, 0, 0, 0, DateTimeKind.Utc) };
        Assert.Null(resolved.StateAt(Meeting, [(new(2014, 11, 5, 0, 0, 0, DateTimeKind.Utc), "ContractManager", "Resolved")]));
        Assert.Equal((EscalationLevel.ContractManager, EscalationStatus.Open), resolved.StateAt(new(2014, 11, 1, 0, 0, 0, DateTimeKind.Utc), [(new(2014, 11, 5, 0, 0, 0, DateTimeKind.Utc), "ContractManager", "Resolved")]));
    }

    [Fact]
    public void RemediationAction_StatusOn_IsDoneOnlyOnceCompleted_AndMissedOnlyAfterItsDueDate()
    {
        var action = new RemediationAction { DueOn = new(2014, 11, 30), Status = RemediationActionStatus.Done, CompletedOn = new(2014, 12, 3) };

        Assert.Equal(RemediationActionStatus.Open, action.StatusOn(new(2014, 11, 12)));
        Assert.Equal(RemediationActionStatus.Missed, action.StatusOn(new(2014, 12, 1)));
        Assert.Equal(RemediationActionStatus.Done, action.StatusOn(new(2014, 12, 3)));
    }
}
