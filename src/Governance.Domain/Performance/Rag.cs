using Governance.Domain.Contracts;

namespace Governance.Domain.Performance;

public enum Rag
{
    Green,
    Amber,
    Red,
}

/// <summary>
/// A value's RAG status by its KPI's direction: green when the target is met, red at or past the red threshold,
/// amber in between. Nothing short of the target is green.
/// </summary>
public static class RagRating
{
    public static Rag Rate(Direction direction, decimal target, decimal redThreshold, decimal value) => direction switch
    {
        Direction.HigherIsBetter when value >= target => Rag.Green,
        Direction.HigherIsBetter when value <= redThreshold => Rag.Red,
        Direction.LowerIsBetter when value <= target => Rag.Green,
        Direction.LowerIsBetter when value >= redThreshold => Rag.Red,
        _ => Rag.Amber,
    };

    /// <summary>Whether <paramref name="later"/> is worse than <paramref name="earlier"/> in the indicator's direction.</summary>
    public static bool IsWorse(Direction direction, decimal earlier, decimal later) =>
        direction == Direction.HigherIsBetter ? later < earlier : later > earlier;

    /// <summary>Points of a period: green 1, amber 0.5, red 0.</summary>
    public static decimal Points(Rag rag) => rag switch { Rag.Green => 1m, Rag.Amber => 0.5m, _ => 0m };
}
