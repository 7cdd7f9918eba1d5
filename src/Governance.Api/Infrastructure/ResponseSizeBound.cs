namespace Governance.Api.Infrastructure;

/// <summary>
/// Bounds the size of an API response (<c>Limits:MaxResponseBytes</c>, 16 MiB by default). The response is held until it
/// is complete, so one past the bound is refused with a 413 that names it rather than cut off half-written. Documents
/// (PDF and other binary downloads) are streamed as they are: their size is fixed when they are published.
/// </summary>
public static class ResponseSizeBound
{
    public const long DefaultMaxBytes = 16 * 1024 * 1024;

    public static IApplicationBuilder UseResponseSizeBound(this IApplicationBuilder app)
    {
        var maxBytes = app.ApplicationServices.GetRequiredService<IConfiguration>().GetValue("Limits:MaxResponseBytes", DefaultMaxBytes);
        return app.Use(async (context, next) =>
        {
            if (!context.Request.Path.StartsWithSegments("/odata"))
            {
                await next(context);
                return;
            }

            var original = context.Response.Body;
            await using var bounded = new BoundedBody(context.Response, original, maxBytes);
            context.Response.Body = bounded;
            context.Features.Set(bounded);
            try
            {
                await next(context);
                await bounded.ReleaseAsync(context.RequestAborted);
            }
            finally
            {
                context.Response.Body = original;
            }
        });
    }

    /// <summary>
    /// Drops what a request wrote before it was stopped (by the time bound, say), so that the answer that replaces it
    /// is not appended to half a response.
    /// </summary>
    public static void DiscardHeld(HttpContext context) => context.Features.Get<BoundedBody>()?.Discard();

    /// <summary>Holds what is written until the response is complete; past the bound, it refuses to take more.</summary>
    internal sealed class BoundedBody(HttpResponse response, Stream inner, long maxBytes) : Stream
    {
        private readonly MemoryStream held = new();
        private bool streaming;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (held.Length == 0 && !streaming && IsDocument(response.ContentType))
                streaming = true;
            if (streaming)
            {
                await inner.WriteAsync(buffer, cancellationToken);
                return;
            }
            if (held.Length + buffer.Length > maxBytes)
            {
                throw new QueryBoundException(StatusCodes.Status413PayloadTooLarge, "Limits:MaxResponseBytes",
                    $"The response would be larger than {maxBytes:N0} bytes, the bound on one response. Ask for fewer rows ($top), fewer properties ($select) or fewer expanded rows ($expand with $top).");
            }
            held.Write(buffer.Span);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) => WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override Task FlushAsync(CancellationToken cancellationToken) => streaming ? inner.FlushAsync(cancellationToken) : Task.CompletedTask;

        public void Discard()
        {
            if (!streaming)
                held.SetLength(0);
        }

        public async Task ReleaseAsync(CancellationToken ct)
        {
            if (streaming || held.Length == 0)
                return;
            held.Position = 0;
            await held.CopyToAsync(inner, ct);
            held.SetLength(0);
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
                held.Dispose();
            base.Dispose(disposing);
        }

        private static bool IsDocument(string? contentType) =>
            contentType is not null && (contentType.StartsWith("application/pdf", StringComparison.OrdinalIgnoreCase)
                || contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase) || contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase));
    }
}
