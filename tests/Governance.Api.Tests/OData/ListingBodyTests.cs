using System.Globalization;
using System.Text;
using System.Text.Json;
using Governance.Api.OData.Listing;
using Microsoft.AspNetCore.Http;

namespace Governance.Api.Tests.OData;

/// <summary>The listing's body reaches the response complete and in order, whole with its length when it fits.</summary>
public sealed class ListingBodyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task APageThatFits_GoesInOneWrite_WithItsLength()
    {
        var (response, writes) = Response();
        var expected = await WriteAsync(response, rows: 3_000, flushAt: ListingBody.DefaultFlushAt);

        Assert.True(expected.Length > 64 * 1024, "The page outgrows the buffer's first rental, so the buffer grew");
        Assert.Equal(expected, Encoding.UTF8.GetString(writes.ToArray()));
        Assert.Equal(1, writes.Writes);
        Assert.Equal(Encoding.UTF8.GetByteCount(expected), response.ContentLength);
    }

    [Fact]
    public async Task APageLargerThanAChunk_GoesInChunks_WithoutLossOrRepeats_AndNoLength()
    {
        var (response, writes) = Response();
        var expected = await WriteAsync(response, rows: 3_000, flushAt: 4 * 1024);

        Assert.Equal(expected, Encoding.UTF8.GetString(writes.ToArray()));
        Assert.True(writes.Writes > 10, $"Only {writes.Writes} writes for a page many chunks long");
        Assert.Null(response.ContentLength);
    }

    private static (HttpResponse Response, CountingStream Writes) Response()
    {
        var writes = new CountingStream();
        var context = new DefaultHttpContext();
        context.Response.Body = writes;
        return (context.Response, writes);
    }

    /// <summary>Writes the rows as the listing does, entity by entity, and returns the JSON the client should get.</summary>
    private static async Task<string> WriteAsync(HttpResponse response, int rows, int flushAt)
    {
        var expected = new StringBuilder("{\"value\":[");
        using var body = new ListingBody(response, flushAt);
        await using var writer = new Utf8JsonWriter(body.Output);
        writer.WriteStartObject();
        writer.WriteStartArray("value");
        for (var i = 0; i < rows; i++)
        {
            writer.WriteStartObject();
            writer.WriteNumber("Id", i);
            writer.WriteString("Title", $"Row {i} of the page");
            writer.WriteEndObject();
            expected.Append(i == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $"{{\"Id\":{i},\"Title\":\"Row {i} of the page\"}}");
            await body.SendIfFullAsync(writer, Ct);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await body.CompleteAsync(writer, Ct);
        return expected.Append("]}").ToString();
    }

    private sealed class CountingStream : MemoryStream
    {
        public int Writes { get; private set; }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Writes++;
            return base.WriteAsync(buffer, cancellationToken);
        }
    }
}
