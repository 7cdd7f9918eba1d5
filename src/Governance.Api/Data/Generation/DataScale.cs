namespace Governance.Api.Data.Generation;

/// <summary>
/// A dataset size: S is the seed alone; M and L add generated contracts (each with ten monthly KPIs over five
/// years), procurements, suppliers, escalations and committees in proportion.
/// </summary>
public sealed record DataScale(string Name, int Contracts, int KpisPerContract, int Months, int Procurements)
{
    public static readonly DataScale S = new("S", 0, 0, 0, 0);
    public static readonly DataScale M = new("M", 500, 10, 60, 2_500);
    public static readonly DataScale L = new("L", 2_000, 10, 60, 10_000);

    public int Measurements => Contracts * KpisPerContract * Months;

    public int Suppliers => Math.Max(1, Contracts / 4);

    public int Escalations => Contracts / 20;

    public int Committees => Math.Max(1, Contracts / 100);

    public static DataScale Parse(string name) => name.ToUpperInvariant() switch
    {
        "S" => S,
        "M" => M,
        "L" => L,
        _ => throw new ArgumentException($"Scale is S, M or L, not '{name}'."),
    };
}
