namespace Governance.Api.Data.Audit;

/// <summary>Who is making the current change: the signed-in user, or the named system process.</summary>
public interface ICurrentActor
{
    string Name { get; }
}
