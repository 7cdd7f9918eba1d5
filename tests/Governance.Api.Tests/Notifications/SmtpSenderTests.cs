using System.Net;
using System.Net.Sockets;
using System.Text;
using Governance.Api.Features.Notifications;
using Microsoft.Extensions.Options;

namespace Governance.Api.Tests.Notifications;

/// <summary>The SMTP sender against a minimal SMTP server on loopback that keeps what it receives.</summary>
public sealed class SmtpSenderTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Send_DeliversAMessageAddressedToThePerson_WithTheLinkAndItsMessageId()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var received = ServeOneMessageAsync(listener);

        var sender = new SmtpNotificationSender(Options.Create(new SmtpOptions
        {
            Host = "127.0.0.1", Port = port, From = "governance@council.example", StartTls = false, PublicBaseUrl = "https://governance.council.example",
        }));
        await sender.SendAsync(new OutgoingMessage("a@council.example", "KPI slip needs your response: escalation 4", "Please respond.",
            "https://governance.council.example/escalations/4", "notification-4.0a1b2c3d@council.example"), Ct);

        var (recipients, data) = await received;
        Assert.Equal(["<a@council.example>"], recipients);
        var headers = data.Split("\r\n\r\n")[0].Split("\r\n");
        Assert.Contains("To: a@council.example", headers);
        Assert.Contains("Message-Id: <notification-4.0a1b2c3d@council.example>", headers);
        Assert.Contains("Subject: KPI slip needs your response: escalation 4", data, StringComparison.Ordinal);
        Assert.Contains("https://governance.council.example/escalations/4", data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ServerRefuses_Throws()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var refusing = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync(Ct);
            await using var stream = client.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes("554 No service here\r\n"), Ct);
        }, Ct);
        var sender = new SmtpNotificationSender(Options.Create(new SmtpOptions { Host = "127.0.0.1", Port = port, StartTls = false }));
        await Assert.ThrowsAnyAsync<Exception>(() => sender.SendAsync(new OutgoingMessage("a@council.example", "s", "b", null, "notification-1.x@council.example"), Ct));
        await refusing;
    }

    private static async Task<(List<string> Recipients, string Data)> ServeOneMessageAsync(TcpListener listener)
    {
        using var client = await listener.AcceptTcpClientAsync(Ct);
        await using var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        var recipients = new List<string>();
        var data = new StringBuilder();
        await writer.WriteLineAsync("220 test SMTP ready");
        while (await reader.ReadLineAsync(Ct) is { } line)
        {
            var command = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (command)
            {
                case "EHLO" or "HELO":
                    await writer.WriteLineAsync("250 test");
                    break;
                case "RCPT":
                    recipients.Add(line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim());
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 go ahead");
                    while (await reader.ReadLineAsync(Ct) is { } body && body != ".")
                        data.Append(body).Append("\r\n");
                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return (recipients, data.ToString());
                default:
                    await writer.WriteLineAsync("250 OK");
                    break;
            }
        }

        return (recipients, data.ToString());
    }
}
