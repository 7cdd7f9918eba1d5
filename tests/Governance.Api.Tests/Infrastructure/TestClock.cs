namespace Governance.Api.Tests.Infrastructure;

/// <summary>
/// The host's clock in tests: the system clock, moved by an offset that belongs to one test's async flow. The
/// test server keeps the client's execution context, so a test that travels forward (past a 30-day statutory
/// period, say) moves only its own requests; tests running beside it on the same host keep the real time.
/// </summary>
public sealed class TestClock : TimeProvider
{
    private static readonly AsyncLocal<TimeSpan> Offset = new();

    public static TestClock Instance { get; } = new();

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset.Value;

    /// <summary>Moves this test's clock forward; later requests of the same test see the new time.</summary>
    public static void Advance(TimeSpan by) => Offset.Value += by;

    public static TimeSpan CurrentOffset => Offset.Value;

    /// <summary>A Monday before the Procurement Act 2023 commenced: a procurement started then may run under PCR 2015.</summary>
    public static DateTime Pcr2015Day { get; } = new(2024, 6, 3, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>Sets this test's clock to an instant (UTC); it runs on from there.</summary>
    public static void TravelTo(DateTime utc) => Offset.Value = utc - System.GetUtcNow().UtcDateTime;

    /// <summary>The instant this test's requests see.</summary>
    public static DateTime UtcNow => Instance.GetUtcNow().UtcDateTime;
}
