namespace Governance.Api.Infrastructure;

/// <summary>A request past one of the service's resource bounds: answered with its status and a sentence naming the bound.</summary>
public sealed class QueryBoundException(int status, string bound, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Bound { get; } = bound;
}
