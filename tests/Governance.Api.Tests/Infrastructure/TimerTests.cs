namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// Tests that run the timer job with a clock set ahead fire every due timer in the shared database, including
/// other tests' timers. Tests in this collection run one after another, so none fires another's timer midway.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TimerTests
{
    public const string Name = "Workflow timers";
}
