using System.Text;
using Governance.Api.OData.Shapes;

namespace Governance.Api.Tests.OData;

/// <summary>A query's shape keeps everything that decides how it binds and nothing of its values.</summary>
public sealed class QueryShapeTests
{
    private static (string Shape, List<QueryLiteral> Literals) Split(string text)
    {
        var shape = new StringBuilder();
        var literals = new List<QueryLiteral>();
        QueryShape.Split(text, shape, literals);
        return (shape.ToString(), literals);
    }

    [Theory]
    [InlineData("Indicator/ContractId eq 17 and PeriodStart ge 2025-01-01", "Indicator/ContractId eq 0 and PeriodStart ge 0-0-0")]
    [InlineData("contains(Title,'it''s care') or Code eq 'X1'", "contains(Title,'') or Code eq ''")]
    [InlineData("Value gt -1.5 and Id lt 12345678901", "Value gt -0.0 and Id lt 00")]
    [InlineData("Status eq Governance.Domain.Status'Open' and Field1 eq true", "Status eq Governance.Domain.Status'' and Field1 eq true")]
    [InlineData("RecordedAt lt 2025-06-01T10:00:00Z", "RecordedAt lt 0-0-0T0:0:0Z")]
    public void ValuesAreReplacedByTheirKind(string text, string shape) => Assert.Equal(shape, Split(text).Shape);

    [Fact]
    public void TheValues_AreReadInOrder_WithQuotesUndone()
    {
        var literals = Split("Code eq 'it''s' and Id gt 5 and Open eq false").Literals;

        Assert.Equal([new("it's", true), new("5", false), new("false", false)], literals);
    }

    [Fact]
    public void TwoValuesOfTheSameKind_HaveOneShape_AndWidthsDoNot()
    {
        Assert.Equal(Split("Id eq 1").Shape, Split("Id eq 987654321").Shape);
        Assert.NotEqual(Split("Id eq 1").Shape, Split("Id eq 9876543210").Shape);
        Assert.NotEqual(Split("Id eq 1").Shape, Split("Id eq 1.0").Shape);
    }

    [Theory]
    [InlineData("17", typeof(int), 17)]
    [InlineData("-17", typeof(int?), -17)]
    [InlineData("true", typeof(bool), true)]
    public void ALiteralConverts_ToTheTypeTheBinderGaveIt(string text, Type type, object expected)
    {
        Assert.True(QueryShape.TryConvert(new QueryLiteral(text, false), type, out var value));
        Assert.Equal(expected, value);
    }

    [Fact]
    public void ALiteralThatIsNotOfTheType_DoesNotConvert()
    {
        Assert.False(QueryShape.TryConvert(new QueryLiteral("9876543210", false), typeof(int), out _));
        Assert.False(QueryShape.TryConvert(new QueryLiteral("2015-13-45", false), typeof(DateOnly), out _));
        Assert.False(QueryShape.TryConvert(new QueryLiteral("17", true), typeof(int), out _));
        Assert.True(QueryShape.TryConvert(new QueryLiteral("2015-06-01", false), typeof(DateOnly), out var date));
        Assert.Equal(new DateOnly(2015, 6, 1), date);
    }

    [Fact]
    public void Identical_SeesScaleAndOffset()
    {
        Assert.False(QueryShape.Identical(1.5m, 1.50m));
        Assert.False(QueryShape.Identical(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 1, 1, 1, 0, 0, TimeSpan.FromHours(1))));
        Assert.False(QueryShape.Identical(1, 1L));
        Assert.True(QueryShape.Identical("a", "a"));
    }
}
