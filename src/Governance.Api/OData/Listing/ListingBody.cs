using System.Buffers;
using System.Text.Json;

namespace Governance.Api.OData.Listing;

/// <summary>
/// A listing's body on its way to the response. The JSON goes into a pooled buffer, and from there to the response
/// whole when the page fits in <paramref name="flushAt"/> bytes, with its Content-Length so a client sizes its
/// buffer once; a larger page goes in chunks of about that size, so its memory stays bounded. Writing straight
/// into the response's pipe advanced it every 4 KB, and each advance took the pipe's lock against its reader.
/// </summary>
internal sealed class ListingBody(HttpResponse response, int flushAt = ListingBody.DefaultFlushAt) : IDisposable
{
    public const int DefaultFlushAt = 256 * 1024;

    private readonly PooledBufferWriter buffer = new(64 * 1024);
    private bool sent;

    /// <summary>Where the JSON writer writes.</summary>
    public IBufferWriter<byte> Output => buffer;

    /// <summary>Sends what is written so far once it reaches <paramref name="flushAt"/> bytes.</summary>
    public Task SendIfFullAsync(Utf8JsonWriter writer, CancellationToken ct) =>
        writer.BytesPending + buffer.WrittenCount > flushAt ? SendAsync(writer, ct) : Task.CompletedTask;

    /// <summary>Sends the rest; a body sent in one piece says its length.</summary>
    public async Task CompleteAsync(Utf8JsonWriter writer, CancellationToken ct)
    {
        writer.Flush();
        if (!sent)
            response.ContentLength = buffer.WrittenCount;
        await SendAsync(writer, ct);
    }

    public void Dispose() => buffer.Dispose();

    private async Task SendAsync(Utf8JsonWriter writer, CancellationToken ct)
    {
        writer.Flush();
        await response.Body.WriteAsync(buffer.WrittenMemory, ct);
        buffer.Clear();
        sent = true;
    }
}
