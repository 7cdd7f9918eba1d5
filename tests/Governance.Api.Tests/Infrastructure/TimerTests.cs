namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// Tests that run the timer job with a clock set ahead fire every due timer in the shared database, including
/// other tests' timers. Tests in this collection run one after another and alone, after the parallel tests, so
/// none fires another test's timer midway (a test firing its own escalation would otherwise meet a 412).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TimerTests
{
    public const string Name = "Workflow timers";
}
