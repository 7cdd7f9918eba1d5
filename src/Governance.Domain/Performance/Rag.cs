using Governance.Domain.Contracts;

namespace Governance.Domain.Performance;

public enum Rag
{
    Green,
    Amber,
    Red,
}

/// <summary>
/// A value's RAG status by its indicator's direction: green at or better than the amber threshold (the
/// tolerance below target), red at or beyond the red threshold, amber between.
/// </summary>
public static class RagRating
{
    public static Rag Rate(Direction direction, decimal amberThreshold, decimal redThreshold, decimal value) => direction switch
    {
        Direction.HigherIsBetter when value >= amberThreshold => Rag.Green,
        Direction.HigherIsBetter when value <= redThreshold => Rag.Red,
        Direction.LowerIsBetter when value <= amberThreshold => Rag.Green,
        Direction.LowerIsBetter when value >= redThreshold => Rag.Red,
        _ => Rag.Amber,
    };

    public static Rag Rate(Indicator indicator, decimal value) => Rate(indicator.Direction, indicator.AmberThreshold, indicator.RedThreshold, value);

    /// <summary>Whether <paramref name="later"/> is worse than <paramref name="earlier"/> in the indicator's direction.</summary>
    public static bool IsWorse(Direction direction, decimal earlier, decimal later) =>
        direction == Direction.HigherIsBetter ? later < earlier : later > earlier;

    /// <summary>Points of a period: green 1, amber 0.5, red 0.</summary>
    public static decimal Points(Rag rag) => rag switch { Rag.Green => 1m, Rag.Amber => 0.5m, _ => 0m };
}
