using Governance.Domain.Performance;
using Governance.Reports.Layout;

namespace Governance.Reports.Tests.Layout;

internal static class SampleDocuments
{
    public static readonly DateTimeOffset Created = new(2026, 11, 25, 9, 30, 0, TimeSpan.Zero);

    public static DocumentInfo Info(string title = "Customer contact programme update") =>
        new(title, "Democratic Services", "Overview and Scrutiny Commission, 7 October 2026", "Public", Created, "scrutiny");

    public static Table NumberedTable(int rows) => new(
        [new("Row", 0.6f, CellAlign.Right), new("Description", 3), new("Value", 1, CellAlign.Right), new("Status", 0.8f, CellAlign.Center)],
        Enumerable.Range(1, rows).Select(i => new TableRow([
            $"{i}", $"Line item {i:D4} with enough words to wrap onto a second line in a narrow column now and then",
            $"{i * 1250m:N0}", new TableCell(((Rag)(i % 3)).ToString(), (Rag)(i % 3)),
        ])).ToList(),
        "Table 1: A long table");

    public static LineChart Trend(string title) => new(
        title,
        ["Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"],
        [new ChartSeries("Calls answered within 60 seconds", [91, 90.5, 89, null, 86, 84.5, 83, 85, 87, 88.5, 90, 92])],
        [new ReferenceLine("Target 90%", 90, ReferenceKind.Target), new ReferenceLine("Amber 85%", 85, ReferenceKind.Amber), new ReferenceLine("Red 80%", 80, ReferenceKind.Red)],
        "%");
}
