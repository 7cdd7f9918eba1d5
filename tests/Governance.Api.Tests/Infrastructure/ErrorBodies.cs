namespace Governance.Api.Tests.Infrastructure;

public static class ErrorBodies
{
    /// <summary>No exception type, stack frame or SQL in a response body.</summary>
    public static void AssertNothingInternal(string body)
    {
        foreach (var marker in new[] { "StackTrace", "stacktrace", "   at ", "Exception", "innererror", "SELECT ", "Microsoft.", "System." })
            Assert.DoesNotContain(marker, body, StringComparison.Ordinal);
    }
}
